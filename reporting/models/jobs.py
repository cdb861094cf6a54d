"""What the background jobs record: the runs of the schedule, the laying out of each board pack,
and the failed jobs administrators read in Django admin."""

from django.db import models
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from governance.models import Board
from reporting.models.terms import Term


class ScheduledRun(models.Model):
    """One entry of the schedule (reporting/schedule.py) enqueued for one period: the unique
    pair makes two overlapping `run_schedule` runs enqueue it once."""

    name = models.CharField(max_length=100)
    period = models.CharField(max_length=40, help_text="e.g. 2026-12-01 for a daily entry")
    enqueued_at = models.DateTimeField()

    class Meta:
        ordering = ["-enqueued_at", "name"]
        verbose_name = "scheduled run"
        constraints = [
            models.UniqueConstraint(fields=["name", "period"], name="one_scheduled_run_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"


class BoardPackRender(models.Model):
    """Where the laying out of a board and term's pack PDF stands: asked for, being laid out
    (by one worker at a time), or last finished. The download page reads it."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    with_plan = models.BooleanField("with the full plan", default=False)
    requested_at = models.DateTimeField("asked for at")
    started_at = models.DateTimeField("being laid out since", null=True, blank=True)
    html_sha256 = models.CharField(
        "content being laid out", max_length=64, blank=True, help_text="hash of the pack's HTML"
    )
    finished_at = models.DateTimeField("last finished at", null=True, blank=True)

    partnership_lookup = "board__partnership"

    class Meta:
        ordering = ["-requested_at", "pk"]
        verbose_name = "board pack layout"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "term", "with_plan"],
                name="one_board_pack_render_per_term_and_plan",
            )
        ]

    def __str__(self) -> str:
        return f"{self.board} – {self.term}"


class FailedJobManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=TaskResultStatus.FAILED)


class FailedJob(DBTaskResult):
    """A background job that raised: its error and traceback, for administrators (Django admin,
    "Failed jobs")."""

    objects = FailedJobManager()

    class Meta:
        proxy = True
        ordering = ["-finished_at"]
        verbose_name = "failed job"

    def __str__(self) -> str:
        return f"{self.task_name} failed"
