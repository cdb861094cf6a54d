"""A forward plan entry: a key decision a board expects to take, and when it was published."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

# Committee practice: a key decision is published in the forward plan at least 28 days before
# the meeting that takes it.
NOTICE_DAYS = 28


class ForwardPlanEntry(models.Model):
    """A key decision a board expects to take: what, when, who leads, the reports it will
    consider, whether it is taken in private (and why), and the consultation planned."""

    class Access(models.TextChoices):
        OPEN = "open", "Open"
        PRIVATE = "private", "Private"

    board = models.ForeignKey(
        "governance.Board", on_delete=models.PROTECT, related_name="forward_plan_entries"
    )
    title = models.CharField("key decision", max_length=300)
    description = models.TextField("what is to be decided", blank=True)
    expected_meeting = models.ForeignKey(
        "governance.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forward_plan_entries",
        help_text="The meeting expected to take the decision, once it is scheduled.",
    )
    expected_month = models.DateField(
        null=True,
        blank=True,
        help_text="Without a meeting yet: any day of the month the decision is expected in.",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_forward_plan_entries",
        help_text="Who leads the decision and answers questions about it.",
    )
    reports = models.TextField("reports it will consider", blank=True)
    access = models.CharField(
        "open or private", max_length=10, choices=Access.choices, default=Access.OPEN
    )
    private_reason = models.TextField(
        "why it is private", blank=True, help_text="Required when the decision is private."
    )
    consultation = models.TextField("consultation planned", blank=True)
    published_on = models.DateField(
        "added to the plan", default=timezone.localdate, help_text="The day it was published."
    )
    decision = models.ForeignKey(
        "governance.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forward_plan_entries",
        help_text="The decision taken, once it is recorded.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "board__partnership"

    class Meta:
        ordering = ["expected_month", "pk"]
        verbose_name = "forward plan entry"
        verbose_name_plural = "forward plan entries"
        constraints = [
            models.CheckConstraint(
                condition=~Q(access="private") | ~Q(private_reason=""),
                name="forward_plan_private_has_reason",
                violation_error_message="Say why the decision is taken in private.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('governance:forward_plan')}?board={self.board_id}#entry-{self.pk}"

    @property
    def expected_on(self) -> datetime.date | None:
        """The day of the expected meeting, else the first of the expected month."""
        if self.expected_meeting_id:
            return timezone.localdate(self.expected_meeting.starts_at)
        if self.expected_month:
            return self.expected_month.replace(day=1)
        return None

    @property
    def notice_days(self) -> int | None:
        expected = self.expected_on
        return None if expected is None else (expected - self.published_on).days

    @property
    def short_notice(self) -> bool:
        """Published less than NOTICE_DAYS days before the meeting expected to take it."""
        days = self.notice_days
        return days is not None and days < NOTICE_DAYS

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.expected_meeting_id and not self.expected_month:
            errors["expected_meeting"] = "Choose the meeting expected to decide, or give a month."
        if (
            self.expected_meeting_id
            and self.board_id
            and self.expected_meeting.board_id != self.board_id
        ):
            errors["expected_meeting"] = "Choose a meeting of this board."
        if self.access == self.Access.PRIVATE and not self.private_reason.strip():
            errors["private_reason"] = "Say why the decision is taken in private."
        if self.decision_id and self.board_id and self.decision.meeting.board_id != self.board_id:
            errors["decision"] = "Choose a decision of this board."
        if errors:
            raise ValidationError(errors)
