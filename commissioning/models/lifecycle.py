"""What a contract's review decisions act on: its extension options, its variations, and the
plan that decommissions it (the Do stage of a decommissioning activity)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from commissioning.models.activities import CommissioningActivity
from commissioning.models.contracts import Contract, ContractReview, add_months


class ExtensionOption(models.Model):
    """One optional extension of a contract's term ("3 + 1 + 1 years": two options of 12
    months). Options are taken in order: each one starts when the term it extends ends."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="extension_options"
    )
    order = models.PositiveSmallIntegerField(help_text="1 for the first option, and so on.")
    months = models.PositiveSmallIntegerField(
        "length (months)",
        validators=[MinValueValidator(1, message="An extension option lasts at least a month.")],
    )
    taken_on = models.DateField("taken on", null=True, blank=True)
    taken_by = models.ForeignKey(
        ContractReview,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="options_taken",
        verbose_name="taken by the decision of",
    )

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["contract", "order"]
        verbose_name = "extension option"
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "order"],
                name="extension_option_order_unique",
                violation_error_message="Two options of this contract have the same order.",
            ),
            models.CheckConstraint(
                condition=Q(months__gte=1),
                name="extension_option_at_least_a_month",
                violation_error_message="An extension option lasts at least a month.",
            ),
        ]

    def __str__(self) -> str:
        return f"Option {self.order}: {self.length_label}"

    @property
    def length_label(self) -> str:
        if self.months % 12 == 0:
            years = self.months // 12
            return f"{years} year{'s' if years != 1 else ''}"
        return f"{self.months} month{'s' if self.months != 1 else ''}"


class ContractVariation(models.Model):
    """A change agreed to a contract while it runs: its value, dates or scope, and why."""

    # PROTECT: a varied contract is ended, never deleted (Contract.deletion_refusal).
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="variations")
    review = models.ForeignKey(
        ContractReview,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="variations",
        verbose_name="decided by the review of",
    )
    agreed_on = models.DateField("date agreed")
    agreed_by = models.CharField(
        "who agreed it",
        max_length=300,
        help_text="e.g. the Children's Trust Executive and the provider.",
    )
    reason = models.TextField("why")
    scope_change = models.TextField(
        "change to the scope", blank=True, help_text="What the service now does differently."
    )
    previous_annual_value = models.DecimalField(
        "annual value before (£)", max_digits=12, decimal_places=2
    )
    new_annual_value = models.DecimalField(
        "new annual value (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    previous_total_value = models.DecimalField(
        "total value before (£)", max_digits=14, decimal_places=2
    )
    new_total_value = models.DecimalField(
        "new total value (£)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    previous_end_date = models.DateField("end date before")
    new_end_date = models.DateField("new end date", null=True, blank=True)
    is_sample = models.BooleanField("sample data", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        verbose_name = "contract variation"
        constraints = [
            models.CheckConstraint(
                condition=(Q(new_annual_value__isnull=True) | Q(new_annual_value__gte=0))
                & (Q(new_total_value__isnull=True) | Q(new_total_value__gte=0)),
                name="variation_values_not_negative",
                violation_error_message="A contract's value cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"Variation of {self.contract.reference} agreed on {self.agreed_on:%-d %B %Y}"

    def changes(self) -> list[str]:
        """What the variation changed, in words."""
        said = []
        if self.new_annual_value is not None:
            said.append(
                f"annual value £{self.previous_annual_value:,.2f} → £{self.new_annual_value:,.2f}"
            )
        if self.new_total_value is not None:
            said.append(
                f"total value £{self.previous_total_value:,.2f} → £{self.new_total_value:,.2f}"
            )
        if self.new_end_date is not None:
            said.append(
                f"end date {self.previous_end_date:%-d %B %Y} → {self.new_end_date:%-d %B %Y}"
            )
        if self.scope_change:
            said.append("scope")
        return said

    def clean(self) -> None:
        super().clean()
        if (
            self.new_annual_value is None
            and self.new_total_value is None
            and self.new_end_date is None
            and not self.scope_change.strip()
        ):
            raise ValidationError(
                "Say what the variation changes: the value, the end date or the scope."
            )
        for name in ("new_annual_value", "new_total_value"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValidationError({name: "A contract's value cannot be negative."})


# (field, label) of the age bands of the children and families a decommissioning affects.
AFFECTED_BANDS = (
    ("affected_0_4", "Children aged 0 to 4"),
    ("affected_5_10", "Children aged 5 to 10"),
    ("affected_11_15", "Young people aged 11 to 15"),
    ("affected_16_17", "Young people aged 16 to 17"),
    ("affected_18_25", "Young adults aged 18 to 25"),
    ("affected_families", "Families (parents and carers)"),
)
AFFECTED_BAND_FIELDS = tuple(name for name, _ in AFFECTED_BANDS)


class DecommissioningPlan(models.Model):
    """The planned ending of a contract's service: the Do stage of a decommissioning activity.

    It holds counts of those affected, never a child's identity. Completing it (every step
    of `commissioning.decommissioning.STEPS` done) ends the contract on `service_end_date`.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    contract = models.OneToOneField(
        Contract, on_delete=models.PROTECT, related_name="decommissioning_plan"
    )
    activity = models.OneToOneField(
        CommissioningActivity,
        on_delete=models.PROTECT,
        related_name="decommissioning_plan",
        verbose_name="decommissioning activity",
    )
    review = models.ForeignKey(
        ContractReview,
        on_delete=models.PROTECT,
        related_name="decommissioning_plans",
        verbose_name="decided by the review of",
    )
    decision_date = models.DateField("date of the decision to decommission")
    service_end_date = models.DateField(
        "date the service ends", help_text="The contract ends on this date when the plan completes."
    )
    client_groups = models.TextField(
        "client groups affected",
        blank=True,
        help_text="Who uses the service now, e.g. young carers aged 8 to 17 and their families.",
    )
    affected_0_4 = models.PositiveIntegerField("children aged 0 to 4", default=0)
    affected_5_10 = models.PositiveIntegerField("children aged 5 to 10", default=0)
    affected_11_15 = models.PositiveIntegerField("young people aged 11 to 15", default=0)
    affected_16_17 = models.PositiveIntegerField("young people aged 16 to 17", default=0)
    affected_18_25 = models.PositiveIntegerField("young adults aged 18 to 25", default=0)
    affected_families = models.PositiveIntegerField("families (parents and carers)", default=0)
    impact_assessment = models.TextField(
        "equality and impact assessment",
        blank=True,
        help_text="Its findings: who is affected most, and how the plan lessens the impact.",
    )
    impact_assessed_on = models.DateField("date of the impact assessment", null=True, blank=True)
    transition_plan = models.TextField(
        "transition of current service users",
        blank=True,
        help_text="How each child or family now supported moves to other support.",
    )
    notice_served_on = models.DateField("notice served on the provider on", null=True, blank=True)
    communication_plan = models.TextField(
        blank=True, help_text="Who is told what, when, and how (children, families, partners)."
    )
    post_end_review = models.TextField(
        "review after the service ends",
        blank=True,
        help_text="How those affected are doing now the service has ended.",
    )
    post_end_reviewed_on = models.DateField("date of that review", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    completed_on = models.DateField(null=True, blank=True, editable=False)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    is_sample = models.BooleanField("sample data", default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["service_end_date", "pk"]
        verbose_name = "decommissioning plan"
        constraints = [
            models.CheckConstraint(
                condition=Q(service_end_date__gte=models.F("decision_date")),
                name="decommissioning_ends_on_or_after_decision",
                violation_error_message="The service cannot end before the decision to end it.",
            ),
        ]

    def __str__(self) -> str:
        return f"Decommissioning plan for {self.contract.reference}"

    def get_absolute_url(self) -> str:
        return reverse("commissioning:decommissioning_plan", args=[self.pk])

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def affected_total(self) -> int:
        return sum(getattr(self, name) for name in AFFECTED_BAND_FIELDS)

    def affected_by_band(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in AFFECTED_BANDS]

    def notice_ends_on(self) -> datetime.date | None:
        """The earliest day the service may end given the notice served and the contract's
        notice period."""
        if self.notice_served_on is None:
            return None
        return add_months(self.notice_served_on, self.contract.notice_period_months)

    def clean(self) -> None:
        super().clean()
        if (
            self.decision_date
            and self.service_end_date
            and self.service_end_date < self.decision_date
        ):
            raise ValidationError(
                {
                    "service_end_date": (
                        f"The service cannot end ({self.service_end_date:%-d %B %Y}) before the "
                        f"decision to end it ({self.decision_date:%-d %B %Y})."
                    )
                }
            )
