"""Decisions that come back, in a real browser: the commissioner who is secretary of Halton
Children's Trust Board takes a decision about a priority, creates an action from it, and sees
both as matters arising on the board's next meeting; the forward plan reads the same way."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, fill_date, open_from_menu, sign_in
from governance.models import Decision
from governance.tests.factories import (
    BoardFactory,
    ForwardPlanEntryFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
)
from priorities.models import Action
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def trust_board():
    """The board, its meeting last week and its next meeting, and the secretary, who leads the
    Children in Care priority."""
    cam = UserFactory(
        username="cam",
        password=PASSWORD,
        first_name="Cam",
        last_name="Reid",
        role=roles.COMMISSIONER,
    )
    board = BoardFactory(name="Halton Children's Trust Board")
    MembershipFactory(board=board, user=cam, role="secretary", person_name="Head of Commissioning")
    ten = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    held = MeetingFactory(board=board, starts_at=ten - dt.timedelta(days=7))
    upcoming = MeetingFactory(board=board, starts_at=ten + dt.timedelta(days=35), status="planned")
    PriorityAreaFactory(title="Children in Care", lead_commissioners=[cam])
    OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    ForwardPlanEntryFactory(
        board=board,
        title="Recommission Short Breaks for children with SEND",
        expected_meeting=upcoming,
        expected_month=None,
        lead=cam,
        published_on=timezone.localdate() + dt.timedelta(days=14),
    )
    return {"held": held, "upcoming": upcoming}


def test_a_decision_creates_an_action_and_both_come_back_at_the_next_meeting(
    page, base_url, trust_board
):
    held, upcoming = trust_board["held"], trust_board["upcoming"]
    sign_in(page, base_url, "cam", PASSWORD)
    page.goto(f"{base_url}{held.get_absolute_url()}")
    page.get_by_role("link", name="Record a decision").click()
    page.get_by_label("Decision").fill("Refresh the children in care sufficiency statement.")
    page.get_by_label("Owner: a person").select_option(label="Cam Reid")
    fill_date(page, "Due date", timezone.localdate() + dt.timedelta(days=60))
    page.get_by_label("What it concerns").select_option(label="Children in Care")
    assert_accessible(page)
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded.")
    decision = Decision.objects.get()
    assert decision.concerns.title == "Children in Care"

    page.get_by_role("link", name=re.compile("^Create an action from this decision")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an action to Children in Care")
    expect(page.get_by_label("Title")).to_have_value(
        "Refresh the children in care sufficiency statement."
    )
    page.get_by_label("Lead organisation").select_option(label="Halton Borough Council")
    assert_accessible(page)
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("alert")).to_contain_text("a matter arising")
    action = Action.objects.get()
    assert action.from_decision == decision

    page.goto(f"{base_url}{upcoming.get_absolute_url()}")
    arising = page.get_by_role("region", name="Matters arising")
    # The action took the decision's words as its title: each row links to its own record.
    expect(arising.locator(f'a[href="{decision.get_absolute_url()}"]')).to_be_visible()
    expect(arising.locator(f'a[href="{action.get_absolute_url()}"]')).to_be_visible()
    # The decision's row, and the action's "arising from" it.
    expect(arising.get_by_text("Decision: Refresh the children in care")).to_have_count(2)
    expect(arising.get_by_text("Cam Reid").first).to_be_visible()
    assert_accessible(page)

    open_from_menu(page, "Governance", "Forward plan")
    expect(page.get_by_role("heading", name="Forward plan")).to_be_visible()
    expect(page.get_by_text("Less than 28 days' notice")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add to the plan of Halton Children's Trust Board").click()
    assert_accessible(page)
