"""Indicators of a priority area and their values per period."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from priorities import judgement
from priorities.freshness import is_stale, next_value_due
from priorities.models.frameworks import PriorityArea


class Indicator(models.Model):
    """A measure of a priority area's progress, with its target."""

    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", "Percentage"
        RATE_PER_10000 = "rate_per_10000", "Rate per 10,000"
        COUNT = "count", "Count"
        SCORE = "score", "Score"

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        TERMLY = "termly", "Termly"
        ANNUAL = "annual", "Annual"
        IRREGULAR = "irregular", "Irregular"

    priority_area = models.ForeignKey(
        PriorityArea, on_delete=models.CASCADE, related_name="indicators", verbose_name="priority"
    )
    name = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)
    publication_frequency = models.CharField(
        "how often it is published",
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.ANNUAL,
        help_text="How often the source publishes a new value.",
    )
    publication_lag_days = models.PositiveIntegerField(
        "days from period end to publication",
        default=90,
        help_text="How long after a period ends its figure is usually published, in days.",
    )
    order = models.PositiveIntegerField(default=1)
    # Where national files hold its figures (priorities.national_files reads them).
    fingertips_indicator_id = models.PositiveIntegerField(
        "Fingertips indicator ID",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=(
            "The number OHID's Fingertips gives the indicator (its CSV's “Indicator ID” "
            "column), e.g. 90631."
        ),
    )
    ees_data_set = models.CharField(
        "Explore Education Statistics data set",
        max_length=200,
        blank=True,
        help_text=(
            "The data set's name or file as in its CSV download, so people know which file "
            "to import."
        ),
    )
    ees_filters = models.TextField(
        "Explore Education Statistics filters",
        blank=True,
        help_text=(
            "The rows that hold the figure: one column=value pair a line, e.g. "
            "“time_identifier=Academic year” and “characteristic=Total”."
        ),
    )
    ees_value_column = models.CharField(
        "Explore Education Statistics value column",
        max_length=100,
        blank=True,
        help_text="The column holding the figure, e.g. pt_ks2_rwm_met_expected_standard.",
    )
    # Optimistic locking: each edit bumps it, and an edit from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "priority_area__framework__partnership"

    class Meta:
        ordering = ["priority_area", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority_area", "name"],
                name="indicator_name_unique_per_priority_area",
                violation_error_message="This priority already has an indicator with this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("priorities:indicator_detail", args=[self.pk])

    def judge(self, value, reference) -> str:
        """ "better", "worse" or "level" for `value` against `reference`, by the polarity."""
        return judgement.compare(self.polarity, value, reference)

    @property
    def ees_filter_pairs(self) -> dict[str, str]:
        """The EES filters as {column: value}; lines that are not column=value are left out
        (the form and `clean` refuse them)."""
        pairs = {}
        for line in self.ees_filters.splitlines():
            column, equals, value = line.partition("=")
            if equals and column.strip():
                pairs[column.strip()] = value.strip()
        return pairs

    def clean(self) -> None:
        super().clean()
        bad = [
            line.strip()
            for line in self.ees_filters.splitlines()
            if line.strip() and not (line.partition("=")[1] and line.partition("=")[0].strip())
        ]
        if bad:
            raise ValidationError(
                {"ees_filters": f"Write each filter as column=value, one a line: not “{bad[0]}”."}
            )
        if self.ees_filters.strip() and not self.ees_value_column.strip():
            raise ValidationError(
                {"ees_value_column": "Name the column that holds the figure the filters pick."}
            )

    @property
    def latest_value(self) -> "IndicatorValue | None":
        # Through the prefetched `values` (newest first) when the page prefetched them.
        values = self.values.all()
        return values[0] if values else None

    @property
    def next_value_due(self) -> datetime.date | None:
        """When the value after the latest should be published; None if it cannot be known."""
        latest = self.latest_value
        return next_value_due(
            latest.period_end if latest else None,
            self.publication_frequency,
            self.publication_lag_days,
        )

    @property
    def is_stale(self) -> bool:
        """Whether the next value is overdue today."""
        return is_stale(self.next_value_due, timezone.localdate())

    @property
    def latest_comparisons(self) -> list[dict]:
        """The latest value against each comparator in use with a value of the same period
        (judgement.comparison), through the prefetched `values` and `comparator_values`
        (priorities.selectors), in the comparators' order."""
        latest = self.latest_value
        if latest is None:
            return []
        held = [
            value
            for value in self.comparator_values.all()
            if value.period_label == latest.period_label and value.comparator.is_active
        ]
        held.sort(key=lambda value: (value.comparator.order, value.comparator.name))
        return [
            judgement.comparison(self.polarity, latest.value, value.comparator.name, value.value)
            for value in held
        ]

    @property
    def direction(self) -> str:
        """Improving, worsening, no change or not enough data, between the latest two values
        (through the prefetched `values`, newest first)."""
        values = self.values.all()
        return judgement.direction(
            self.polarity,
            values[0].value if values else None,
            values[1].value if len(values) > 1 else None,
        )

    @property
    def target_rag(self) -> str:
        latest = self.latest_value
        return judgement.rag(self.polarity, latest.value if latest else None, self.target)

    @property
    def against_target(self) -> str:
        latest = self.latest_value
        return self.judge(latest.value if latest else None, self.target)


class IndicatorValue(models.Model):
    """An indicator's value for one period (comparators' values for it are ComparatorValues of
    the same period)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_label = models.CharField(max_length=50, help_text="e.g. 2017 or Autumn term 2018")
    period_end = models.DateField("period end date")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.TextField(blank=True)
    # The "story behind the curve" (Results-Based Accountability) of this value.
    story_drivers = models.TextField(
        "what is driving it",
        blank=True,
        help_text="The causes and forces at work behind this value, as far as they are known.",
    )
    story_partners = models.TextField(
        "partners with a role",
        blank=True,
        help_text="The organisations and services that have a part to play in turning it.",
    )
    story_what_works = models.TextField(
        "what works",
        blank=True,
        help_text="What the evidence says would do better, including low-cost and no-cost ideas.",
    )

    history = HistoricalRecords()

    partnership_lookup = "indicator__priority_area__framework__partnership"

    class Meta:
        ordering = ["indicator", "-period_end"]
        verbose_name = "indicator value"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_label"],
                name="one_value_per_indicator_and_period",
                violation_error_message="This indicator already has a value for this period.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_label})"

    @property
    def has_story(self) -> bool:
        return bool(self.story_drivers or self.story_partners or self.story_what_works)
