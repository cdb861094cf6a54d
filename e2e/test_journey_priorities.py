"""The commissioner's daily loop in a real browser, and a board member who only reads."""

import datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, fill_date, open_from_menu, sign_in
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    ObjectiveFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def prevention():
    commissioner = UserFactory(
        username="cam",
        first_name="Cam",
        last_name="Reid",
        password=PASSWORD,
        role=roles.COMMISSIONER,
    )
    area = PriorityAreaFactory(title="Prevention", lead_commissioners=[commissioner])
    # An objective, so that the priority page's objectives table and grouped plan are checked.
    objective = ObjectiveFactory(priority_area=area, text="Support families early")
    ActionFactory(
        priority_area=area,
        objective=objective,
        owner=commissioner,
        title="Retain TAF advisors",
        overdue=True,
    )
    OrganisationFactory(short_name="CWaC", name="Cheshire West and Chester Council")
    return area


def test_commissioner_logs_progress_adds_an_action_and_exports_the_plan(page, base_url, prevention):
    sign_in(page, base_url, "cam", PASSWORD)
    open_from_menu(page, "Priorities", "My actions")
    expect(page.get_by_text("1 of your actions is overdue")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Retain TAF advisors").click()
    expect(page.get_by_text("Overdue").first).to_be_visible()
    assert_accessible(page)

    # Percent out of range is refused at the field and nothing is saved.
    page.get_by_label("Amber").check()
    page.get_by_label("Percent complete").fill("140")
    page.get_by_label("Narrative").fill("Funding bid submitted; decision due next month.")
    page.get_by_role("button", name="Log progress").click()
    message = page.get_by_label("Percent complete").evaluate("input => input.validationMessage")
    assert "100" in message
    assert not Action.objects.get(title="Retain TAF advisors").progress_updates.exists()

    # The action is overdue, so Red is suggested: Amber needs a word of why.
    page.get_by_label("Percent complete").fill("40")
    page.get_by_role("button", name="Log progress").click()
    expect(
        page.get_by_text("Say why you chose Amber rather than the suggested Red.")
    ).to_be_visible()
    expect(page.get_by_text("overdue by today; logged 40 %, not complete → Red")).to_be_visible()
    assert not Action.objects.get(title="Retain TAF advisors").progress_updates.exists()
    assert_accessible(page)
    page.get_by_label("Amber").check()
    page.get_by_label("Why this RAG, if not the suggested one").fill(
        "The funding decision is due next month and the advisors stay in post until then."
    )
    page.get_by_role("button", name="Log progress").click()
    expect(page.get_by_text("Funding bid submitted; decision due next month.")).to_be_visible()
    expect(page.get_by_text("the advisors stay in post until then.")).to_be_visible()
    assert Action.objects.get(title="Retain TAF advisors").latest_rag == "amber"

    # Adds an action to the plan.
    page.goto(f"{base_url}{prevention.get_absolute_url()}")
    page.get_by_role("link", name="Add an action").click()
    today = timezone.localdate()
    page.get_by_label("Title").fill("Seek funding sources to increase TAF advisors")
    page.get_by_label("Owner").select_option(label="Cam Reid")
    page.get_by_label("Lead organisation").select_option(label="Cheshire West and Chester Council")
    fill_date(page, "Start date", today)
    fill_date(page, "Due date", today + datetime.timedelta(days=90))
    page.get_by_label("Stage").select_option("plan")
    assert_accessible(page)
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("heading", name="Seek funding sources")).to_be_visible()

    # Exports the plan and opens the spreadsheet.
    page.goto(f"{base_url}{prevention.get_absolute_url()}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export plan (XLSX)").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")
    with open(download_info.value.path(), "rb") as downloaded:
        sheet = load_workbook(downloaded).active
    rows = list(sheet.iter_rows(values_only=True))
    title_column = rows[0].index("Title")
    assert {row[title_column] for row in rows[1:]} == {
        "Retain TAF advisors",
        "Seek funding sources to increase TAF advisors",
    }


def test_commissioner_closes_an_action_with_a_progress_update(page, base_url, prevention):
    sign_in(page, base_url, "cam", PASSWORD)
    action = Action.objects.get(title="Retain TAF advisors")
    page.goto(f"{base_url}{action.get_absolute_url()}")
    # No RAG is preselected: the person chooses one each time.
    for rag in ("Red", "Amber", "Green"):
        expect(page.get_by_label(rag, exact=True)).not_to_be_checked()
    # The reason is asked for only once "Cancelled" is chosen.
    expect(page.get_by_label("Why cancelled")).to_be_hidden()
    page.get_by_label("Action status").select_option(label="Cancelled")
    expect(page.get_by_label("Why cancelled")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Action status").select_option(label="Complete")
    expect(page.get_by_label("Why cancelled")).to_be_hidden()
    page.get_by_label("Green", exact=True).check()
    page.get_by_label("Percent complete").fill("100")
    page.get_by_label("Narrative").fill("All three TAF advisors in post.")
    page.get_by_role("button", name="Log progress").click()
    expect(page.get_by_text("Progress logged; the action is now complete.")).to_be_visible()
    timeline = page.locator("#timeline")
    expect(timeline.get_by_text("Status changed from In progress to Complete.")).to_be_visible()
    expect(timeline.get_by_text("All three TAF advisors in post.")).to_be_visible()
    expect(page.get_by_text("Last update: Green on")).to_be_visible()
    assert_accessible(page)
    action.refresh_from_db()
    assert (action.status, action.latest_rag, action.version) == ("complete", "green", 2)


def test_commissioner_changes_the_owner_of_several_actions_at_once(page, base_url, prevention):
    UserFactory(first_name="Dee", last_name="Nash", role=roles.COMMISSIONER)
    ActionFactory(priority_area=prevention, title="Train early help champions")
    ActionFactory(title="Another priority's action")  # not Cam's to change: no checkbox
    sign_in(page, base_url, "cam", PASSWORD)
    open_from_menu(page, "Priorities", "All actions")
    expect(page.get_by_label("Select “Another priority's action”")).to_have_count(0)
    page.get_by_label("Select “Retain TAF advisors”").check()
    page.get_by_label("Select “Train early help champions”").check()
    assert_accessible(page)
    page.get_by_role("button", name="Change selected actions").click()

    expect(page.get_by_role("heading", name="Change several actions")).to_be_visible()
    # Only the field of the change chosen is shown.
    expect(page.get_by_label("New owner")).to_be_hidden()
    page.get_by_label("Owner", exact=True).check()
    expect(page.get_by_label("New due date")).to_be_hidden()
    page.get_by_label("New owner").select_option(label="Dee Nash")
    assert_accessible(page)
    page.get_by_role("button", name="Review the change").click()

    expect(page.get_by_role("heading", name="Confirm the change")).to_be_visible()
    expect(page.get_by_text("Owner: Dee Nash, for these 2 actions:")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Train early help champions")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Apply the change to 2 actions").click()

    expect(page.get_by_text("Owner: Dee Nash, for 2 actions:")).to_be_visible()
    changed = Action.objects.filter(owner__first_name="Dee")
    assert sorted(changed.values_list("title", flat=True)) == [
        "Retain TAF advisors",
        "Train early help champions",
    ]
    assert set(changed.values_list("version", flat=True)) == {2}


def test_board_member_reads_a_priority_and_is_refused_its_edit_page(page, base_url, prevention):
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(page, base_url, "bea", PASSWORD)
    page.goto(f"{base_url}{prevention.get_absolute_url()}")
    expect(page.get_by_text("Retain TAF advisors")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Objective: Support families early")).to_be_visible()
    expect(page.get_by_role("link", name="Add an action")).to_have_count(0)
    assert_accessible(page)

    action = Action.objects.get(title="Retain TAF advisors")
    response = page.goto(f"{base_url}/priorities/actions/{action.pk}/edit/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot open this page")).to_be_visible()
