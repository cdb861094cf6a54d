"""Quotes from a participation record, each with the consent of the group that gave it, and the
log of what the retention job removed from records past their retention date."""

import datetime
from collections.abc import Iterable

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from participation.models.groups import StakeholderGroup
from participation.models.records import ParticipationRecord


class ConsentUse(models.TextChoices):
    """What a quote may be used for, narrowest first: each use includes those before it."""

    INTERNAL = "internal", "Internal use only"
    REPORT = "report", "Reports to boards"
    PUBLIC = "public", "Public pages"


# Each use with the uses it allows: a quote for public pages may go in a report too.
CONSENT_ALLOWS: dict[str, tuple[str, ...]] = {
    ConsentUse.INTERNAL: (ConsentUse.INTERNAL, ConsentUse.REPORT, ConsentUse.PUBLIC),
    ConsentUse.REPORT: (ConsentUse.REPORT, ConsentUse.PUBLIC),
    ConsentUse.PUBLIC: (ConsentUse.PUBLIC,),
}


class QuoteQuerySet(models.QuerySet):
    def consented_for(self, use: str, on: datetime.date | None = None):
        """Quotes whose consent covers `use` (internal, report or public) on the date `on`."""
        on = on or timezone.localdate()
        return self.filter(consent_use__in=CONSENT_ALLOWS[use], consent_until__gte=on)

    def expired(self, on: datetime.date | None = None):
        """Quotes whose consent has ended by `on`: shown nowhere, only counted."""
        return self.filter(consent_until__lt=on or timezone.localdate())


class Quote(models.Model):
    """Words a group's members said, quoted with the group's consent: who gave it (the group,
    never the child), for what use, and until when."""

    record = models.ForeignKey(ParticipationRecord, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField("quote")
    given_by = models.ForeignKey(
        StakeholderGroup,
        on_delete=models.PROTECT,
        related_name="quotes",
        verbose_name="consent given by (group)",
        help_text="The group that gave consent, never a child.",
    )
    consent_use = models.CharField(
        "consent for", max_length=10, choices=ConsentUse.choices, default=ConsentUse.INTERNAL
    )
    consent_until = models.DateField("consent until")
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = QuoteQuerySet.as_manager()

    history = HistoricalRecords()

    partnership_lookup = "record__partnership"

    class Meta:
        ordering = ["record", "pk"]
        verbose_name = "quote"

    def __str__(self) -> str:
        return f"Quote from {self.given_by} ({self.get_consent_use_display().lower()})"

    def get_absolute_url(self) -> str:
        return self.record.get_absolute_url()

    def is_current(self, on: datetime.date | None = None) -> bool:
        return self.consent_until >= (on or timezone.localdate())


def split_by_consent(
    quotes: Iterable["Quote"], use: str, on: datetime.date | None = None
) -> tuple[list["Quote"], int]:
    """Of `quotes` (already read), those an output for `use` may show on `on`, and how many
    are withheld because their consent has expired. Quotes whose consent is current but for a
    narrower use are left out without a count: the output is simply not theirs."""
    on = on or timezone.localdate()
    shown, expired = [], 0
    for quote in quotes:
        if not quote.is_current(on):
            expired += 1
        elif quote.consent_use in CONSENT_ALLOWS[use]:
            shown.append(quote)
    return shown, expired


def withheld_message(count: int) -> str:
    """What an output says of the quotes it may no longer show."""
    return f"{count} quote{'s' if count != 1 else ''} withheld: consent expired" if count else ""


class AnonymisationLog(models.Model):
    """What the retention job removed from one record past its retention date: which fields,
    how many quotes, when; never the removed text."""

    record = models.ForeignKey(
        ParticipationRecord, on_delete=models.CASCADE, related_name="anonymisations"
    )
    anonymised_at = models.DateTimeField(default=timezone.now)
    retention_date = models.DateField("retention date it passed")
    quotes_removed = models.PositiveIntegerField(default=0)
    fields_removed = models.JSONField(
        "fields removed", default=list, help_text="The names of the fields whose text was removed."
    )
    history_rows_changed = models.PositiveIntegerField("history entries changed", default=0)
    done_by = models.CharField(max_length=100, default="retention job")

    partnership_lookup = "record__partnership"

    class Meta:
        ordering = ["-anonymised_at", "-pk"]
        verbose_name = "anonymisation log entry"
        verbose_name_plural = "anonymisation log"

    def __str__(self) -> str:
        return f"Record {self.record_id} anonymised on {self.anonymised_at:%-d %B %Y}"
