"""The log, the coverage matrix and "feedback owed" cost the same queries at ten times the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory
from participation.models import ConsentUse
from participation.tests.factories import (
    ParticipationRecordFactory,
    QuoteFactory,
    StakeholderGroupFactory,
    YouSaidItemFactory,
)
from priorities.tests.factories import PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

OLD = datetime.timedelta(days=40)


def _add_records(count: int) -> None:
    """Records owing feedback at the plan stage, each with its own priorities, groups and
    activity, so that nothing is shared between rows, each reaching Lundy's Influence, with a
    "you said" item and two quotes (one for public pages)."""
    for _ in range(count):
        area = PriorityAreaFactory()
        record = ParticipationRecordFactory(
            date=timezone.localdate() - OLD,
            priority_areas=[area, PriorityAreaFactory()],
            groups=[StakeholderGroupFactory(), StakeholderGroupFactory()],
            activity=ActivityFactory(priority_area=area),
            lundy_influence="yes",
            lundy_influence_evidence="The venue changed; the group was told at its meeting.",
        )
        YouSaidItemFactory(record=record)
        QuoteFactory(record=record)
        QuoteFactory(record=record, consent_use=ConsentUse.PUBLIC, text="Meet us after school.")


@pytest.mark.parametrize(
    "url",
    [
        reverse("participation:record_list"),
        reverse("participation:record_list") + "?feedback_owed=true&stage=plan",
        reverse("participation:record_list") + "?reached_influence=true",
        reverse("participation:coverage"),
        reverse("participation:feedback_owed"),
    ],
)
def test_page_queries_do_not_grow_with_the_data(
    board_member_client, url, django_assert_num_queries
):
    _add_records(3)
    board_member_client.get(url)  # warm the session, as any later request finds it
    with CaptureQueriesContext(connection) as captured:
        assert board_member_client.get(url).status_code == 200
    # Counted now: the growth below runs enough queries to roll the connection's query log.
    at_1x = len(captured)
    _add_records(27)
    # New priorities and groups change the filter panel's options: the first request renders
    # them again, and the count is the page's once they are cached.
    board_member_client.get(url)
    with django_assert_num_queries(at_1x):
        response = board_member_client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<tr>") > 3
    # The badges and the matrix's Influence counts come with the rows, at no extra query: a
    # page of 25 rows, or the 60 cells of the matrix.
    shown = response.content.count(b"Influence: Yes") + response.content.count(
        b'reached_influence=true">1<'
    )
    assert shown >= 25
