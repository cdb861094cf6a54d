"""Commissioning activities going round the cycle, their moves and their needs assessments."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.choices import Stage
from core.detail_urls import detail_url
from governance.models import Organisation
from priorities.models import PriorityArea


class CommissioningActivity(models.Model):
    """A piece of commissioning work going round analyse, plan, do, review.

    Only the services in `commissioning/services.py` change `stage`, `cycle_number` and
    `version`, under the rules of `commissioning/cycle.py`.
    """

    class Level(models.TextChoices):
        STRATEGIC = "strategic", "Strategic"
        OPERATIONAL = "operational", "Operational"
        INDIVIDUAL = "individual", "Individual"

    class Footprint(models.TextChoices):
        BOROUGH = "borough", "Borough-wide"
        AREA = "area", "Area"
        LOCALITY = "locality", "Locality"
        SUB_REGIONAL = "sub_regional", "Sub-regional"

    class Resourcing(models.TextChoices):
        SINGLE_AGENCY = "single_agency", "Single agency"
        ALIGNED = "aligned", "Aligned"
        POOLED = "pooled", "Pooled"
        INTEGRATED = "integrated", "Integrated"

    class Purpose(models.TextChoices):
        COMMISSION = "commission", "Commission (or re-commission) a service"
        DECOMMISSION = "decommission", "Decommission a contract"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="commissioning_activities",
        verbose_name="priority",
    )
    lead_commissioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_activities"
    )
    commissioning_organisations = models.ManyToManyField(
        Organisation,
        related_name="commissioning_activities",
        help_text="The partners commissioning together (joint commissioning).",
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.OPERATIONAL)
    footprint = models.CharField(
        max_length=20, choices=Footprint.choices, default=Footprint.BOROUGH
    )
    resourcing = models.CharField(
        max_length=20, choices=Resourcing.choices, default=Resourcing.SINGLE_AGENCY
    )
    budget = models.DecimalField(
        "budget (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message="The budget cannot be negative.")],
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.ANALYSE)
    cycle_number = models.PositiveIntegerField(default=1)
    stage_entered_at = models.DateTimeField("in this stage since", default=timezone.now)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    specification_text = models.TextField(
        "service specification", blank=True, help_text="The specification, or a summary of it."
    )
    specification_url = models.URLField(
        "service specification link", blank=True, help_text="A link to the specification document."
    )
    specification_cycle = models.PositiveIntegerField(
        "cycle of the specification",
        null=True,
        blank=True,
        editable=False,
        help_text="The cycle in which the specification was last written or changed.",
    )
    purpose = models.CharField(
        max_length=20, choices=Purpose.choices, default=Purpose.COMMISSION, editable=False
    )
    recommissions = models.ForeignKey(
        "commissioning.Contract",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommissioning_activities",
        verbose_name="re-commissions contract",
        help_text="The contract this activity re-commissions, if any.",
    )
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not real work."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    partnership = models.ForeignKey(
        "core.Partnership",
        on_delete=models.PROTECT,
        related_name="commissioning_activities",
        verbose_name="lead partnership",
        help_text="The partnership that leads it; only its commissioners edit it.",
    )
    shared_with = models.ManyToManyField(
        "core.Partnership",
        blank=True,
        related_name="shared_commissioning_activities",
        verbose_name="shared with",
        help_text="Other partnerships commissioning it jointly: they see it, the lead edits it.",
    )

    history = HistoricalRecords()

    partnership_lookup = "partnership"
    shared_partnerships_lookup = "shared_with"

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "commissioning activity"
        verbose_name_plural = "commissioning activities"
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="activity_budget_not_negative",
                violation_error_message="The budget cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(cycle_number__gte=1),
                name="activity_cycle_number_from_one",
                violation_error_message="The cycle number starts at 1.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("commissioning:activity_detail", self.pk)

    def take_partnership_from_priority(self) -> None:
        """A new activity is led by the partnership of its priority."""
        if self.partnership_id is None and self.priority_area_id is not None:
            self.partnership_id = PriorityArea.objects.values_list(
                "framework__partnership", flat=True
            ).get(pk=self.priority_area_id)

    @property
    def has_specification(self) -> bool:
        return bool(self.specification_text.strip() or self.specification_url.strip())

    @property
    def is_decommissioning(self) -> bool:
        return self.purpose == self.Purpose.DECOMMISSION


class StageMove(models.Model):
    """One move of an activity round the cycle: from, to, when, by whom and why."""

    activity = models.ForeignKey(
        CommissioningActivity, on_delete=models.CASCADE, related_name="stage_moves"
    )
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    from_cycle = models.PositiveIntegerField()
    to_cycle = models.PositiveIntegerField()
    moved_at = models.DateTimeField(default=timezone.now)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stage_moves"
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    partnership_lookup = "activity__partnership"

    class Meta:
        ordering = ["-moved_at", "-pk"]
        verbose_name = "stage move"

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_from_stage_display()} → {self.get_to_stage_display()}"


class NeedsAssessment(models.Model):
    """The evidence of need behind an activity's cycle (e.g. from the JSNA)."""

    activity = models.ForeignKey(
        CommissioningActivity, on_delete=models.CASCADE, related_name="needs_assessments"
    )
    cycle_number = models.PositiveIntegerField(
        editable=False, help_text="The activity's cycle this assessment informs."
    )
    title = models.CharField(max_length=300)
    date = models.DateField(default=timezone.localdate)
    evidence_sources = models.TextField(help_text="e.g. JSNA 2017, school census, CAMHS dataset.")
    population = models.TextField(help_text="Who the assessment covers, and how many.")
    key_findings = models.TextField()
    is_sample = models.BooleanField("sample data", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    partnership_lookup = "activity__partnership"

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "needs assessment"

    def __str__(self) -> str:
        return self.title
