"""The idle sign-out in a real browser: the warning before it, "Stay signed in", and the words
of a termly report typed before the session ended, still there after signing in again."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible
from priorities.tests.factories import PriorityAreaFactory
from reporting.models import Term, TermlyReport
from reporting.terms import seed_terms
from reporting.tests.factories import TermlyReportFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
WORDS = "Fourteen families supported by the Edge of Care Team; none came into care."


def _sign_in_form(page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")


@pytest.fixture
def cam():
    return UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)


def test_words_typed_before_the_session_ended_are_there_after_signing_in(
    page, base_url, cam, clock
):
    seed_terms(Term)
    report = TermlyReportFactory(
        priority_area=PriorityAreaFactory(title="Children in Care", lead_commissioners=[cam]),
        highlights="",
        overall_rag="",
    )
    words_url = f"{base_url}/priorities/reports/{report.pk}/words/"
    page.goto(words_url)
    _sign_in_form(page, "cam")
    page.get_by_label("Amber").check()
    page.get_by_label("Highlights").fill(WORDS)

    clock.shift(dt.timedelta(minutes=31))  # away from the desk: the idle session ends
    page.get_by_role("button", name="Save the report's words").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("You were signed out, so nothing was saved")).to_be_visible()
    assert TermlyReport.objects.get().highlights == ""
    _sign_in_form(page, "cam")
    expect(page).to_have_url(words_url)
    expect(page.get_by_label("Highlights")).to_have_value(WORDS)
    expect(page.get_by_label("Amber")).to_be_checked()
    expect(page.get_by_text("What you typed before you were signed out is back")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save the report's words").click()
    expect(page.get_by_role("alert")).to_contain_text("words are saved")
    report.refresh_from_db()
    assert (report.highlights, report.overall_rag) == (WORDS, "amber")


def test_the_warning_comes_before_the_sign_out_and_stay_signed_in_keeps_the_session(
    page, base_url, cam, clock, settings
):
    settings.SESSION_COOKIE_AGE = 12  # the warning opens 6 seconds before the end
    page.goto(f"{base_url}/accounts/login/")
    _sign_in_form(page, "cam")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    clock.shift(dt.timedelta(seconds=8))

    dialog = page.get_by_role("dialog", name="You are about to be signed out")
    expect(dialog).to_be_visible(timeout=10_000)
    expect(dialog).to_contain_text("You will be signed out in")
    expect(dialog.get_by_role("heading")).to_be_focused()
    assert_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()

    # Past the end of the session as it was at sign-in: "Stay signed in" renewed it.
    clock.shift(dt.timedelta(seconds=8))
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    # Left alone, the warning comes back and the page signs out.
    expect(dialog).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible(timeout=15_000)
    expect(
        page.get_by_text("You were signed out because you had not done anything")
    ).to_be_visible()
    page.goto(f"{base_url}/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
