"""Governance in a real browser: a board member reads the structure, a board and a meeting;
the commissioner who is the board's secretary records a decision with the keyboard."""

import datetime

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, fill_date, open_from_menu, sign_in
from governance.models import Decision
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def trust_board_meeting():
    board = BoardFactory(name="Halton Children's Trust Board")
    BoardFactory(name="SEND Strategic Group", reports_to=board)
    MembershipFactory(board=board, person_name="Director of Children's Services", role="chair")
    meeting = MeetingFactory(board=board)
    AgendaItemFactory(meeting=meeting, order=1, title="Termly review: Children in Care")
    DecisionFactory(meeting=meeting, text="Refresh the children in care sufficiency statement.")
    return meeting


def test_board_member_reads_the_structure_a_board_and_a_meeting(
    page, base_url, trust_board_meeting
):
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(page, base_url, "bea", PASSWORD)
    open_from_menu(page, "Governance", "Governance structure")
    expect(page.get_by_role("heading", name="Governance structure")).to_be_visible()
    expect(page.get_by_text("SEND Strategic Group")).to_be_visible()
    expect(page.get_by_text("Director of Children's Services").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Halton Children's Trust Board").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halton Children's Trust Board")
    assert_accessible(page)

    page.goto(f"{base_url}{trust_board_meeting.get_absolute_url()}")
    expect(page.get_by_text("Termly review: Children in Care", exact=True)).to_be_visible()
    expect(
        page.get_by_role("rowheader", name="Refresh the children in care sufficiency statement.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Record a decision")).to_have_count(0)
    assert_accessible(page)

    open_from_menu(page, "Governance", "Decisions log")
    expect(page.get_by_role("heading", name="Decisions log")).to_be_visible()
    assert_accessible(page)


def test_commissioner_records_a_decision_with_the_keyboard(page, base_url, trust_board_meeting):
    cam = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    # The board's secretary records its decisions.
    MembershipFactory(board=trust_board_meeting.board, user=cam, role="secretary")
    sign_in(page, base_url, "cam", PASSWORD)
    page.goto(f"{base_url}{trust_board_meeting.get_absolute_url()}")
    page.get_by_role("link", name="Record a decision").click()
    assert_accessible(page)

    # A missing owner is refused beside its field, the text is kept, and nothing is saved.
    page.get_by_label("Decision").fill("Commission a short breaks review with the CCG.")
    fill_date(page, "Due date", datetime.date(2027, 2, 28))
    page.get_by_role("group", name="Due date").get_by_label("Year").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    summary.get_by_role(
        "link",
        name="Owner: a person: Choose who carries the decision out: a person or an organisation.",
    ).click()
    expect(page.get_by_label("Owner: a person")).to_be_focused()
    expect(page.get_by_label("Decision")).to_have_value(
        "Commission a short breaks review with the CCG."
    )
    assert_accessible(page)
    assert not Decision.objects.filter(text__startswith="Commission a short breaks").exists()

    page.get_by_label("Owner: a person").select_option(label=cam.get_full_name())
    page.get_by_role("group", name="Due date").get_by_label("Year").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded.")
    expect(page.get_by_role("rowheader", name="Commission a short breaks")).to_be_visible()
    decision = Decision.objects.get(text__startswith="Commission a short breaks")
    assert decision.owner_user == cam
    assert str(decision.due_date) == "2027-02-28"
