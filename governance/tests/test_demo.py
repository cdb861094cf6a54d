"""The governance demo data: both seeds' structures, loaded once however often it runs."""

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core import roles
from core.models import Partnership
from core.roles import can_edit_board_records
from core.seed_files import read_partnership_rows
from core.tests.factories import UserFactory, give_role
from governance import demo
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Membership,
    Organisation,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

MODELS = (
    Organisation,
    Board,
    Membership,
    Meeting,
    AgendaItem,
    Decision,
    Attendance,
    Interest,
    Declaration,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_adds_nothing_the_second_time():
    # Not the shared `demo`: the count of a first run needs an empty database.
    created = demo.load()
    first = _counts()
    assert created == sum(first.values())
    assert demo.load() == 0
    assert _counts() == first


@pytest.mark.usefixtures("demo")
def test_loading_on_a_later_day_adds_nothing():
    """Offsets move with the date: a second day's run used to add a clashing open membership."""
    first = _counts()
    later = timezone.localdate() + dt.timedelta(days=3)
    with mock.patch("governance.demo.timezone.localdate", return_value=later):
        assert demo.load() == 0
    assert _counts() == first


@pytest.mark.usefixtures("demo")
def test_every_body_of_both_seeds_with_its_reporting_line():
    boards = read_partnership_rows("governance", "boards")
    assert Board.objects.count() == len(boards)
    for row in boards:
        board = Board.objects.get(name=row["name"])
        assert (board.reports_to.name if board.reports_to else None) == row["reports_to"]
    halton = Board.objects.get(name="Halton Children's Trust Board")
    assert halton.reports_to is None
    assert {"SEND Strategic Group", "Halton Youth Cabinet", "INVOLVE Group"} <= set(
        halton.reporting_bodies.values_list("name", flat=True)
    )
    executive = Board.objects.get(name="Children's Trust Executive")
    assert executive.partnership.short_name == "West Cheshire"
    assert executive.reporting_bodies.filter(name__startswith="Emotional Health").exists()
    assert Board.objects.get(name="Access Sub-group").reports_to.reports_to == executive


@pytest.mark.usefixtures("demo")
def test_demo_rows_are_valid_and_people_are_job_titles():
    for model in MODELS:
        for row in model.objects.all():
            row.full_clean()
    assert Membership.objects.filter(role="chair").exists()
    assert Meeting.objects.filter(starts_at__gte=timezone.now()).exists()
    assert Meeting.objects.filter(starts_at__lt=timezone.now()).exists()
    assert Decision.objects.filter(status="open").exists()


@pytest.mark.usefixtures("demo")
def test_meeting_times_are_london_wall_clock_times():
    row = read_partnership_rows("governance", "meetings")[0]
    meeting = Meeting.objects.get(
        board__name=row["board"],
        agenda_items__order=1,
        agenda_items__title=row["agenda"][0]["title"],
    )
    assert timezone.localtime(meeting.starts_at).strftime("%H:%M") == row["time"]
    assert meeting.agenda_items.count() == len(row["agenda"])


@pytest.mark.usefixtures("demo")
def test_a_board_member_walks_from_the_structure_to_a_meetings_decisions(client):
    """The issue's "done when": structure, then a board, then a meeting and its decisions; a
    West Cheshire board member sees West Cheshire's structure, not Halton's."""
    member = give_role(
        UserFactory(), roles.BOARD_MEMBER, Partnership.objects.get(short_name="West Cheshire")
    )
    client.force_login(member)
    board_member_client = client
    structure = board_member_client.get("/governance/").content.decode()
    assert "Halton Children&#x27;s Trust Board</a>" not in structure
    assert "Children&#x27;s Trust Executive</a>" in structure
    assert "Access Sub-group</a>" in structure
    executive = Board.objects.get(name="Children's Trust Executive")
    board_page = board_member_client.get(executive.get_absolute_url()).content.decode()
    held = executive.meetings.filter(decisions__isnull=False).first()
    assert held.get_absolute_url() in board_page
    meeting_page = board_member_client.get(held.get_absolute_url()).content.decode()
    for decision in held.decisions.all():
        assert decision.owner.replace("'", "&#x27;") in meeting_page
    assert held.agenda_items.first().title.replace("'", "&#x27;") in meeting_page


@pytest.mark.usefixtures("demo")
def test_the_demo_commissioner_records_one_board_and_only_that_one():
    """The demo's commissioner, who recorded every board's meetings before, keeps the feature
    on show as the secretary of the Halton Children's Trust Board."""
    commissioner = get_user_model().objects.get(username="commissioner")
    recorded = [
        board.name for board in Board.objects.all() if can_edit_board_records(commissioner, board)
    ]
    assert recorded == ["Halton Children's Trust Board"]
