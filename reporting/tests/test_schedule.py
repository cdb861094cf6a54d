"""The schedule: each entry enqueued at most once per period, however often cron runs it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import Delivery, NotificationPreference
from core.tests.factories import NotificationFactory
from governance.tests.factories import MeetingFactory
from priorities.tests.factories import ActionFactory
from reporting.models import ScheduledRun
from reporting.schedule import SCHEDULE, daily, run_schedule, weekly

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _queued() -> list[str]:
    return sorted(result.task_name for result in DBTaskResult.objects.ready())


def _at(hour: int, days: int = 0) -> datetime.datetime:
    return timezone.localtime().replace(hour=hour, minute=5) + datetime.timedelta(days=days)


DAILY = ["reminders", "board-packs-before-meetings"]


def test_run_twice_in_a_day_enqueues_each_entry_once():
    assert run_schedule(moment=_at(8)) == [*DAILY, "weekly-digest", "participation-retention"]
    assert run_schedule(moment=_at(9)) == []
    assert _queued() == [
        "anonymise_records_past_retention",
        "render_board_packs_before_meetings",
        "send_digests",
        "send_reminders",
    ]
    assert ScheduledRun.objects.count() == len(SCHEDULE)


def test_the_next_day_enqueues_them_again():
    run_schedule(moment=_at(8))
    next_day = run_schedule(moment=_at(8, days=1))
    assert next_day[:2] == DAILY
    assert len(_queued()) == 4 + len(next_day)


def test_an_entry_waits_for_its_time_of_day():
    assert run_schedule(moment=_at(1)) == []
    assert run_schedule(moment=_at(6)) == ["board-packs-before-meetings", "participation-retention"]
    assert run_schedule(moment=_at(7)) == ["reminders", "weekly-digest"]


def test_a_run_another_cron_run_recorded_first_is_not_enqueued_again():
    """Two overlapping cron runs: the unique (name, period) lets only one enqueue."""
    ScheduledRun.objects.create(name="reminders", period=daily(_at(8)), enqueued_at=timezone.now())
    assert run_schedule(moment=_at(8)) == [
        "board-packs-before-meetings",
        "weekly-digest",
        "participation-retention",
    ]
    assert _queued() == [
        "anonymise_records_past_retention",
        "render_board_packs_before_meetings",
        "send_digests",
    ]
    with pytest.raises(IntegrityError):
        ScheduledRun.objects.create(
            name="reminders", period=daily(_at(8)), enqueued_at=timezone.now()
        )


def test_the_periods():
    monday = datetime.datetime(2026, 11, 30, 7, 0)
    assert daily(monday) == "2026-11-30"
    assert weekly(monday) == weekly(monday + datetime.timedelta(days=6)) == "2026-W49"


def test_the_command_says_what_it_enqueued():
    out = io.StringIO()
    call_command("run_schedule", stdout=out)
    again = io.StringIO()
    call_command("run_schedule", "-v", "2", stdout=again)
    enqueued = set(out.getvalue().splitlines())
    assert enqueued <= {f"Enqueued {entry.name}." for entry in SCHEDULE}
    assert "Nothing due" in again.getvalue()


def test_the_reminders_job_sends_the_reminders(run_jobs, commissioner):
    ActionFactory(owner=commissioner, overdue=True)
    run_schedule(moment=_at(8))
    run_jobs()
    assert any(commissioner.email in message.to for message in mail.outbox)


def test_board_packs_are_asked_for_ahead_of_meetings(
    run_jobs, counted_renders, pack, django_capture_on_commit_callbacks
):
    board, term = pack
    MeetingFactory(board=board, starts_at=timezone.now() + datetime.timedelta(days=3))
    far = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=10))
    run_schedule(moment=_at(8))
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()  # the schedule's jobs, which ask for the packs
    run_jobs()  # the packs
    laid_out = DBTaskResult.objects.successful().filter(task_path__endswith="render_board_pack")
    assert [result.args_kwargs["args"] for result in laid_out] == [[board.pk, term.pk]]
    assert len(counted_renders) == 1
    assert far.board_id != board.pk


def test_the_weekly_digest_is_enqueued_once_a_week():
    monday = timezone.make_aware(datetime.datetime(2026, 11, 30, 7, 30))
    assert "weekly-digest" in run_schedule(moment=monday)
    later_that_week = monday + datetime.timedelta(days=3)
    assert "weekly-digest" not in run_schedule(moment=later_that_week)
    assert "weekly-digest" in run_schedule(moment=monday + datetime.timedelta(days=7))


def test_the_digest_job_emails_the_digest(run_jobs, commissioner):
    notification = NotificationFactory(recipient=commissioner)
    NotificationPreference.objects.create(
        user=commissioner, kind=notification.kind, delivery=Delivery.DIGEST
    )
    run_schedule(moment=_at(8))
    run_jobs()
    assert [message.to for message in mail.outbox] == [[commissioner.email]]
