"""A year of demo meetings for every board (governance/demo/meeting_year.yaml): the past year's
held, with minutes, a decision and published papers; the coming months' planned.

Dates are worked out from the day of the first load, so the demo reads as a year in any year.
Only the boards that load created get a year: a board from an earlier load has had its chance
(even when the meetings written out in the partnership's file filled every slot), so later
loads, on any day, add nothing.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from core.seed_files import read_seed
from governance.models import AgendaItem, Board, Decision, Meeting

# Termly boards meet in the school terms: February, June, October.
TERM_MONTHS = (2, 6, 10)


def _month(today: date, offset: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 + offset
    return index // 12, index % 12 + 1


def _meeting_day(year: int, month: int, weekday: int) -> date:
    """The given weekday (0 Monday) of the second week of the month."""
    first = date(year, month, 8)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def meeting_days(*, board_index: int, every: int, today: date, seed: dict) -> list[date]:
    """The days a board meets in the demo's year: every `every` months, or in the school terms
    for a termly board, each on a weekday of its own."""
    days = []
    weekday = board_index % 4  # Monday to Thursday
    for offset in range(-seed["past_months"], seed["coming_months"]):
        year, month = _month(today, offset)
        if every == 4:
            meets = month in TERM_MONTHS
        else:
            meets = (year * 12 + month + board_index) % every == 0
        if meets:
            days.append(_meeting_day(year, month, weekday))
    return days


def _near_another(board: Board, starts_at: datetime, every: int) -> bool:
    """A meeting written out in the partnership's file already falls in this slot."""
    slack = timedelta(days=every * 15)
    return board.meetings.filter(
        starts_at__gt=starts_at - slack, starts_at__lt=starts_at + slack
    ).exists()


def _add_meeting(board: Board, starts_at: datetime, theme: dict, seed: dict, place: dict) -> int:
    today = timezone.localdate()
    held = starts_at.date() < today
    standing = seed["standing_items"]
    meeting = Meeting.objects.create(
        board=board,
        starts_at=starts_at,
        location=place["location"],
        status=Meeting.Status.HELD if held else Meeting.Status.PLANNED,
        minutes=theme["minutes"] if held else "",
        papers_published_at=(
            starts_at - timedelta(days=seed["papers_published_days_before"]) if held else None
        ),
    )
    items = [standing["first"], theme, standing["last"]]
    for order, item in enumerate(items, start=1):
        AgendaItem.objects.create(
            meeting=meeting, order=order, title=item["title"], presenter=item["presenter"]
        )
    if not held:
        return 1 + len(items)
    due = starts_at.date() + timedelta(days=seed["decision_due_in_days"])
    done = due < today - timedelta(days=seed["done_after_days"])
    Decision.objects.create(
        meeting=meeting,
        text=theme["decision"],
        owner_note=theme["owner"],
        due_date=due,
        status=Decision.Status.DONE if done else Decision.Status.OPEN,
    )
    return 2 + len(items)


def load(new_boards: set[int]) -> int:
    """Give each board created by this load (its pk in `new_boards`) a year of meetings; return
    how many rows were added."""
    seed = read_seed("governance", "meeting_year")
    today = timezone.localdate()
    created = 0
    boards = Board.objects.select_related("partnership").order_by("partnership__name", "name")
    for index, board in enumerate(boards):
        place = seed["partnerships"].get(board.partnership.short_name)
        every = seed["months_between_meetings"].get(board.meeting_frequency)
        if place is None or every is None or board.pk not in new_boards:
            continue
        themes = place["themes"]
        clock = time.fromisoformat(place["time"])
        days = meeting_days(board_index=index, every=every, today=today, seed=seed)
        for number, day in enumerate(days):
            starts_at = timezone.make_aware(datetime.combine(day, clock))
            if _near_another(board, starts_at, every):
                continue
            theme = themes[(index + number) % len(themes)]
            created += _add_meeting(board, starts_at, theme, seed, place)
    return created
