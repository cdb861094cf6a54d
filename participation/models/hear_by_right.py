"""Hear by Right: a partnership's yearly self-assessment against the National Youth Agency's
seven standards (the 7S model), each scored emerging, established or advanced on evidence drawn
from its participation records."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.academic_years import academic_year_label


class Standard(models.TextChoices):
    """The seven standards, in the framework's order."""

    SHARED_VALUES = "shared_values", "Shared values"
    STRATEGY = "strategy", "Strategy"
    STRUCTURES = "structures", "Structures"
    SYSTEMS = "systems", "Systems"
    STAFF = "staff", "Staff"
    SKILLS_KNOWLEDGE = "skills_knowledge", "Skills and knowledge"
    STYLE = "style", "Style"


# What each standard asks, shown beside its score on the form and the comparison page.
STANDARD_DESCRIPTIONS = {
    Standard.SHARED_VALUES: (
        "Everyone shares the belief that children and young people's participation matters, "
        "and says so."
    ),
    Standard.STRATEGY: (
        "Plans and strategies commit to participation, and young people help to shape them."
    ),
    Standard.STRUCTURES: (
        "Boards, groups and meetings have a place for young people where decisions are made."
    ),
    Standard.SYSTEMS: (
        "Ways of working (commissioning, recruitment, complaints, feedback) build "
        "participation in and report what changed."
    ),
    Standard.STAFF: (
        "Staff and volunteers are expected, supported and given time to involve young people."
    ),
    Standard.SKILLS_KNOWLEDGE: (
        "Staff and young people have the training and the knowledge to take part well."
    ),
    Standard.STYLE: (
        "Meetings, language and methods suit young people, and they are fed back to as equals."
    ),
}


class HearByRightLevel(models.IntegerChoices):
    """How far a standard is met, lowest first: the value orders them, so change is a comparison."""

    EMERGING = 1, "Emerging"
    ESTABLISHED = 2, "Established"
    ADVANCED = 3, "Advanced"


class HearByRightAssessment(models.Model):
    """A partnership's self-assessment for one academic year, with a score per standard."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AGREED = "agreed", "Agreed"

    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="hear_by_right_assessments"
    )
    year = models.PositiveSmallIntegerField(
        "academic year", help_text="The year it starts in: 2026 for 2026/27."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hear_by_right_assessments",
    )
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not a real assessment."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership", "-year"]
        verbose_name = "Hear by Right self-assessment"
        verbose_name_plural = "Hear by Right self-assessments"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year"],
                name="hear_by_right_one_assessment_a_year",
                violation_error_message="The partnership already has an assessment for this year.",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="hear_by_right_year_plausible",
                violation_error_message="Give the academic year by the year it starts in.",
            ),
        ]

    def __str__(self) -> str:
        return f"Hear by Right self-assessment {self.year_label}"

    def get_absolute_url(self) -> str:
        return reverse("participation:hear_by_right_year", args=[self.year])

    @property
    def year_label(self) -> str:
        return academic_year_label(self.year)


class HearByRightScore(models.Model):
    """One standard's level in an assessment, the evidence for it, and the records it rests on."""

    assessment = models.ForeignKey(
        HearByRightAssessment, on_delete=models.CASCADE, related_name="scores"
    )
    standard = models.CharField(max_length=20, choices=Standard.choices)
    level = models.PositiveSmallIntegerField(choices=HearByRightLevel.choices)
    evidence = models.TextField(
        blank=True, help_text="What shows this level: what was done, by whom, what changed."
    )
    records = models.ManyToManyField(
        "participation.ParticipationRecord",
        blank=True,
        related_name="hear_by_right_scores",
        verbose_name="participation records as evidence",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "assessment__partnership"

    class Meta:
        ordering = ["assessment", "pk"]
        verbose_name = "Hear by Right score"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "standard"],
                name="hear_by_right_one_score_a_standard",
                violation_error_message="The assessment already scores this standard.",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=3),
                name="hear_by_right_level_known",
                violation_error_message="Choose emerging, established or advanced.",
            ),
            models.CheckConstraint(
                condition=Q(level=HearByRightLevel.EMERGING) | ~Q(evidence=""),
                name="hear_by_right_level_has_evidence",
                violation_error_message="Say what shows this standard is established or advanced.",
            ),
            models.CheckConstraint(
                condition=Q(standard__in=Standard.values),
                name="hear_by_right_standard_known",
                violation_error_message="Choose one of the seven standards.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_standard_display()}: {self.get_level_display()}"

    @property
    def description(self) -> str:
        return STANDARD_DESCRIPTIONS[Standard(self.standard)]

    def clean(self) -> None:
        super().clean()
        if self.level and self.level > HearByRightLevel.EMERGING and not self.evidence.strip():
            raise ValidationError(
                {"evidence": "Say what shows this standard is established or advanced."}
            )
