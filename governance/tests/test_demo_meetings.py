"""A year of demo meetings for every board: held ones with minutes, a decision and published
papers; planned ones with their agenda; loaded once whatever the day or year."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from core.seed_files import read_seed
from governance import demo, demo_meetings
from governance.models import Board, Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _days(frequency: str, today: dt.date, board_index: int = 0) -> list[dt.date]:
    seed = read_seed("governance", "meeting_year")
    every = seed["months_between_meetings"][frequency]
    return demo_meetings.meeting_days(board_index=board_index, every=every, today=today, seed=seed)


@pytest.mark.parametrize(
    "today", [dt.date(2027, 1, 31), dt.date(2028, 2, 29), dt.date(2026, 12, 2)]
)
def test_a_monthly_board_meets_each_month_of_the_past_year_and_the_next_months(today):
    days = _days("Monthly", today)
    assert len(days) == 17 and len({(day.year, day.month) for day in days}) == 17
    assert sum(day < today.replace(day=1) for day in days) == 12
    assert all(8 <= day.day <= 14 and day.weekday() == 0 for day in days)


@pytest.mark.parametrize("frequency", ["Termly", "Quarterly", "Bi-monthly", "Monthly"])
def test_every_board_has_a_meeting_to_come_on_any_day_of_the_year(frequency):
    day = dt.date(2028, 1, 1)
    while day.year == 2028:
        for board_index in range(4):
            assert any(meeting >= day for meeting in _days(frequency, day, board_index)), day
        day += dt.timedelta(days=1)


def test_a_termly_board_meets_in_the_school_terms():
    months = {day.month for day in _days("Termly", dt.date(2027, 3, 15))}
    assert months == {2, 6, 10}


@pytest.mark.usefixtures("demo")
def test_every_board_has_a_year_of_meetings():
    now = timezone.now()
    year_ago = now - dt.timedelta(days=365)
    for board in Board.objects.all():
        held = board.meetings.filter(starts_at__gte=year_ago, starts_at__lt=now)
        assert held.count() >= 3, board
        assert board.meetings.filter(starts_at__gte=now, status=Meeting.Status.PLANNED).exists()
    generated = Meeting.objects.filter(agenda_items__title__startswith="Minutes of the last")
    past = generated.filter(starts_at__lt=now)
    assert past.exists() and not past.filter(minutes="").exists()
    assert not past.filter(papers_published_at__isnull=True).exists()
    assert not past.filter(decisions__isnull=True).exists()
    upcoming = generated.filter(starts_at__gte=now)
    assert not upcoming.exclude(minutes="").exists()
    assert all(meeting.agenda_items.count() == 3 for meeting in upcoming)


@pytest.mark.usefixtures("demo")
def test_loading_weeks_later_in_another_month_adds_nothing():
    """Meetings follow the calendar's months: a later load must not add a month's meeting."""
    before = Meeting.objects.count()
    later = timezone.localdate() + dt.timedelta(days=40)
    with mock.patch("governance.demo.timezone.localdate", return_value=later):
        assert demo.load() == 0
    assert Meeting.objects.count() == before
