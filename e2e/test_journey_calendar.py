"""Calendars in a real browser: a board member finds their feed's address, a calendar
application (no sign-in) reads it, they download one meeting's .ics, and reset the address."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, sign_in
from governance.models import Meeting
from governance.tests.factories import BoardFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def test_board_member_subscribes_downloads_a_meeting_and_resets_the_address(
    page, browser, base_url
):
    bea = UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    board = BoardFactory(name="Halton Children's Trust Board")
    MembershipFactory(board=board, user=bea, person_name="Bea Member")
    next_month = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(
        board=board, starts_at=next_month + dt.timedelta(days=30), status=Meeting.Status.PLANNED
    )
    sign_in(page, base_url, "bea", PASSWORD)

    account = bea.get_full_name() or "bea"
    page.get_by_role("navigation", name="Main").get_by_role("button", name=account).click()
    page.get_by_role("link", name="My calendar").click()
    expect(page.get_by_role("heading", name="My calendar")).to_be_visible()
    assert_accessible(page)
    address = page.get_by_label("Your calendar's address").input_value()
    assert address.startswith(f"{base_url}/priorities/calendar/")

    calendar_app = browser.new_context()  # no cookies: a calendar application cannot sign in
    feed = calendar_app.request.get(address)
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    summaries = [str(event["summary"]) for event in Calendar.from_ical(feed.body()).walk("VEVENT")]
    assert summaries == ["Halton Children's Trust Board meeting"]

    page.goto(f"{base_url}{meeting.get_absolute_url()}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    event = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(event["uid"]) == f"meeting-{meeting.pk}@joint-commissioning-manager"
    assert_accessible(page)

    page.go_back()
    page.get_by_role("button", name="Reset my calendar's address").click()
    expect(page.get_by_role("alert")).to_contain_text("The old address no longer works")
    assert page.get_by_label("Your calendar's address").input_value() != address
    assert calendar_app.request.get(address).status == 404
    calendar_app.close()
