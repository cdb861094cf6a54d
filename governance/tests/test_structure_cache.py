"""The governance structure is kept whole in the cache (governance.views.structure_html): a
change to a body, a seat, an organisation or the partnership shows on the next request, a
chair whose term has ended goes the next day, and a kept structure reads none of its tables."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.sign_in import sign_in
from governance.models import Membership
from governance.tests.factories import BoardFactory, MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.uses_cache]

URL = reverse("governance:structure")


def _page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_body_shows_on_the_next_request(board_member_client):
    board = BoardFactory(name="Children's Trust Board")
    assert "Children&#x27;s Trust Board" in _page(board_member_client)

    board.name = "Children and Young People's Board"
    board.save()

    page = _page(board_member_client)
    assert "Children and Young People&#x27;s Board" in page
    assert "Children&#x27;s Trust Board" not in page


def test_a_new_chair_and_a_renamed_organisation_show_on_the_next_request(board_member_client):
    board = BoardFactory(name="Emotional Health Group")
    assert "No chair recorded" in _page(board_member_client)

    chair = MembershipFactory(board=board, role=Membership.Role.CHAIR, person_name="Dr Amara Osei")
    assert "Dr Amara Osei" in _page(board_member_client)

    chair.organisation.short_name = "NHS C&M"
    chair.organisation.save()
    assert "NHS C&amp;M" in _page(board_member_client)


def test_a_chairs_ended_term_leaves_the_structure_the_next_day(
    board_member_client, board_member, clock, today
):
    board = BoardFactory(name="Early Help Board")
    MembershipFactory(
        board=board, role=Membership.Role.CHAIR, person_name="Cllr Rose Pike", end_date=today
    )
    assert "Cllr Rose Pike" in _page(board_member_client)

    clock.shift(dt.timedelta(days=1))
    sign_in(board_member_client, board_member)  # yesterday's session has timed out

    page = _page(board_member_client)
    assert "Cllr Rose Pike" not in page
    assert "No chair recorded" in page


def test_a_renamed_partnership_shows_on_the_next_request(board_member_client):
    board = BoardFactory(name="Children's Trust Board")
    _page(board_member_client)

    board.partnership.name = "Halton Children's Trust"
    board.partnership.save()

    assert "Halton Children&#x27;s Trust" in _page(board_member_client)


def test_a_kept_structure_reads_none_of_its_tables(board_member_client):
    MembershipFactory(board=BoardFactory(), role=Membership.Role.CHAIR)
    _page(board_member_client)

    with CaptureQueriesContext(connection) as captured:
        _page(board_member_client)

    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "governance_board" not in tables
    assert "governance_membership" not in tables
