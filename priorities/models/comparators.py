"""What a partnership compares its indicators with: England, its region, the average of its
statistical neighbours (named authorities), and the comparators' values per period."""

from django.db import models
from simple_history.models import HistoricalRecords

from core.models import Partnership
from priorities.models.indicators import Indicator


class Comparator(models.Model):
    """A comparator set a partnership has chosen, e.g. England, North West, or its statistical
    neighbours' average."""

    class Kind(models.TextChoices):
        ENGLAND = "england", "England"
        REGION = "region", "Region"
        NEIGHBOURS = "neighbours", "Statistical neighbours' average"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="comparators"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(
        max_length=100, help_text="How charts and tables name it, e.g. England or North West."
    )
    area_code = models.CharField(
        "area code",
        max_length=20,
        blank=True,
        help_text="ONS code that national files use for it, e.g. E92000001 for England.",
    )
    order = models.PositiveIntegerField(default=1)
    is_active = models.BooleanField(
        "in use", default=True, help_text="Only comparators in use are charted and judged."
    )

    history = HistoricalRecords()

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"],
                name="comparator_name_unique_per_partnership",
                violation_error_message="This partnership already has a comparator with this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class StatisticalNeighbour(models.Model):
    """One authority of a neighbours comparator's list (loaded from an administrator's CSV)."""

    comparator = models.ForeignKey(Comparator, on_delete=models.CASCADE, related_name="neighbours")
    name = models.CharField(max_length=150, help_text="e.g. St. Helens")
    area_code = models.CharField("area code", max_length=20, blank=True)
    order = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    partnership_lookup = "comparator__partnership"

    class Meta:
        ordering = ["comparator", "order", "name"]
        verbose_name = "statistical neighbour"
        constraints = [
            models.UniqueConstraint(
                fields=["comparator", "name"],
                name="neighbour_name_unique_per_comparator",
                violation_error_message="This list already names this authority.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ComparatorValue(models.Model):
    """A comparator's value of an indicator for one period (its own series: a comparator may
    have values for periods the partnership's own series lacks)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="comparator_values"
    )
    comparator = models.ForeignKey(Comparator, on_delete=models.CASCADE, related_name="values")
    period_label = models.CharField(max_length=50, help_text="e.g. 2017 or 2023/24")
    period_end = models.DateField("period end date")
    value = models.DecimalField(max_digits=12, decimal_places=2)

    history = HistoricalRecords()

    partnership_lookup = "indicator__priority_area__framework__partnership"

    class Meta:
        ordering = ["indicator", "comparator", "-period_end"]
        verbose_name = "comparator value"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "comparator", "period_label"],
                name="one_comparator_value_per_period",
                violation_error_message="This comparator already has a value for this period.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.comparator} {self.value} ({self.period_label})"
