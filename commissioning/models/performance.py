"""How a contract performs: its KPIs and their values, and its yearly performance assessments
(the Procurement Act 2023 asks both of a contract over £5m)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

# A contract over this total value needs at least KPIS_REQUIRED KPIs (Procurement Act 2023).
KPI_VALUE_THRESHOLD = Decimal("5000000")
KPIS_REQUIRED = 3
# A contract in force is assessed at least this often.
ASSESSMENT_EVERY_MONTHS = 12


class KeyPerformanceIndicator(models.Model):
    """A measure the provider is held to: a target, a unit and which way is better."""

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        TERMLY = "termly", "Termly"
        ANNUALLY = "annually", "Annually"

    # PROTECT: a contract with KPIs is ended, never deleted (Contract.deletion_refusal).
    contract = models.ForeignKey(
        "commissioning.Contract", on_delete=models.PROTECT, related_name="kpis"
    )
    name = models.CharField(max_length=200)
    target = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=40, help_text="e.g. %, days, children.")
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    frequency = models.CharField(
        "measured", max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    is_sample = models.BooleanField("sample data", default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "KPI"
        verbose_name_plural = "KPIs"
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "name"],
                name="kpi_name_unique_per_contract",
                violation_error_message="This contract already has a KPI with this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.contract.get_absolute_url() + "#kpis"

    def meets(self, value: Decimal) -> bool:
        """Whether `value` is on or better than the target."""
        if self.polarity == self.Polarity.LOWER:
            return value <= self.target
        return value >= self.target


class KpiValue(models.Model):
    """A KPI's value for one period."""

    kpi = models.ForeignKey(
        KeyPerformanceIndicator, on_delete=models.CASCADE, related_name="values"
    )
    period_end = models.DateField("period ending")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="kpi_values"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    is_sample = models.BooleanField("sample data", default=False)

    history = HistoricalRecords()

    partnership_lookup = "kpi__contract__partnership"

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = "KPI value"
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "period_end"],
                name="kpi_value_one_per_period",
                violation_error_message="This KPI already has a value for the period ending then.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} for the period ending {self.period_end:%-d %B %Y}"

    @property
    def meets_target(self) -> bool:
        return self.kpi.meets(self.value)


class PerformanceAssessment(models.Model):
    """A contract performance assessment against its KPIs (the Act's contract performance
    notice), at least every 12 months."""

    class Rating(models.TextChoices):
        GOOD = "good", "Good"
        APPROACHING = "approaching_target", "Approaching target"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
        INADEQUATE = "inadequate", "Inadequate"

    contract = models.ForeignKey(
        "commissioning.Contract", on_delete=models.CASCADE, related_name="assessments"
    )
    date = models.DateField("assessed on", default=timezone.localdate)
    rating = models.CharField(max_length=25, choices=Rating.choices)
    summary = models.TextField(help_text="Performance against the KPIs, and what follows.")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="performance_assessments"
    )
    is_sample = models.BooleanField("sample data", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "performance assessment"
        constraints = [
            models.CheckConstraint(
                condition=~Q(summary=""),
                name="assessment_has_a_summary",
                violation_error_message="Say how the contract performed.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.reference}: {self.get_rating_display()} on {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return self.contract.get_absolute_url() + "#assessments"

    def clean(self) -> None:
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "An assessment cannot be dated in the future."})
