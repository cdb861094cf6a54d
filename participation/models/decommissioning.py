"""The consultations behind a decision to decommission a contract.

This link lives here, not in commissioning, because the layers run that way: participation
knows commissioning, commissioning does not know participation. Commissioning's gates read it
through the reverse relation `DecommissioningPlan.consultations`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from commissioning.models import DecommissioningPlan
from participation.models.records import ParticipationRecord


class DecommissioningConsultation(models.Model):
    """A participation record (a consultation with the children and families affected) that
    informed a decommissioning plan."""

    plan = models.ForeignKey(
        DecommissioningPlan, on_delete=models.CASCADE, related_name="consultations"
    )
    record = models.ForeignKey(
        ParticipationRecord,
        on_delete=models.PROTECT,
        related_name="decommissioning_consultations",
        verbose_name="participation record",
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    partnership_lookup = "plan__contract__partnership"

    class Meta:
        ordering = ["record__date", "pk"]
        verbose_name = "decommissioning consultation"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "record"],
                name="decommissioning_consultation_once",
                violation_error_message="This record is already linked to the plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record} for {self.plan}"
