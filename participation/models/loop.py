"""The feedback loop of a participation record: each "you said" item ends as "we did" (what
changed, by when), "we did not, because" (the reason) or "still deciding" (and by when).

An item still deciding past its date is owed to the participants as much as a record never fed
back: `overdue_item_q` says which, and `records.feedback_owed_q` counts them in.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Outcome(models.TextChoices):
    WE_DID = "we_did", "We did"
    WE_DID_NOT = "we_did_not", "We did not, because"
    STILL_DECIDING = "still_deciding", "Still deciding"


# The outcomes that close the loop: a public page shows these, never one still deciding.
CLOSED_OUTCOMES = (Outcome.WE_DID, Outcome.WE_DID_NOT)
# (outcome, field, message) of what each outcome needs: one table for clean() and constraints.
OUTCOME_NEEDS = (
    (Outcome.WE_DID, "response", "Say what changed."),
    (Outcome.WE_DID, "by_date", "Say when it changed, or by when it will."),
    (Outcome.WE_DID_NOT, "response", "Give the reason it was not done."),
    (Outcome.STILL_DECIDING, "by_date", "Give the date a decision is due."),
)


def overdue_item_q(today: datetime.date | None = None, prefix: str = "") -> Q:
    """Items still deciding whose decision was due before `today`."""
    today = today or timezone.localdate()
    return Q(
        **{f"{prefix}outcome": Outcome.STILL_DECIDING, f"{prefix}by_date__lt": today},
    )


def _is_missing(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) if field == "by_date" else Q(**{field: ""})


class YouSaidItem(models.Model):
    """One thing participants said, and how the loop closed on it (or why not yet)."""

    Outcome = Outcome

    record = models.ForeignKey(
        "participation.ParticipationRecord",
        on_delete=models.CASCADE,
        related_name="you_said_items",
        verbose_name="participation record",
    )
    position = models.PositiveSmallIntegerField("position", default=1)
    you_said = models.TextField("you said", help_text="What the participants said, in a sentence.")
    outcome = models.CharField(
        "outcome", max_length=20, choices=Outcome.choices, default=Outcome.STILL_DECIDING
    )
    response = models.TextField(
        "what changed, the reason, or what is being decided",
        blank=True,
        help_text=(
            "We did: what changed. We did not: the reason. Still deciding: what is being decided."
        ),
    )
    by_date = models.DateField(
        "by when",
        null=True,
        blank=True,
        help_text="We did: when it changed. Still deciding: when a decision is due.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    partnership_lookup = "record__partnership"

    class Meta:
        ordering = ["record", "position", "pk"]
        verbose_name = "“you said” item"
        verbose_name_plural = "“you said” items"
        constraints = [
            *(
                models.CheckConstraint(
                    condition=~Q(outcome=outcome) | ~_is_missing(field),
                    name=f"you_said_item_{outcome}_has_{field}",
                    violation_error_message=message,
                )
                for outcome, field, message in OUTCOME_NEEDS
            ),
        ]

    def __str__(self) -> str:
        said = self.you_said if len(self.you_said) <= 60 else f"{self.you_said[:59]}…"
        return f"{said} ({self.get_outcome_display().lower()})"

    def get_absolute_url(self) -> str:
        return self.record.get_absolute_url()

    @property
    def is_closed(self) -> bool:
        return self.outcome in CLOSED_OUTCOMES

    @property
    def is_overdue(self) -> bool:
        return (
            self.outcome == Outcome.STILL_DECIDING
            and self.by_date is not None
            and self.by_date < timezone.localdate()
        )

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.you_said is not None and not self.you_said.strip():
            errors["you_said"] = "Say what the participants said."
        for outcome, field, message in OUTCOME_NEEDS:
            value = getattr(self, field)
            if self.outcome == outcome and (value is None or not str(value).strip()):
                errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)
