"""How long each procurement route takes: the pipeline plans decisions back from it."""

from django.db import models
from simple_history.models import HistoricalRecords

from commissioning.models.contracts import Contract

# The lead times the data migration seeds; also what a route without a row takes.
DEFAULT_LEAD_MONTHS = {
    Contract.Route.OPEN: 9,
    Contract.Route.RESTRICTED: 9,
    Contract.Route.FRAMEWORK: 4,
    Contract.Route.DIRECT_AWARD: 3,
    Contract.Route.GRANT_PROGRAMME: 6,
    Contract.Route.IN_HOUSE: 2,
}


class ProcurementLeadTime(models.Model):
    """The months a procurement route takes from decision to a new contract in place; one row
    per route, kept by administrators in admin."""

    route = models.CharField(
        "procurement route", max_length=20, choices=Contract.Route.choices, unique=True
    )
    months = models.PositiveSmallIntegerField(
        help_text="From the decision to re-commission to the new contract starting."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["route"]
        verbose_name = "procurement lead time"

    def __str__(self) -> str:
        return f"{self.get_route_display()}: {self.months} months"
