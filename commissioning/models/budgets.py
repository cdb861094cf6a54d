"""Pooled and aligned budgets: what each partner puts into a contract or an activity, and the
funding agreements (a section 75 agreement and the like) the money sits under."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import Organisation


class FundingAgreement(models.Model):
    """An agreement between partners to pool or align money; administrators keep these in admin."""

    class Kind(models.TextChoices):
        SECTION_75 = "section_75", "Section 75 agreement (NHS Act 2006)"
        SECTION_256 = "section_256", "Section 256 agreement"
        PARTNERSHIP = "partnership", "Partnership agreement"
        MEMORANDUM = "memorandum", "Memorandum of understanding"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    reference = models.CharField(max_length=50, unique=True)
    title = models.CharField(max_length=300)
    start_date = models.DateField()
    end_date = models.DateField()
    parties = models.ManyToManyField(
        Organisation, related_name="funding_agreements", help_text="The partners who signed it."
    )
    description = models.TextField(blank=True)
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not a real agreement."
    )

    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="funding_agreements"
    )

    history = HistoricalRecords()

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["-start_date", "reference"]
        verbose_name = "funding agreement"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="funding_agreement_ends_on_or_after_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"


class Contribution(models.Model):
    """A partner's yearly share of a contract or of a commissioning activity (one of the two).

    Changed only through `commissioning/services.py`, which checks `version`.
    """

    class Arrangement(models.TextChoices):
        POOLED = "pooled", "Pooled"
        ALIGNED = "aligned", "Aligned"

    contract = models.ForeignKey(
        "commissioning.Contract",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contributions",
    )
    activity = models.ForeignKey(
        "commissioning.CommissioningActivity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name="commissioning activity",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name="partner",
    )
    annual_amount = models.DecimalField(
        "amount a year (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0, message="The amount cannot be negative.")],
    )
    arrangement = models.CharField(
        max_length=10,
        choices=Arrangement.choices,
        help_text=(
            "Pooled: paid into one fund under a formal agreement. Aligned: each partner keeps "
            "its own budget, spent to a shared plan."
        ),
    )
    agreement = models.ForeignKey(
        FundingAgreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name="funding agreement",
        help_text="The agreement the money sits under; a pooled share needs one.",
    )
    note = models.CharField(max_length=300, blank=True)
    is_sample = models.BooleanField("sample data", default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = "partner contribution"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(contract__isnull=False, activity__isnull=True)
                    | Q(contract__isnull=True, activity__isnull=False)
                ),
                name="contribution_to_a_contract_or_an_activity",
                violation_error_message="A contribution is to one contract or one activity.",
            ),
            models.CheckConstraint(
                condition=Q(annual_amount__gte=0),
                name="contribution_amount_not_negative",
                violation_error_message="The amount cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(arrangement="aligned") | Q(agreement__isnull=False),
                name="contribution_pooled_under_an_agreement",
                violation_error_message="A pooled share sits under a funding agreement: choose it.",
            ),
            models.UniqueConstraint(
                fields=["contract", "organisation"],
                condition=Q(contract__isnull=False),
                name="contribution_one_per_partner_and_contract",
                violation_error_message=(
                    "This partner already has a share of this contract: change that one."
                ),
            ),
            models.UniqueConstraint(
                fields=["activity", "organisation"],
                condition=Q(activity__isnull=False),
                name="contribution_one_per_partner_and_activity",
                violation_error_message=(
                    "This partner already has a share of this activity: change that one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.short_name}: £{self.annual_amount:,.2f} a year to {self.funded}"

    def get_absolute_url(self) -> str:
        return self.funded.get_absolute_url() + "#shares"

    @property
    def funded(self):
        """The contract or activity this share is of."""
        return self.contract or self.activity

    def clean(self) -> None:
        super().clean()
        if self.arrangement == self.Arrangement.POOLED and self.agreement_id is None:
            raise ValidationError(
                {"agreement": "A pooled share sits under a funding agreement: choose it."}
            )
