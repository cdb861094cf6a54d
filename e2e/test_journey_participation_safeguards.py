"""A commissioner types a child's name and date of birth into a participation record, is stopped
with the reason beside the field, rewrites it and saves, in a real browser."""

import pytest
from playwright.sync_api import expect

from core.tests.factories import CommissionerFactory
from e2e.browser import assert_accessible, open_from_menu, sign_in
from participation.models import ParticipationRecord, PersonalDataConfirmation
from participation.tests.factories import StakeholderGroupFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
WIDTHS = (390, 1280)
IDENTITY = "Jamie Smith, DOB 14/03/2015, said the bus to the youth club is always late."
REWRITTEN = "A young person said the bus to the youth club is always late."


def test_commissioner_is_stopped_by_a_childs_identity_and_rewrites_it(page, base_url):
    sam = CommissionerFactory(username="sam", password=PASSWORD, first_name="Sam", last_name="Reid")
    PriorityAreaFactory(
        framework=FrameworkFactory(), title="Children in Care", lead_commissioners=[sam]
    )
    StakeholderGroupFactory(name="Children in Care Council")
    sign_in(page, base_url, "sam", PASSWORD)

    open_from_menu(page, "Participation", "Participation log")
    page.get_by_role("link", name="Log participation").click()
    page.get_by_label("Title").fill("Getting to the youth club")
    page.get_by_label("Method").select_option(label="Consultation")
    page.get_by_label("Consult", exact=True).check()
    page.get_by_label("Cycle stage it informed").select_option(label="Plan")
    page.get_by_label("Children in Care (Halton)").check()
    page.get_by_label("Children in Care Council").check()
    page.get_by_label("Aged 11 to 15").fill("5")
    page.get_by_label("What we heard (you said)").fill(IDENTITY)
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert", name="There is a problem")).to_contain_text("you said")
    beside = page.locator("#div_id_you_said")
    expect(beside).to_contain_text("This looks like a date of birth ('DOB 14/03/2015')")
    expect(beside).to_contain_text("Remove anything that could identify a child.")
    # What was typed is kept, and the confirmation is offered now that something was found.
    expect(page.get_by_label("What we heard (you said)")).to_have_value(IDENTITY)
    expect(page.get_by_label("I have checked: this is not about a child")).not_to_be_checked()
    assert not ParticipationRecord.objects.exists()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        expect(beside).to_be_visible()
        assert_accessible(page)

    page.get_by_label("What we heard (you said)").fill(REWRITTEN)
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert")).to_contain_text("saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("Getting to the youth club")
    expect(page.get_by_text(REWRITTEN)).to_be_visible()
    assert_accessible(page)
    assert ParticipationRecord.objects.get().you_said == REWRITTEN
    assert not PersonalDataConfirmation.objects.exists()
