"""A commissioner logs a consultation with the Children in Care Council, in a real browser, and
sees the coverage matrix fill the gap it closed."""

import pytest
from playwright.sync_api import expect

from commissioning.tests.factories import ActivityFactory
from core.tests.factories import BoardMemberFactory, CommissionerFactory
from e2e.browser import assert_accessible, open_from_menu, sign_in
from participation.models import VoiceQuestion
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory
from participation.voice_questions import ensure_voice_questions
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def test_commissioner_logs_a_consultation_that_closes_a_plan_gap(page, base_url):
    sam = CommissionerFactory(username="sam", password=PASSWORD)
    framework = FrameworkFactory()
    PriorityAreaFactory(framework=framework, title="Children in Care", lead_commissioners=[sam])
    StakeholderGroupFactory(name="Children in Care Council")
    sign_in(page, base_url, "sam", PASSWORD)

    page.goto(f"{base_url}/participation/coverage/")
    plan_cell = page.get_by_role("row", name="Children in Care").get_by_role("cell").nth(1)
    expect(plan_cell).to_contain_text("Gap")

    open_from_menu(page, "Participation", "Participation log")
    page.get_by_role("link", name="Log participation").click()
    expect(page.get_by_role("note")).to_contain_text("counts only")
    assert_accessible(page)
    page.get_by_label("Title").fill("What makes a good advocate?")
    page.get_by_label("Method").select_option(label="Consultation")
    page.get_by_label("Consult", exact=True).check()
    page.get_by_label("Cycle stage it informed").select_option(label="Plan")
    page.get_by_label("Children in Care (Halton)").check()
    page.get_by_label("Children in Care Council").check()
    page.get_by_label("Aged 11 to 15").fill("7")
    page.get_by_label("Of whom children in care").fill("7")
    page.get_by_label("What we heard (you said)").fill("Meet us before the review, not on the day.")
    page.get_by_role("group", name="Space", exact=True).get_by_label("Yes").check()
    page.get_by_label("Evidence of Space").fill("At the council's own meeting, at its usual time.")
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert")).to_contain_text("saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("What makes a good advocate?")
    badges = page.get_by_role("list", name="Lundy model")
    expect(badges).to_contain_text("Space: Yes")
    expect(badges).to_contain_text("Influence: Not recorded")
    assert_accessible(page)
    open_from_menu(page, "Participation", "Participation log")
    expect(page.get_by_role("table")).to_contain_text("What makes a good advocate?")
    assert_accessible(page)

    open_from_menu(page, "Participation", "Coverage of the cycle")
    plan_cell = page.get_by_role("row", name="Children in Care").get_by_role("cell").nth(1)
    expect(plan_cell).to_contain_text("1 record")
    expect(plan_cell).to_contain_text("Consult")
    assert_accessible(page)


def test_board_member_reads_you_said_we_did_and_prints_it(page, base_url):
    BoardMemberFactory(username="bea", password=PASSWORD)
    area = PriorityAreaFactory(title="Children in Care")
    ParticipationRecordFactory(
        priority_areas=[area],
        you_said="Meet us before the review, not on the day.",
        we_did="Advocates now meet you a week before every review.",
    )
    sign_in(page, base_url, "bea", PASSWORD)
    page.goto(f"{base_url}/participation/priorities/{area.pk}/you-said-we-did/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(page.get_by_text("Advocates now meet you a week before")).to_be_visible()
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_text("Advocates now meet you a week before")).to_be_visible()


def test_lead_commissioner_answers_the_voice_of_the_child_questions(page, base_url):
    sam = CommissionerFactory(username="sam", password=PASSWORD)
    activity = ActivityFactory(lead_commissioner=sam, stage="plan")
    # The live server's database is flushed between journeys: put the seed questions back.
    ensure_voice_questions(VoiceQuestion)
    sign_in(page, base_url, "sam", PASSWORD)
    page.goto(f"{base_url}/participation/activities/{activity.pk}/voice/")
    expect(page.get_by_text("4 questions not answered yet.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("1. Are meetings person-centred?").fill("Held at the youth centre.")
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_role("alert")).to_contain_text("1 answer saved.")
    expect(page.get_by_text("3 questions not answered yet.")).to_be_visible()
    assert_accessible(page)
