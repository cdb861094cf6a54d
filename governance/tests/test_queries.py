"""Lists and the structure page run the same number of queries however much data there is."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.tests.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _add_trees(count: int) -> None:
    """`count` top bodies, each with a chaired sub-group and a sub-sub-group."""
    for n in range(count):
        top = BoardFactory()
        MembershipFactory(board=top, role="chair")
        child = SubGroupFactory(reports_to=top)
        MembershipFactory(board=child, role="chair")
        MembershipFactory(board=child, role="member")
        SubGroupFactory(reports_to=child, is_active=n % 2 == 0)


def _add_decisions(count: int) -> None:
    for _ in range(count):
        meeting = MeetingFactory(board=BoardFactory(), starts_at=timezone.now() - dt.timedelta(7))
        DecisionFactory(meeting=meeting, due_date=timezone.localdate() - dt.timedelta(days=2))
        DecisionFactory(meeting=meeting, status="done")


def _queries(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_structure_page_query_count_does_not_grow_with_the_tree(
    board_member_client, django_assert_num_queries
):
    url = reverse("governance:structure")
    _add_trees(2)
    first = _queries(board_member_client, url)
    _add_trees(20)
    with django_assert_num_queries(first):
        response = board_member_client.get(url)
    assert response.content.decode().count('class="gov-node"') == 66


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
def test_decisions_log_query_count_does_not_grow(
    board_member_client, django_assert_num_queries, filtered, today
):
    """A fixed "taken from" (1 January 2026) came to leave out meetings dated by the clock."""
    month_ago = (today - dt.timedelta(days=30)).isoformat()
    params = (
        {"status": "open", "overdue": "on", "owner": "khan", "taken_from": month_ago}
        if filtered
        else {}
    )
    url = reverse("governance:decision_log")
    _add_decisions(2)
    first = _queries(board_member_client, url, params)
    _add_decisions(20)
    with django_assert_num_queries(first):
        response = board_member_client.get(url, params)
    assert 'id="decision-' in response.content.decode()


def test_board_page_query_count_does_not_grow(board_member_client, django_assert_num_queries):
    board = BoardFactory()

    def grow(count: int) -> None:
        for _ in range(count):
            MembershipFactory(board=board)
            SubGroupFactory(reports_to=board)
            DecisionFactory(meeting=MeetingFactory(board=board))

    grow(2)
    first = _queries(board_member_client, board.get_absolute_url())
    grow(20)
    with django_assert_num_queries(first):
        board_member_client.get(board.get_absolute_url())


def test_meeting_page_query_count_does_not_grow(board_member_client, django_assert_num_queries):
    meeting = MeetingFactory()
    DecisionFactory.create_batch(2, meeting=meeting)
    first = _queries(board_member_client, meeting.get_absolute_url())
    DecisionFactory.create_batch(20, meeting=meeting)
    with django_assert_num_queries(first):
        board_member_client.get(meeting.get_absolute_url())
