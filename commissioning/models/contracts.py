"""Contracts with providers, and their reviews."""

import calendar
import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, ProtectedError, Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from commissioning.models.providers import Provider, Service
from core.detail_urls import detail_url
from governance.models import Decision, Organisation
from priorities.models import RAG, PriorityArea

if TYPE_CHECKING:
    from commissioning.models.lifecycle import ExtensionOption


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day (31 January + 1 = 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class ContractQuerySet(models.QuerySet):
    def in_force(self) -> "ContractQuerySet":
        return self.filter(status__in=Contract.IN_FORCE_STATUSES)

    def ending_within(self, months: int, today: datetime.date | None = None) -> "ContractQuerySet":
        """In force and ending from today up to `months` months ahead."""
        today = today or timezone.localdate()
        return self.in_force().filter(end_date__gte=today, end_date__lte=add_months(today, months))


QUOTES_ONLY_WITHOUT_A_TENDER = (
    "Quotes are invited only for a direct award or a framework call-off: an open or "
    "restricted tender is published, and a grant programme or in-house service has neither."
)


class Contract(models.Model):
    """A contract (or grant, agreement or call-off) for a service with a provider."""

    class Form(models.TextChoices):
        BLOCK = "block", "Block contract"
        SLA = "sla", "Service level agreement"
        SPOT = "spot", "Spot purchase"
        GRANT = "grant", "Grant"
        CALL_OFF = "call_off", "Framework call-off"
        COLLABORATIVE = "collaborative", "Collaborative investment"
        SUB_REGIONAL = "sub_regional", "Sub-regional"
        NATIONAL_TARIFF = "national_tariff", "National tariff"

    class Route(models.TextChoices):
        OPEN = "open", "Open tender"
        RESTRICTED = "restricted", "Restricted tender"
        DIRECT_AWARD = "direct_award", "Direct award"
        FRAMEWORK = "framework", "Framework"
        GRANT_PROGRAMME = "grant_programme", "Grant programme"
        IN_HOUSE = "in_house", "In-house"

    class Status(models.TextChoices):
        PIPELINE = "pipeline", "Pipeline"
        LIVE = "live", "Live"
        ENDING = "ending", "Ending"
        EXPIRED = "expired", "Expired"
        DECOMMISSIONED = "decommissioned", "Decommissioned"

    # A contract still delivering the service.
    IN_FORCE_STATUSES = (Status.LIVE, Status.ENDING)
    # The routes after which quotes may have been invited (Contract.quotes_invited).
    ROUTES_WITHOUT_A_TENDER = (Route.DIRECT_AWARD, Route.FRAMEWORK)

    reference = models.CharField(max_length=50, unique=True)
    title = models.CharField(max_length=300)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="contracts")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="contracts")
    activity = models.ForeignKey(
        "commissioning.CommissioningActivity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name="commissioning activity",
        help_text="The commissioning activity that let this contract, if any.",
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name="priority",
        help_text="The priority whose lead commissioners manage this contract.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_contracts",
        verbose_name="contract manager",
        help_text="The commissioner who manages the contract day to day.",
    )
    form = models.CharField("contract form", max_length=20, choices=Form.choices)
    procurement_route = models.CharField(max_length=20, choices=Route.choices)
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="led_contracts",
        verbose_name="lead commissioning organisation",
    )
    co_commissioners = models.ManyToManyField(
        Organisation, blank=True, related_name="co_commissioned_contracts"
    )
    department = models.CharField(
        "department responsible",
        max_length=200,
        blank=True,
        help_text=(
            "The lead organisation's department or team, e.g. Children's Services "
            "Commissioning: published with the organisation's name."
        ),
    )
    quotes_invited = models.BooleanField(
        "quotes were invited",
        default=False,
        help_text=(
            "For a direct award or a framework call-off: tick if it followed an invitation to "
            "quote to several suppliers. An open or restricted tender is a published tender."
        ),
    )
    annual_value = models.DecimalField("annual value (£)", max_digits=12, decimal_places=2)
    total_value = models.DecimalField("total value (£)", max_digits=14, decimal_places=2)
    non_recoverable_vat = models.DecimalField(
        "VAT that cannot be recovered (£)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Over the contract's length; leave empty if all its VAT is recovered.",
    )
    start_date = models.DateField()
    initial_end_date = models.DateField(
        "end of the initial term",
        null=True,
        blank=True,
        help_text="Where the first term ends, before any extension; the end date moves on from it.",
    )
    end_date = models.DateField(
        "current end date", help_text="Moves when an extension is taken or a variation agreed."
    )
    review_date = models.DateField(
        "planned review date",
        null=True,
        blank=True,
        help_text="When the contract is next to be reviewed (published with its dates).",
    )
    activity_cycle = models.PositiveIntegerField(
        "cycle of the activity",
        null=True,
        blank=True,
        help_text="The cycle of the commissioning activity in which this contract was let.",
    )
    notice_period_months = models.PositiveSmallIntegerField(
        "notice period (months)",
        default=3,
        help_text="How long before the end either side must give notice.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LIVE)
    safeguarding_clause = models.BooleanField("safeguarding standards clause", default=True)
    social_value_clause = models.BooleanField("social value clause", default=False)
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not a real contract."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    partnership = models.ForeignKey(
        "core.Partnership",
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name="lead partnership",
        help_text="The partnership that leads it; only its commissioners edit it.",
    )
    shared_with = models.ManyToManyField(
        "core.Partnership",
        blank=True,
        related_name="shared_contracts",
        verbose_name="shared with",
        help_text="Other partnerships commissioning it jointly: they see it, the lead edits it.",
    )

    objects = ContractQuerySet.as_manager()

    history = HistoricalRecords()

    partnership_lookup = "partnership"
    shared_partnerships_lookup = "shared_with"

    class Meta:
        ordering = ["end_date", "reference"]
        indexes = [
            models.Index(fields=["status", "end_date"]),
            # The register's order: its first page is read from this index in order, not by
            # joining and sorting every contract (README "Benchmark and load test").
            models.Index(fields=["end_date", "reference"], name="contract_register_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="contract_ends_on_or_after_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(annual_value__gte=0),
                name="contract_annual_value_not_negative",
                violation_error_message="The annual value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(total_value__gte=0),
                name="contract_total_value_not_negative",
                violation_error_message="The total value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(non_recoverable_vat__isnull=True) | Q(non_recoverable_vat__gte=0),
                name="contract_non_recoverable_vat_not_negative",
                violation_error_message="The VAT that cannot be recovered cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(quotes_invited=False)
                | Q(procurement_route__in=["direct_award", "framework"]),
                name="contract_quotes_invited_only_without_a_tender",
                violation_error_message=QUOTES_ONLY_WITHOUT_A_TENDER,
            ),
            models.CheckConstraint(
                condition=Q(initial_end_date__isnull=True)
                | Q(initial_end_date__gte=F("start_date")),
                name="contract_initial_term_ends_on_or_after_start",
                violation_error_message=("The initial term cannot end before the contract starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"

    def get_absolute_url(self) -> str:
        return detail_url("commissioning:contract_detail", self.pk)

    def take_partnership_from_parents(self) -> None:
        """A new contract is led by the partnership of its priority, else of the activity that
        let it, else of its service."""
        if self.partnership_id is not None:
            return
        if self.priority_area_id is not None:
            self.partnership_id = self.priority_area.framework.partnership_id
        elif self.activity_id is not None:
            self.partnership_id = self.activity.partnership_id
        elif self.service_id is not None:
            self.partnership_id = self.service.partnership_id

    @property
    def is_in_force(self) -> bool:
        return self.status in self.IN_FORCE_STATUSES

    # Terms and extension options. They read `extension_options` through .all(), so a
    # prefetch (selectors.contract_register) keeps a list's query count constant.

    @property
    def options_left(self) -> list["ExtensionOption"]:
        """The extension options not yet taken, in the order they can be taken."""
        return sorted(
            (o for o in self.extension_options.all() if o.taken_on is None),
            key=lambda o: o.order,
        )

    @property
    def next_option(self) -> "ExtensionOption | None":
        left = self.options_left
        return left[0] if left else None

    @property
    def latest_possible_end(self) -> datetime.date:
        """The current end date plus every option not yet taken."""
        return add_months(self.end_date, sum(o.months for o in self.options_left))

    @property
    def options_left_label(self) -> str:
        """The options left as people say them: "1 + 1 years", "6 months", "none"."""
        left = self.options_left
        if not left:
            return "none"
        if all(o.months % 12 == 0 for o in left):
            years = " + ".join(str(o.months // 12) for o in left)
            return f"{years} year{'s' if len(left) > 1 or left[0].months > 12 else ''}"
        return " + ".join(str(o.months) for o in left) + " months"

    def has_ended(self, today: datetime.date | None = None) -> bool:
        return self.end_date < (today or timezone.localdate())

    # Deletion: a contract with a record of its management is ended, never deleted.

    def governance_decisions(self) -> models.QuerySet:
        """The boards' decisions recorded as concerning this contract."""
        return Decision.objects.filter(
            concerns_type=ContentType.objects.get_for_model(Contract), concerns_id=self.pk
        )

    def deletion_refusal(self) -> str:
        """Why the contract cannot be deleted, or "" if it can: its reviews, KPIs, variations
        and the boards' decisions on it are its record, which deleting it would lose."""
        if self.pk is None:
            return ""
        counts = [
            (self.reviews.count(), "review"),
            (self.kpis.count(), "KPI"),
            (self.variations.count(), "variation"),
            (self.governance_decisions().count(), "board decision"),
        ]
        held = [f"{count} {noun}{'s' if count != 1 else ''}" for count, noun in counts if count]
        if not held:
            return ""
        listed = held[0] if len(held) == 1 else ", ".join(held[:-1]) + f" and {held[-1]}"
        return (
            f"{self.reference} cannot be deleted: it has {listed}, which deleting it would lose. "
            "A contract with reviews, KPIs, variations or decisions is ended, not deleted: set "
            "its status to Expired or Decommissioned instead."
        )

    def delete(self, *args, **kwargs):
        refusal = self.deletion_refusal()
        if refusal:
            raise ProtectedError(refusal, set(self.governance_decisions()))
        return super().delete(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = (
                f"The end date ({self.end_date:%-d %B %Y}) cannot be before the start date "
                f"({self.start_date:%-d %B %Y})."
            )
        if self.start_date and self.initial_end_date and self.initial_end_date < self.start_date:
            errors["initial_end_date"] = (
                f"The initial term cannot end ({self.initial_end_date:%-d %B %Y}) before the "
                f"contract starts ({self.start_date:%-d %B %Y})."
            )
        for name in ("annual_value", "total_value", "non_recoverable_vat"):
            value = getattr(self, name)
            if value is not None and value < 0:
                label = self._meta.get_field(name).verbose_name.replace(" (£)", "")
                errors[name] = f"The {label} cannot be negative."
        if self.quotes_invited and self.procurement_route not in self.ROUTES_WITHOUT_A_TENDER:
            errors["quotes_invited"] = QUOTES_ONLY_WITHOUT_A_TENDER
        if errors:
            raise ValidationError(errors)


@receiver(pre_delete, sender=Contract)
def _refuse_deleting_a_contract_with_decisions(sender, instance: Contract, **kwargs) -> None:
    """A queryset's delete (the admin's bulk action) skips Contract.delete: the boards'
    decisions, which no foreign key protects, are checked here; the reviews, KPIs and
    variations are protected by their foreign keys."""
    decisions = instance.governance_decisions()
    if decisions.exists():
        raise ProtectedError(instance.deletion_refusal(), set(decisions))


class ContractReview(models.Model):
    """A review of a contract: performance, outcomes, value for money and the decision taken."""

    class ValueForMoney(models.TextChoices):
        GOOD = "good", "Good"
        ADEQUATE = "adequate", "Adequate"
        POOR = "poor", "Poor"

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue"
        EXTEND = "extend", "Extend"
        VARY = "vary", "Vary"
        RECOMMISSION = "recommission", "Re-commission"
        DECOMMISSION = "decommission", "Decommission"

    # PROTECT: a contract with reviews is ended, never deleted (Contract.deletion_refusal).
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="reviews")
    date = models.DateField("review date", default=timezone.localdate)
    performance_rag = models.CharField("performance (RAG)", max_length=10, choices=RAG.choices)
    outcomes_achieved = models.TextField()
    value_for_money = models.CharField(max_length=10, choices=ValueForMoney.choices)
    decision = models.CharField(
        max_length=20, choices=Decision.choices, blank=True, help_text="Leave empty until decided."
    )
    decision_date = models.DateField(null=True, blank=True)
    decision_note = models.TextField(
        "what the decision did", blank=True, editable=False, help_text="Written by the service."
    )
    opened_activity = models.ForeignKey(
        "commissioning.CommissioningActivity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opened_by_reviews",
        verbose_name="activity it opened",
        help_text="The re-commissioning or decommissioning activity the decision opened.",
    )
    is_sample = models.BooleanField("sample data", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic locking: a correction in the admin bumps it; one from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "contract__partnership"

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "contract review"
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(decision_date__isnull=False),
                name="contract_review_decision_has_date",
                violation_error_message="Give the date of the decision.",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.contract.reference} on {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return (
            reverse("commissioning:contract_detail", args=[self.contract_id]) + "#reviews-heading"
        )

    def clean(self) -> None:
        super().clean()
        if self.decision and not self.decision_date:
            raise ValidationError({"decision_date": "Give the date of the decision."})
