"""Participation records: who took part (as counts only), what they said and what changed.

A record holds no child's name, date of birth or other identity, by design: there is no field
for one, and `participation/tests/test_models.py` keeps it that way.
"""

import datetime
from functools import reduce
from operator import add

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import GreaterThan
from django.utils import timezone
from simple_history.models import HistoricalRecords

from commissioning.models import CommissioningActivity
from core.choices import Stage
from core.detail_urls import detail_url
from participation.models import lundy
from participation.models.groups import StakeholderGroup
from participation.models.loop import YouSaidItem, overdue_item_q
from priorities.models import PriorityArea

# (field, label) of the age bands; the number taking part is their sum.
AGE_BANDS = (
    ("age_0_4", "Aged 0 to 4"),
    ("age_5_10", "Aged 5 to 10"),
    ("age_11_15", "Aged 11 to 15"),
    ("age_16_17", "Aged 16 to 17"),
    ("age_18_25", "Aged 18 to 25"),
    ("adults", "Adults (parents, carers and others)"),
)
AGE_BAND_FIELDS = tuple(name for name, _ in AGE_BANDS)
# (field, label) of the groups counted among those taking part; each is at most the total.
SPECIAL_GROUPS = (
    ("children_in_care", "Children in care"),
    ("care_leavers", "Care leavers"),
    ("young_carers", "Young carers"),
    ("send", "Children and young people with SEND"),
)
SPECIAL_GROUP_FIELDS = tuple(name for name, _ in SPECIAL_GROUPS)
FEEDBACK_OWED_AFTER = datetime.timedelta(weeks=4)

_TOTAL = reduce(add, (F(name) for name in AGE_BAND_FIELDS))


class Level(models.IntegerChoices):
    """The ladder of participation, lowest rung first: the value is the rung, so Max() works."""

    INFORM = 1, "Inform"
    CONSULT = 2, "Consult"
    INVOLVE = 3, "Involve"
    COLLABORATE = 4, "Collaborate"
    CO_PRODUCE = 5, "Co-produce"


def feedback_owed_q(today: datetime.date | None = None) -> Q:
    """Older than four weeks with nothing fed back to the participants yet, or with a "you
    said" item still deciding past the date its decision was due."""
    today = today or timezone.localdate()
    overdue_items = YouSaidItem.objects.filter(overdue_item_q(today), record=OuterRef("pk"))
    return Q(feedback_date__isnull=True, date__lt=today - FEEDBACK_OWED_AFTER) | Q(
        Exists(overdue_items)
    )


class ParticipationRecordQuerySet(models.QuerySet):
    def published(self):
        """Records a lead commissioner has published for the public pages."""
        return self.filter(published_at__isnull=False)

    def feedback_owed(self, today: datetime.date | None = None):
        """Records older than four weeks with nothing fed back to the participants yet, or with
        an item still deciding past its date."""
        return self.filter(feedback_owed_q(today))

    def retention_due(self, today: datetime.date | None = None):
        """Records past their retention date and not yet anonymised."""
        return self.filter(
            retention_date__lt=today or timezone.localdate(), anonymised_at__isnull=True
        )


class ParticipationRecord(models.Model):
    """One piece of participation: a consultation, a panel, a co-production session."""

    class Method(models.TextChoices):
        SURVEY = "survey", "Survey"
        CONSULTATION = "consultation", "Consultation"
        FOCUS_GROUP = "focus_group", "Focus group"
        WORKSHOP = "workshop", "Workshop"
        PANEL = "panel", "Panel"
        EVENT = "event", "Event"
        YOUTH_FORUM = "youth_forum", "Youth forum"
        CO_PRODUCTION = "co_production", "Co-production session"
        FEEDBACK_CASE_STUDY = "feedback_case_study", "Feedback and case study"

    class DecisionChanged(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        PENDING = "pending", "Not decided yet"

    title = models.CharField(max_length=200)
    date = models.DateField("date it took place", default=timezone.localdate)
    method = models.CharField(max_length=30, choices=Method.choices)
    level = models.PositiveSmallIntegerField(
        "level of participation",
        choices=Level.choices,
        help_text="The rung reached: inform, consult, involve, collaborate, co-produce.",
    )
    stage = models.CharField("cycle stage it informed", max_length=20, choices=Stage.choices)
    priority_areas = models.ManyToManyField(
        PriorityArea, related_name="participation_records", verbose_name="priority areas"
    )
    activity = models.ForeignKey(
        CommissioningActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participation_records",
        verbose_name="commissioning activity",
    )
    groups = models.ManyToManyField(
        StakeholderGroup, related_name="participation_records", verbose_name="groups taking part"
    )
    age_0_4 = models.PositiveIntegerField("aged 0 to 4", default=0)
    age_5_10 = models.PositiveIntegerField("aged 5 to 10", default=0)
    age_11_15 = models.PositiveIntegerField("aged 11 to 15", default=0)
    age_16_17 = models.PositiveIntegerField("aged 16 to 17", default=0)
    age_18_25 = models.PositiveIntegerField("aged 18 to 25", default=0)
    adults = models.PositiveIntegerField("adults", default=0)
    children_in_care = models.PositiveIntegerField("of whom children in care", default=0)
    care_leavers = models.PositiveIntegerField("of whom care leavers", default=0)
    young_carers = models.PositiveIntegerField("of whom young carers", default=0)
    send = models.PositiveIntegerField("of whom with SEND", default=0)
    you_said = models.TextField("what we heard (you said)")
    we_did = models.TextField("what we did about it (we did)", blank=True)
    decision_changed = models.CharField(
        "did a decision change?",
        max_length=10,
        choices=DecisionChanged.choices,
        default=DecisionChanged.PENDING,
    )
    decision_description = models.TextField("which decision changed, and how", blank=True)
    feedback_date = models.DateField("date fed back to participants", null=True, blank=True)
    feedback_method = models.CharField(
        "how it was fed back",
        max_length=200,
        blank=True,
        help_text="e.g. a letter to the council, a newsletter, a visit to the group.",
    )
    # The Lundy model, element by element (participation/models/lundy.py).
    lundy_space = lundy.met_field(lundy.SPACE)
    lundy_space_evidence = lundy.evidence_field(lundy.SPACE)
    lundy_voice = lundy.met_field(lundy.VOICE)
    lundy_voice_evidence = lundy.evidence_field(lundy.VOICE)
    lundy_audience = lundy.met_field(lundy.AUDIENCE)
    lundy_audience_evidence = lundy.evidence_field(lundy.AUDIENCE)
    lundy_influence = lundy.met_field(lundy.INFLUENCE)
    lundy_influence_evidence = lundy.evidence_field(lundy.INFLUENCE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participation_records",
    )
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not a real event."
    )
    # Past this date the retention job (participation/retention.py) removes the record's words
    # and quotes, keeping its counts; set by the services from the partnership's rule.
    retention_date = models.DateField(
        "keep its words until",
        null=True,
        blank=True,
        help_text=(
            "Set from the partnership's retention rule; an administrator may set it later, "
            "never earlier than the rule."
        ),
    )
    anonymised_at = models.DateTimeField("anonymised on", null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="participation_records"
    )
    # Unpublished unless a lead commissioner publishes it: only then may the partnership's
    # public "You said, we did" page and the API show it.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ParticipationRecordQuerySet.as_manager()

    history = HistoricalRecords()

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "participation record"
        constraints = [
            models.CheckConstraint(
                condition=Q(feedback_date__isnull=True) | Q(feedback_date__gte=F("date")),
                name="participation_feedback_not_before_event",
                violation_error_message="Feedback cannot be given before the event took place.",
            ),
            models.CheckConstraint(
                condition=Q(feedback_date__isnull=True) | ~Q(feedback_method=""),
                name="participation_feedback_has_method",
                violation_error_message="Say how the outcome was fed back.",
            ),
            models.CheckConstraint(
                condition=~Q(decision_changed="yes") | ~Q(decision_description=""),
                name="participation_changed_decision_described",
                violation_error_message="Say which decision changed.",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="participation_level_on_the_ladder",
                violation_error_message="Choose a level of participation on the ladder.",
            ),
            models.CheckConstraint(
                condition=GreaterThan(_TOTAL, 0),
                name="participation_someone_took_part",
                violation_error_message="Count at least one person taking part.",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": _TOTAL}),
                    name=f"participation_{name}_within_total",
                    violation_error_message=(
                        f"{label} cannot be more than the number taking part."
                    ),
                )
                for name, label in SPECIAL_GROUPS
            ),
            *lundy.evidence_constraints(),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return detail_url("participation:record_detail", self.pk)

    @property
    def total_participants(self) -> int:
        return sum(getattr(self, name) or 0 for name in AGE_BAND_FIELDS)

    @property
    def lundy_results(self) -> list[lundy.LundyResult]:
        """Space, Voice, Audience and Influence as this record met them."""
        return lundy.lundy_results(self)

    @property
    def reached_influence(self) -> bool:
        """The participants' views were acted on and the response fed back (lundy.py)."""
        return self.lundy_influence == lundy.LundyMet.YES

    @property
    def is_feedback_owed(self) -> bool:
        """As `feedback_owed_q` says; reads the items through .all(), so a prefetch is used."""
        return bool(self.overdue_items) or (
            self.feedback_date is None and self.date < (timezone.localdate() - FEEDBACK_OWED_AFTER)
        )

    @property
    def overdue_items(self) -> list[YouSaidItem]:
        """The items still deciding past the date a decision was due."""
        if self.pk is None:
            return []
        return [item for item in self.you_said_items.all() if item.is_overdue]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.title is not None and not self.title.strip():
            errors["title"] = "Give the record a title."
        today = timezone.localdate()
        if self.date and self.date > today:
            errors["date"] = "Log participation once it has taken place: the date is in the future."
        if self.feedback_date and self.feedback_date > today:
            errors["feedback_date"] = "Record the feedback once it has been given, not before."
        elif self.feedback_date and self.date and self.feedback_date < self.date:
            errors["feedback_date"] = (
                f"The feedback date ({self.feedback_date:%-d %B %Y}) cannot be before the "
                f"date it took place ({self.date:%-d %B %Y})."
            )
        if self.feedback_date and not (self.feedback_method or "").strip():
            errors["feedback_method"] = "Say how the outcome was fed back to the participants."
        if (
            self.decision_changed == self.DecisionChanged.YES
            and not (self.decision_description or "").strip()
        ):
            errors["decision_description"] = "Say which decision changed, and how."
        counts = [getattr(self, name) for name in (*AGE_BAND_FIELDS, *SPECIAL_GROUP_FIELDS)]
        if all(isinstance(count, int) and count >= 0 for count in counts):
            total = self.total_participants
            if total == 0:
                errors["age_0_4"] = "Count at least one person taking part, in an age band."
            for name, label in SPECIAL_GROUPS:
                if getattr(self, name) > total:
                    errors[name] = (
                        f"{label}: {getattr(self, name)} is more than the {total} taking part "
                        "(the sum of the age bands)."
                    )
        errors.update(lundy.evidence_errors(self))
        if errors:
            raise ValidationError(errors)
