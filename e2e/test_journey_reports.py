"""Termly reports in a real browser: a commissioner writes and submits the autumn report; a
board member reads it, challenges an exception where they read it, lands back beside it and
downloads the board pack PDF. Editing an action afterwards leaves the submitted report as the
board read it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import (
    PAGE_OPTIONS,
    assert_accessible,
    open_from_menu,
    sign_in,
    watch_console_for_csp_violations,
)
from priorities import services as priorities_services
from priorities.tests.factories import (
    ActionFactory,
    BoardFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)
from reporting.models import ReportComment, Term, TermlyReport
from reporting.terms import seed_terms

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def priority():
    # The live server's database is flushed between journeys, seeded terms included.
    seed_terms(Term)
    cam = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    board = BoardFactory(name="Halton Children's Trust Board")
    framework = FrameworkFactory(owning_board=board)
    area = PriorityAreaFactory(
        framework=framework, title="Children in Care", lead_commissioners=[cam]
    )
    PriorityAreaFactory(framework=framework, title="SEND")
    action = ActionFactory(priority_area=area, owner=cam, title="Scale up the Edge of Care Team")
    priorities_services.progress_update_add(
        action=action, author=cam, rag="red", percent_complete=20, narrative="Recruitment paused."
    )
    indicator = IndicatorFactory(priority_area=area, name="Children in care per 10,000")
    for year, value in ((2023, 98), (2024, 92)):
        IndicatorValueFactory(indicator=indicator, period_label=str(year), value=value)
    return area, action


def test_commissioner_submits_and_board_member_challenges_and_downloads_the_pack(
    page, browser, base_url, priority, tmp_path, run_jobs
):
    area, action = priority
    sign_in(page, base_url, "cam", PASSWORD)
    expect(page.get_by_role("heading", name="Reports to write this term")).to_be_visible()
    open_from_menu(page, "Reports", "Termly reports")
    page.get_by_role("button", name="Start the report on Children in Care").click()
    expect(page.get_by_role("alert")).to_contain_text("Draft report started")
    expect(page.get_by_text("Recruitment paused.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Write the commissioner's view").click()
    page.get_by_label("Amber").check()
    page.get_by_label("Highlights").fill("Fourteen families supported; none came into care.")
    page.get_by_label("Risks and issues").fill("Recruitment to the Edge of Care Team.")
    page.get_by_label("Asks of the board").fill("Agree a joint placements approach.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the report's words").click()
    expect(page.get_by_role("alert")).to_contain_text("words are saved")
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_role("alert")).to_contain_text("Report submitted.")
    report = TermlyReport.objects.get(priority_area=area)
    assert report.status == "submitted"

    context = browser.new_context(**PAGE_OPTIONS)
    board_page = context.new_page()
    watch_console_for_csp_violations(board_page)
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(board_page, base_url, "bea", PASSWORD)
    expect(board_page.get_by_role("heading", name="To review this term")).to_be_visible()
    assert_accessible(board_page)
    board_page.locator("#to-review-heading ~ ul").get_by_role(
        "link", name="Children in Care"
    ).click()
    expect(board_page.get_by_text("Fourteen families supported")).to_be_visible()
    expect(
        board_page.get_by_role("img", name="Line chart: Children in care per 10,000.")
    ).to_be_visible()
    assert_accessible(board_page)

    # The board member challenges the exception where they read it, and lands back beside it.
    exception = board_page.locator(f"#exception-{action.pk}")
    exception.get_by_role("link", name="Challenge this – Scale up the Edge of Care Team").click()
    expect(board_page.get_by_role("heading", level=1)).to_contain_text("Challenge the")
    expect(board_page.get_by_label("About", exact=True)).to_have_value(f"exception-{action.pk}")
    assert_accessible(board_page)
    board_page.get_by_label("Your challenge").fill("When will recruitment restart?")
    board_page.get_by_role("button", name="Add the challenge").click()
    expect(board_page).to_have_url(f"{base_url}{report.get_absolute_url()}#exception-{action.pk}")
    expect(board_page.get_by_role("alert")).to_contain_text("Challenge added.")
    expect(exception.get_by_role("link", name="1 challenge")).to_be_in_viewport()
    comment = ReportComment.objects.get()
    assert (comment.about, comment.subject) == (
        "Scale up the Edge of Care Team",
        f"exception-{action.pk}",
    )

    open_from_menu(board_page, "Reports", "Board packs")
    # Bea sits on no board: the top board most priorities report to is chosen for her.
    expect(board_page.get_by_label("Board")).to_have_value(str(area.framework.owning_board_id))
    board_page.get_by_role("button", name="Open the board pack").click()
    expect(board_page.get_by_role("heading", level=1)).to_contain_text("Board pack")
    assert_accessible(board_page)
    # The PDF is laid out by the worker, not the request: the page says so until it has been.
    board_page.get_by_role("link", name="Download the PDF").click()
    expect(board_page.get_by_role("heading", level=1)).to_contain_text("being laid out")
    assert_accessible(board_page)
    run_jobs()
    with board_page.expect_download() as download_info:
        board_page.get_by_role("link", name="Check again and download").click()
    saved = tmp_path / "pack.pdf"
    download_info.value.save_as(saved)
    assert Path(saved).read_bytes().startswith(b"%PDF")

    # Editing the action afterwards does not change what the board read.
    priorities_services.action_update(
        action=action, data={"title": "Renamed later"}, expected_version=action.version
    )
    board_page.goto(f"{base_url}{report.get_absolute_url()}")
    expect(
        board_page.get_by_role("rowheader", name="Scale up the Edge of Care Team")
    ).to_be_visible()
    expect(board_page.get_by_text("Renamed later")).to_have_count(0)
    context.close()
