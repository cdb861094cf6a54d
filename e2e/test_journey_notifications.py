"""Notifications in a real browser: a board member challenges a submitted report; its lead
commissioner sees the count in the navigation bar rise, opens the challenge from the
notification, and the count goes."""

import pytest
from playwright.sync_api import expect

from core import roles
from core.models import NotificationPreference
from core.tests.factories import UserFactory
from e2e.browser import PAGE_OPTIONS, assert_accessible, sign_in, watch_console_for_csp_violations
from priorities.tests.factories import PriorityAreaFactory
from reporting import services
from reporting.models import Term
from reporting.terms import seed_terms
from reporting.tests.factories import TermlyReportFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def submitted():
    # The live server's database is flushed between journeys, seeded terms included.
    seed_terms(Term)
    cam = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[cam])
    report = TermlyReportFactory(priority_area=area, term=Term.objects.current())
    return services.termly_report_submit(report=report, user=cam)


def test_the_lead_hears_of_a_challenge_and_opens_it(page, browser, base_url, submitted):
    sign_in(page, base_url, "cam", PASSWORD)
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation.get_by_role("link", name="Notifications 0 unread")).to_be_visible()
    expect(page.locator("#nav-unread-count")).to_have_count(0)

    context = browser.new_context(**PAGE_OPTIONS)
    board_page = context.new_page()
    watch_console_for_csp_violations(board_page)
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER, first_name="Bea")
    sign_in(board_page, base_url, "bea", PASSWORD)
    board_page.goto(f"{base_url}{submitted.get_absolute_url()}")
    board_page.get_by_label("Your challenge").fill("When will recruitment restart?")
    board_page.get_by_role("button", name="Add the challenge").click()
    expect(board_page.get_by_role("alert")).to_contain_text("Challenge added.")
    context.close()

    page.reload()
    expect(page.locator("#nav-unread-count")).to_have_text("1 unread")
    navigation.get_by_role("link", name="Notifications 1 unread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    assert_accessible(page)
    page.get_by_role("link", name="challenged the report Children in Care").click()
    challenge = page.locator(".report-challenge")
    expect(challenge).to_contain_text("When will recruitment restart?")
    assert "#challenge-" in page.url
    expect(page.locator("#nav-unread-count")).to_have_count(0)

    navigation.get_by_role("link", name="Notifications 0 unread").click()
    expect(page.locator(".notification-unread")).to_have_count(0)
    page.get_by_role("link", name="How you hear of each kind").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How you hear")
    assert_accessible(page)
    page.get_by_role("group", name="A challenge on a report you lead").get_by_label(
        "Weekly digest email"
    ).check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("alert")).to_contain_text("Your notification choices are saved.")
    assert NotificationPreference.objects.get(user__username="cam", kind="challenge").delivery == (
        "digest"
    )
