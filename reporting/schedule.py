"""The schedule: every job the product runs by the clock, in one table.

`manage.py run_schedule` (cron, every few minutes; `make run` loops it) enqueues each entry at
most once per period: the run is recorded in ScheduledRun, whose unique (name, period) makes two
overlapping runs enqueue it once. An entry is due from `not_before` (London time) in its period,
so a run at 03:00 does not send the morning's reminders.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task

from participation.tasks import anonymise_records_past_retention
from reporting import jobs
from reporting.models import ScheduledRun


def daily(moment: datetime.datetime) -> str:
    """The period of a daily entry: the London date."""
    return moment.date().isoformat()


def weekly(moment: datetime.datetime) -> str:
    """The period of a weekly entry: the ISO week, Monday to Sunday."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Entry:
    name: str
    cadence: Callable[[datetime.datetime], str]
    job: Task
    not_before: datetime.time = datetime.time(0, 0)
    description: str = ""

    def period(self, moment: datetime.datetime) -> str:
        return self.cadence(moment)

    def is_due(self, moment: datetime.datetime) -> bool:
        return moment.time() >= self.not_before


SCHEDULE: tuple[Entry, ...] = (
    Entry(
        name="reminders",
        cadence=daily,
        job=jobs.send_reminders,
        not_before=datetime.time(7, 0),
        description="Notify of overdue actions, reports due, feedback owed; email those at once.",
    ),
    Entry(
        name="board-packs-before-meetings",
        cadence=daily,
        job=jobs.render_board_packs_before_meetings,
        not_before=datetime.time(5, 0),
        description="Lay out the pack of each board meeting in the next 7 days.",
    ),
    Entry(
        name="weekly-digest",
        cadence=weekly,
        job=jobs.send_digests,
        not_before=datetime.time(7, 0),
        description="Email each person who chose the weekly digest their week's notifications.",
    ),
    Entry(
        name="participation-retention",
        cadence=daily,
        job=anonymise_records_past_retention,
        not_before=datetime.time(2, 0),
        description="Anonymise the participation records past their retention date.",
    ),
)


def run_schedule(*, moment: datetime.datetime | None = None) -> list[str]:
    """Enqueue each entry due now and not yet enqueued in its period; the names enqueued."""
    moment = timezone.localtime(moment)
    enqueued = []
    for entry in SCHEDULE:
        if not entry.is_due(moment):
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(
                    name=entry.name, period=entry.period(moment), enqueued_at=timezone.now()
                )
                # In the same transaction as the record (the queue is a table of the same
                # database): both are kept, or neither.
                entry.job.enqueue()
        except IntegrityError:
            continue  # another run enqueued it in this period
        enqueued.append(entry.name)
    return enqueued
