"""The RAG the "log progress" form suggests: percent complete against the straight line from an
action's start to its due date.

Green on or ahead of the line, amber up to `RAG_SUGGESTION_AMBER_POINTS` behind it, red beyond
that or once the action is overdue and not complete; 100 % is green whatever the dates. Reads
no database: the action's dates are all it needs.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from priorities.models import RAG, Action

COMPLETE = 100


@dataclass(frozen=True)
class Suggestion:
    """A suggested RAG ("" when there is none) and why, in words; `expected_percent` is where the
    straight line stands on the day (None without a due date, or once overdue)."""

    rag: str
    reason: str
    expected_percent: int | None = None

    @property
    def label(self) -> str:
        return RAG(self.rag).label if self.rag else ""

    def overruled_by(self, rag: str) -> bool:
        """Whether choosing `rag` goes against this suggestion (no suggestion: never)."""
        return bool(self.rag and rag and rag != self.rag)


def suggest_rag(
    action: Action, percent: int, today: datetime.date, *, amber_points: int | None = None
) -> Suggestion:
    """The RAG `percent` complete suggests on `today`, the day the progress is measured.

    Without a start date the action's creation date stands in for it; without a due date there
    is no suggestion. The reason names the day as "today" when it is the calendar's today.
    """
    if amber_points is None:
        amber_points = settings.RAG_SUGGESTION_AMBER_POINTS
    logged = f"logged {percent} %"
    if action.due_date is None:
        return Suggestion("", "No suggestion: the action has no due date.")
    if percent >= COMPLETE:
        return Suggestion(RAG.GREEN, f"Logged {percent} %: complete → Green", COMPLETE)
    due = action.due_date
    if today > due:
        late = (today - due).days
        days = "1 day" if late == 1 else f"{late} days"
        return Suggestion(
            RAG.RED,
            f"Due on {_long(due)}, {days} overdue by {_day(today)}; {logged}, not complete → Red",
        )
    start = _start(action, today)
    total, elapsed = (due - start).days, (today - start).days
    if elapsed < 0:
        expected, where = 0, f"starts on {_long(start)}"
    elif total <= 0:  # starts and is due on the same day, which has come
        expected, where = COMPLETE, f"starts and is due on {_long(due)}"
    else:
        # Rounded half up, in whole numbers, so that the points named are the points compared.
        expected = (200 * elapsed + total) // (2 * total)
        where = f"day {elapsed} of {total}"
    behind = expected - percent
    if behind <= 0:
        rag, gap = RAG.GREEN, "on the line" if behind == 0 else f"{-behind} points ahead"
    else:
        rag = RAG.AMBER if behind <= amber_points else RAG.RED
        gap = f"{behind} point{'' if behind == 1 else 's'} behind"
    reason = f"Expected {expected} % by {_day(today)} ({where}); {logged}: {gap} → {rag.label}"
    return Suggestion(rag, reason, expected)


def _start(action: Action, today: datetime.date) -> datetime.date:
    if action.start_date is not None:
        return action.start_date
    if action.created_at is not None:
        return timezone.localdate(action.created_at)
    return today  # an action not yet saved starts now


def _day(day: datetime.date) -> str:
    return "today" if day == timezone.localdate() else _long(day)


def _long(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"
