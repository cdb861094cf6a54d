"""What a commissioner confirmed when the personal-data check found something in a record.

A participation record is the one place where the check (core.personal_data) may be overridden:
its commissioner ticks "I have checked: this is not about a child". Each tick is kept here, for
each field: who, when and which kinds were found ("a person's name"), never the words found,
so the confirmation itself holds nothing that could identify anyone.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from participation.models.records import ParticipationRecord


class PersonalDataConfirmation(models.Model):
    """One field of a record confirmed not to be about a child, by whom and when. Written once
    by the record's services and never edited, so it keeps no history of its own."""

    record = models.ForeignKey(
        ParticipationRecord,
        on_delete=models.CASCADE,
        related_name="personal_data_confirmations",
        verbose_name="participation record",
    )
    field_name = models.CharField("field", max_length=50)
    kinds = models.CharField(
        "kinds found", max_length=300, help_text="What the check found, never the words."
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="confirmed by",
    )
    confirmed_at = models.DateTimeField("confirmed at", default=timezone.now)

    partnership_lookup = "record__partnership"

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = "personal-data confirmation"
        verbose_name_plural = "personal-data confirmations"

    def __str__(self) -> str:
        return f"{self.record.title}: {self.field_label} checked on {self.confirmed_at:%-d %B %Y}"

    @property
    def field_label(self) -> str:
        """The field's name as the record's form shows it."""
        try:
            return str(ParticipationRecord._meta.get_field(self.field_name).verbose_name)
        except FieldDoesNotExist:  # a field since removed: its name is all there is
            return self.field_name
