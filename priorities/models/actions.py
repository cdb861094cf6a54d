"""Actions of a priority area's action plan, and their append-only progress updates."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.choices import Stage
from core.detail_urls import detail_url
from governance.models import Organisation
from priorities.models.choices import RAG
from priorities.models.frameworks import Objective, PriorityArea


class ActionQuerySet(models.QuerySet):
    def open(self) -> "ActionQuerySet":
        return self.exclude(status__in=Action.CLOSED_STATUSES)

    def overdue(self, today: datetime.date | None = None) -> "ActionQuerySet":
        return self.filter(Action.overdue_q(today))

    def exceptions_on(self, day: datetime.date) -> "ActionQuerySet":
        """The actions a termly report as of `day` lists as exceptions: red or amber by their
        latest update on or before that day, or open and due before it (the same rule as
        reporting/assemble.py's actions section, which reads the updates in Python)."""
        rag_then = (
            ProgressUpdate.objects.filter(action=OuterRef("pk"), date__lte=day)
            .order_by("-date", "-created_at", "-pk")
            .values("rag")[:1]
        )
        return self.annotate(rag_on_day=Subquery(rag_then)).filter(
            Q(rag_on_day__in=[RAG.RED, RAG.AMBER]) | Action.overdue_q(day)
        )

    def with_overdue(self, today: datetime.date | None = None) -> "ActionQuerySet":
        """Annotate `is_late`, so lists can show and sort by it without a query per row."""
        return self.annotate(
            is_late=ExpressionWrapper(Action.overdue_q(today), output_field=BooleanField())
        )


class Action(models.Model):
    """One line of an action plan ("To achieve these we will ...").

    `latest_rag`, `latest_percent` and `latest_update_on` copy the latest progress update.
    Only `progress_update_add` writes updates and it refreshes them, so lists can filter,
    sort and count by RAG on an indexed column instead of a correlated subquery per row.
    """

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    # Neither is overdue: a cancelled action is no longer expected by its due date.
    CLOSED_STATUSES = (Status.COMPLETE, Status.CANCELLED)

    priority_area = models.ForeignKey(
        PriorityArea, on_delete=models.CASCADE, related_name="actions", verbose_name="priority"
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The objective this action serves, if any.",
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_actions"
    )
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="led_actions"
    )
    start_date = models.DateField()
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    cancellation_reason = models.TextField(
        blank=True, help_text="Required when the action is cancelled."
    )
    stage = models.CharField(
        "commissioning stage", max_length=20, choices=Stage.choices, default=Stage.PLAN
    )
    from_decision = models.ForeignKey(
        "governance.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name="arising from decision",
        help_text="The board decision this action carries out, if any.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    latest_rag = models.CharField(
        "RAG", max_length=10, choices=RAG.choices, blank=True, editable=False
    )
    latest_percent = models.PositiveSmallIntegerField(
        "percent complete", null=True, blank=True, editable=False
    )
    latest_update_on = models.DateField("last update", null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    history = HistoricalRecords()

    partnership_lookup = "priority_area__framework__partnership"

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            # The action list's default order: its first page reads 25 rows of the index.
            models.Index(fields=["due_date", "id"], name="action_due_date_order"),
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["latest_rag"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gte=F("start_date")),
                name="action_due_on_or_after_start",
                violation_error_message="The due date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancellation_reason=""),
                name="action_cancelled_has_reason",
                violation_error_message="Give the reason the action was cancelled.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("priorities:action_detail", self.pk)

    @staticmethod
    def overdue_q(today: datetime.date | None = None) -> Q:
        today = today or timezone.localdate()
        return Q(due_date__lt=today) & ~Q(status__in=Action.CLOSED_STATUSES)

    @property
    def is_overdue(self) -> bool:
        # Lists annotate `is_late` (see ActionQuerySet.with_overdue); use it when present.
        if hasattr(self, "is_late"):
            return bool(self.is_late)
        return self.status not in self.CLOSED_STATUSES and self.due_date < timezone.localdate()

    def clean(self) -> None:
        # Dates and cancellation are checked by the constraints (full_clean runs them) and,
        # next to their fields, by the forms' ActionRulesMixin; saying it here too would
        # show the message twice.
        super().clean()
        if (
            self.objective_id
            and self.priority_area_id
            and self.objective.priority_area_id != self.priority_area_id
        ):
            raise ValidationError({"objective": "Choose an objective of this action's priority."})


class ProgressUpdate(models.Model):
    """A dated report on an action. Append-only: a correction is a new update."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField(default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates"
    )
    rag = models.CharField("RAG", max_length=10, choices=RAG.choices)
    percent_complete = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(100)], help_text="From 0 to 100."
    )
    narrative = models.TextField(help_text="What happened since the last update, and what next.")
    rag_override_reason = models.TextField(
        "why not the suggested RAG",
        blank=True,
        help_text="Why the RAG chosen differs from the one suggested by progress against time.",
    )
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Written for the demo, not a real report."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    partnership_lookup = "action__priority_area__framework__partnership"

    class Meta:
        # Latest first: the newest date, and on one date the last one written.
        ordering = ["-date", "-created_at", "-pk"]
        verbose_name = "progress update"
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_complete__gte=0) & Q(percent_complete__lte=100),
                name="progress_percent_between_0_and_100",
                violation_error_message="Percent complete must be between 0 and 100.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} – {self.date:%-d %B %Y} ({self.get_rag_display()})"
