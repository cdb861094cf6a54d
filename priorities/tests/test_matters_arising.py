"""Matters arising: open decisions of a board's earlier meetings, and the open actions arising
from them, are listed on its later meetings until done."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.matters_arising import matters_arising
from governance.models import Decision
from governance.tests.factories import BoardFactory, DecisionFactory, MeetingFactory
from priorities.models import Action
from priorities.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    """Three meetings of one board, a month apart: spring (held), summer (held), autumn."""
    board = BoardFactory(name="Halton Children's Trust Board")
    now = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    return [
        MeetingFactory(board=board, starts_at=now - dt.timedelta(days=days))
        for days in (60, 30, -30)
    ]


def _titles(meeting) -> list[str]:
    return [row.title for row in matters_arising(meeting)]


def test_an_open_decision_comes_back_at_the_next_meetings_until_done(meetings):
    spring, summer, autumn = meetings
    decision = DecisionFactory(meeting=spring, text="Bring the Early Help business case.")
    DecisionFactory(meeting=spring, text="Approve the framework.", status=Decision.Status.DONE)
    DecisionFactory(meeting=BoardFactory().meetings.create(starts_at=spring.starts_at))
    assert _titles(spring) == []
    assert _titles(summer) == ["Bring the Early Help business case."]
    assert _titles(autumn) == ["Bring the Early Help business case."]

    decision.status = Decision.Status.DONE
    decision.save()
    assert _titles(autumn) == []


def test_a_superseded_decision_leaves_the_list(meetings):
    spring, summer, _ = meetings
    DecisionFactory(meeting=spring, status=Decision.Status.SUPERSEDED)
    assert _titles(summer) == []


def test_an_action_arising_stays_until_complete_even_after_its_decision_is_done(meetings):
    spring, summer, autumn = meetings
    decision = DecisionFactory(meeting=spring, text="Review Short Breaks.")
    action = ActionFactory(title="Run the Short Breaks consultation", from_decision=decision)
    rows = matters_arising(summer)
    assert [(row.kind, row.title) for row in rows] == [
        ("Decision", "Review Short Breaks."),
        ("Action", "Run the Short Breaks consultation"),
    ]
    assert rows[1].owner == action.owner.get_full_name()
    assert rows[1].status == action.get_status_display()

    Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.DONE)
    assert _titles(autumn) == ["Run the Short Breaks consultation"]

    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE)
    assert _titles(autumn) == []


def test_the_meeting_page_lists_them(board_member_client, meetings):
    spring, summer, _ = meetings
    decision = DecisionFactory(meeting=spring, text="Bring the Early Help business case.")
    ActionFactory(title="Cost the two multi-agency teams", from_decision=decision)
    page = board_member_client.get(summer.get_absolute_url()).content.decode()
    assert "Matters arising" in page
    assert "Bring the Early Help business case." in page
    assert "Cost the two multi-agency teams" in page
    assert decision.owner_name in page

    first = board_member_client.get(spring.get_absolute_url()).content.decode()
    assert "No matters arising" in first


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_meeting_page_query_count_does_not_grow_with_matters_arising(
    commissioner_client, django_assert_num_queries, meetings
):
    spring, summer, autumn = meetings

    def grow(count: int) -> None:
        for _ in range(count):
            for meeting in (spring, summer):
                decision = DecisionFactory(meeting=meeting)
                ActionFactory(from_decision=decision)
            DecisionFactory(meeting=autumn)

    grow(1)
    first = _queries(commissioner_client, autumn.get_absolute_url())
    grow(10)
    with django_assert_num_queries(first):
        response = commissioner_client.get(autumn.get_absolute_url())
    assert response.content.decode().count("Action: <a") == 22
