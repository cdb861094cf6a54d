"""The structure tree and a board page's data are built as the pages need them."""

import datetime as dt

import pytest
from django.utils import timezone

from core.tests.factories import PartnershipFactory
from governance import selectors
from governance.models import Board
from governance.tests.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_structure_shows_the_users_partnership_with_the_main_body_first(board_member):
    BoardFactory(
        name="Health and Wellbeing Board", partnership=PartnershipFactory(short_name="Halton")
    )
    trust = BoardFactory(
        name="Halton Children's Trust Board", partnership=PartnershipFactory(short_name="Halton")
    )
    send = SubGroupFactory(name="SEND Strategic Group", reports_to=trust)
    SubGroupFactory(name="SEND Review", reports_to=send)
    SubGroupFactory(name="Halton Youth Cabinet", reports_to=trust)
    BoardFactory(
        name="Children's Trust Executive",
        partnership=PartnershipFactory(short_name="West Cheshire"),
    )
    partnerships = selectors.governance_structure(board_member)
    assert [p.name for p in partnerships] == ["Halton Children's Trust"]  # not West Cheshire's
    halton = partnerships[0]
    assert [node.board.name for node in halton.roots] == [
        "Halton Children's Trust Board",
        "Health and Wellbeing Board",
    ]
    trust_node = halton.roots[0]
    assert [child.board.name for child in trust_node.children] == [
        "Halton Youth Cabinet",
        "SEND Strategic Group",
    ]
    assert trust_node.children[1].children[0].board.name == "SEND Review"
    assert trust_node.size == 4


def test_chair_is_the_current_one(today, board_member):
    board = BoardFactory()
    MembershipFactory(
        board=board,
        person_name="Former Chair",
        role="chair",
        start_date=today - dt.timedelta(days=900),
        end_date=today - dt.timedelta(days=100),
    )
    MembershipFactory(board=board, person_name="Vice-chair", role="vice_chair")
    MembershipFactory(board=board, person_name="Director of Children's Services", role="chair")
    node = selectors.governance_structure(board_member)[0].roots[0]
    assert node.chair.person_name == "Director of Children's Services"


def test_a_body_without_a_chair_has_none(board_member):
    BoardFactory()
    assert selectors.governance_structure(board_member)[0].roots[0].chair is None


def test_board_page_data_splits_members_and_meetings(today):
    board = BoardFactory()
    current = MembershipFactory(board=board, role="member")
    chair = MembershipFactory(board=board, role="chair", organisation=current.organisation)
    past = MembershipFactory(
        board=board,
        start_date=today - dt.timedelta(days=100),
        end_date=today - dt.timedelta(days=1),
    )
    upcoming = MeetingFactory(board=board, starts_at=timezone.now() + dt.timedelta(days=3))
    held = MeetingFactory(board=board, starts_at=timezone.now() - dt.timedelta(days=3))
    DecisionFactory.create_batch(selectors.BOARD_PAGE_LIMIT + 1, meeting=held)
    data = selectors.board_page_data(board)
    assert data["current_members"] == [chair, current]  # the chair first within its organisation
    assert data["past_members"] == [past]
    assert data["upcoming_meetings"] == [upcoming]
    assert data["past_meetings"] == [held]
    assert len(data["decisions"]) == selectors.BOARD_PAGE_LIMIT
    assert data["decision_count"] == selectors.BOARD_PAGE_LIMIT + 1


def test_rows_close_every_nested_list_they_open(board_member):
    top = BoardFactory(name="A top")
    child = SubGroupFactory(name="B child", reports_to=top)
    SubGroupFactory(name="C grandchild", reports_to=child)
    SubGroupFactory(name="D second child", reports_to=top)
    BoardFactory(name="E other top")
    rows = selectors.governance_structure(board_member)[0].rows
    assert [(row.node.board.name, row.depth, len(row.closes)) for row in rows] == [
        ("A top", 0, 0),
        ("B child", 1, 0),
        ("C grandchild", 2, 1),  # closes B's list of children
        ("D second child", 1, 1),  # closes A's
        ("E other top", 0, 0),
    ]


def test_bodies_in_a_reporting_loop_are_still_shown(board_member):
    """A loop written around the model's checks hid its bodies from the page."""
    first = BoardFactory(name="First")
    second = SubGroupFactory(name="Second", reports_to=first)
    Board.objects.filter(pk=first.pk).update(reports_to=second)
    rows = selectors.governance_structure(board_member)[0].rows
    assert [(row.node.board.name, row.depth) for row in rows] == [("First", 0), ("Second", 1)]
