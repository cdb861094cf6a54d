"""A commissioner moves an activity on: refused with the reason, then allowed with the evidence."""

import pytest
from playwright.sync_api import expect

from commissioning.models import CommissioningActivity
from commissioning.tests.factories import ActivityFactory, ContractFactory, PriorityAreaFactory
from core import roles
from core.choices import Stage
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, open_from_menu, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def test_commissioner_moves_an_activity_from_analyse_to_plan(page, base_url):
    commissioner = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])
    activity = ActivityFactory(title="Advocacy for children in care", priority_area=area)
    ContractFactory(activity=activity)
    sign_in(page, base_url, "cam", PASSWORD)

    open_from_menu(page, "Commissioning", "Cycle board")
    expect(page.get_by_role("heading", name="Commissioning cycle")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Advocacy for children in care").click()
    expect(page.get_by_role("heading", name="Next move: Analyse to Plan")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Move to Plan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Not moved: Add a needs assessment for this cycle"
    )

    page.get_by_role("link", name="Back to the activity").click()
    page.get_by_role("link", name="Add a needs assessment").click()
    page.get_by_label("Title").fill("Advocacy needs of children in care")
    page.get_by_label("Evidence sources").fill("JSNA 2018; Children in Care Council survey")
    page.get_by_label("Population").fill("Children in care aged 5 to 17")
    page.get_by_label("Key findings").fill("Children want an advocate they already know.")
    page.get_by_role("button", name="Add needs assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("Needs assessment added.")
    expect(page.get_by_text("Ready: the evidence this move needs is recorded.")).to_be_visible()

    page.get_by_label("Note").fill("Needs assessment agreed by the partnership")
    page.get_by_role("button", name="Move to Plan").click()
    expect(page.get_by_role("alert")).to_contain_text("Moved to Plan.")
    expect(page.get_by_role("heading", name="Next move: Plan to Do")).to_be_visible()
    assert_accessible(page)

    open_from_menu(page, "Commissioning", "Cycle board")
    plan_column = page.get_by_role("region", name="Plan")
    expect(plan_column.get_by_role("link", name="Advocacy for children in care")).to_be_visible()
    assert_accessible(page)
    # One stage on its own, page by page, through the filter.
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Stage").select_option(label="Plan")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("link", name="Back to every stage")).to_be_visible()
    expect(page.get_by_role("link", name="Advocacy for children in care")).to_be_visible()
    expect(page.get_by_role("region", name="Analyse")).to_have_count(0)
    assert_accessible(page)
    # One move, and only after the evidence: the refused press saved nothing.
    activity.refresh_from_db()
    assert activity.stage == Stage.PLAN
    assert CommissioningActivity.objects.get().stage_moves.count() == 1
