"""Who records a board's meetings, minutes, agenda and decisions: administrators and the
commissioners holding a current chair, vice-chair or secretary seat on it, and nobody else."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import can_edit_board_records
from core.tests.factories import AdministratorFactory, BoardMemberFactory, CommissionerFactory
from governance.models import Decision, Membership
from governance.tests.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    RecordingSeatFactory,
)

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def decision():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    return DecisionFactory(meeting=meeting, text="Adopt the THRIVE model.")


def _edit_urls(decision: Decision) -> list[str]:
    meeting = decision.meeting
    return [
        reverse("governance:meeting_create", args=[meeting.board_id]),
        reverse("governance:meeting_update", args=[meeting.pk]),
        reverse("governance:agenda_item_create", args=[meeting.pk]),
        reverse("governance:agenda_item_update", args=[meeting.agenda_items.get().pk]),
        reverse("governance:decision_create", args=[meeting.pk]),
        reverse("governance:decision_update", args=[decision.pk]),
    ]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_commissioner_without_a_seat_cannot_edit_a_boards_records(decision):
    """Any commissioner, even one leading no priority, could edit any board's records."""
    client = _client(CommissionerFactory())
    for url in _edit_urls(decision):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "You cannot open this page" in response.content.decode(), url
    response = client.post(
        reverse("governance:decision_update", args=[decision.pk]),
        {"text": "Rewritten", "owner_user": "", "status": "open", "version": decision.version},
    )
    assert response.status_code == 403
    assert Decision.objects.get().text == "Adopt the THRIVE model."
    page = client.get(decision.meeting.get_absolute_url()).content.decode()
    assert "Record a decision" not in page
    assert reverse("governance:decision_update", args=[decision.pk]) not in page


@pytest.mark.parametrize("role", [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY])
def test_a_commissioner_in_a_recording_seat_edits_its_records(decision, role):
    secretary = CommissionerFactory()
    MembershipFactory(board=decision.meeting.board, user=secretary, role=role)
    client = _client(secretary)
    for url in _edit_urls(decision):
        assert client.get(url).status_code == 200, url
    page = client.get(decision.meeting.get_absolute_url()).content.decode()
    assert reverse("governance:decision_update", args=[decision.pk]) in page


@pytest.mark.parametrize(
    "seat",
    [
        {"role": Role.MEMBER},  # a seat that does not record
        {"role": Role.OFFICER},
        {"role": Role.SECRETARY, "end_date": dt.date(2000, 1, 1)},  # a seat since left
    ],
)
def test_other_seats_do_not_record(decision, seat, today):
    commissioner = CommissionerFactory()
    if "end_date" in seat:
        seat = seat | {"start_date": dt.date(1999, 1, 1)}
    MembershipFactory(board=decision.meeting.board, user=commissioner, **seat)
    assert not can_edit_board_records(commissioner, decision.meeting.board)
    assert _client(commissioner).get(_edit_urls(decision)[1]).status_code == 403


def test_a_seat_on_another_board_does_not_record_this_one(decision):
    commissioner = CommissionerFactory()
    RecordingSeatFactory(user=commissioner)
    assert not can_edit_board_records(commissioner, decision.meeting.board)


def test_a_board_member_in_the_chair_still_changes_nothing(decision):
    chair = BoardMemberFactory()
    MembershipFactory(board=decision.meeting.board, user=chair, role=Role.CHAIR)
    assert not can_edit_board_records(chair, decision.meeting.board)


def test_administrators_edit_every_boards_records(decision):
    assert can_edit_board_records(AdministratorFactory(), decision.meeting.board)


def test_the_decision_log_offers_edits_only_on_the_boards_one_records(decision):
    secretary = CommissionerFactory()
    RecordingSeatFactory(board=decision.meeting.board, user=secretary)
    elsewhere = DecisionFactory(text="Another board's decision")
    page = _client(secretary).get(reverse("governance:decision_log")).content.decode()
    assert reverse("governance:decision_update", args=[decision.pk]) in page
    assert reverse("governance:decision_update", args=[elsewhere.pk]) not in page


def test_the_board_page_offers_a_meeting_only_to_its_recorders(decision):
    board = decision.meeting.board
    url = reverse("governance:meeting_create", args=[board.pk])
    assert url not in _client(CommissionerFactory()).get(board.get_absolute_url()).content.decode()
    secretary = CommissionerFactory()
    RecordingSeatFactory(board=board, user=secretary)
    assert url in _client(secretary).get(board.get_absolute_url()).content.decode()
