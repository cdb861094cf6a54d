"""The board's year in a real browser: the commissioner who is the Trust Board's secretary
records a meeting's attendance (an apology and a substitute) and a declaration of interest,
and reads the quorum, the flag on the decision and the member's page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, sign_in
from governance.models import Attendance, Declaration
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def trust_board_meeting():
    council = OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    nhs = OrganisationFactory(name="NHS Halton CCG", short_name="NHS Halton CCG")
    board = BoardFactory(name="Halton Children's Trust Board", quorum_share="1/3")
    board.quorum_organisations.add(council, nhs)
    MembershipFactory(
        board=board,
        person_name="Director of Children's Services",
        role="chair",
        organisation=council,
    )
    MembershipFactory(
        board=board,
        person_name="Chief Officer, NHS Halton CCG",
        role="vice_chair",
        organisation=nhs,
    )
    MembershipFactory(board=board, person_name="Director of Public Health", organisation=council)
    # A week ago: the factory's own dates go back a week per meeting made in the run, past the
    # members' start dates.
    last_week = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(board=board, starts_at=last_week - datetime.timedelta(days=7))
    item = AgendaItemFactory(meeting=meeting, order=1, title="Short breaks for children with SEND")
    DecisionFactory(
        meeting=meeting, agenda_item=item, text="Extend the short breaks contract by a year."
    )
    return meeting


def test_secretary_records_attendance_and_a_declaration(page, base_url, trust_board_meeting):
    cam = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    MembershipFactory(
        board=trust_board_meeting.board,
        user=cam,
        role="secretary",
        person_name="Head of Commissioning, Children's Services",
    )
    sign_in(page, base_url, "cam", PASSWORD)
    page.goto(f"{base_url}{trust_board_meeting.get_absolute_url()}")
    expect(page.get_by_text("Attendance not recorded yet.")).to_be_visible()
    page.get_by_role("link", name="Record attendance").click()
    expect(page.get_by_role("heading", name="Record attendance")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Status: Director of Children's Services").select_option("present")
    page.get_by_label("Status: Director of Public Health").select_option("apologies")
    page.get_by_label("Status: Head of Commissioning, Children's Services").select_option("present")
    page.get_by_label("Status: Chief Officer, NHS Halton CCG").select_option("substitute")
    page.get_by_label("Substitute: Chief Officer, NHS Halton CCG").fill(
        "Deputy Chief Officer, NHS Halton CCG"
    )
    page.get_by_label("Substitute's organisation: Chief Officer, NHS Halton CCG").select_option(
        label="NHS Halton CCG"
    )
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance recorded. Quorate: 2 present (1 needed).")).to_be_visible()
    expect(page.get_by_text("Represented by a substitute: Deputy Chief Officer")).to_be_visible()
    assert Attendance.objects.filter(meeting=trust_board_meeting).count() == 4
    assert_accessible(page)

    page.get_by_role("link", name="Record a declaration of interest on item 1").click()
    assert_accessible(page)
    page.get_by_label("Member").select_option(
        label="Director of Public Health (Halton Borough Council)"
    )
    page.get_by_label("Interest declared").fill("Spouse employed by the short breaks provider")
    page.get_by_role("button", name="Save declaration").click()
    expect(page.get_by_text("Declaration recorded.")).to_be_visible()
    expect(page.get_by_text("Stayed for this item.")).to_be_visible()
    expect(
        page.get_by_text("Flagged: Director of Public Health declared an interest and stayed")
    ).to_be_visible()
    assert Declaration.objects.get().left_room is False

    page.get_by_role("link", name="Director of Public Health").first.click()
    expect(page.get_by_role("heading", name="Director of Public Health")).to_be_visible()
    expect(
        page.get_by_text("Attended 0 of 1 meeting with attendance recorded (0%)")
    ).to_be_visible()
    assert_accessible(page)
