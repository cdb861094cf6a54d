"""Reads of the participation app, each with the joins and prefetches that fix its query count."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, QuerySet

from commissioning.models import CommissioningActivity
from core.choices import Stage
from core.partnerships import scope
from participation.models import (
    Level,
    ParticipationRecord,
    Quote,
    VoiceAnswer,
    VoiceQuestion,
)
from participation.models.lundy import reached_influence_q
from priorities.models import Framework, PriorityArea


def record_list(user) -> QuerySet[ParticipationRecord]:
    """The records of `user`'s partnership with what a list row shows: priorities, groups and
    activity."""
    return (
        scope(ParticipationRecord.objects.all(), user)
        .select_related("activity")
        .prefetch_related(
            Prefetch(
                "priority_areas",
                queryset=PriorityArea.objects.select_related("framework__partnership"),
            ),
            "groups",
            # Whether feedback is owed reads the items (ParticipationRecord.is_feedback_owed).
            "you_said_items",
        )
    )


def record_detail(user) -> QuerySet[ParticipationRecord]:
    """One record, with everything its page and its edit check (the priorities' leads) read."""
    return (
        record_list(user)
        .select_related("created_by", "published_by", "partnership", "activity__priority_area")
        .prefetch_related(
            "priority_areas__lead_commissioners",
            Prefetch("quotes", queryset=Quote.objects.select_related("given_by")),
        )
    )


def record_export(user) -> QuerySet[ParticipationRecord]:
    """The records of the anonymised export, with their priorities, groups and quotes: four
    queries whatever their number."""
    return (
        scope(ParticipationRecord.objects.all(), user)
        .prefetch_related("priority_areas", "groups", "quotes")
        .order_by("date", "pk")
    )


def record_page(user) -> QuerySet[ParticipationRecord]:
    """A record as its page shows it: `record_detail` with the personal-data confirmations."""
    return record_detail(user).prefetch_related("personal_data_confirmations__confirmed_by")


def feedback_owed(user) -> QuerySet[ParticipationRecord]:
    """Records more than four weeks old with nothing fed back yet, or with an item still
    deciding past its date (`overdue_items` says which), oldest first."""
    return record_list(user).feedback_owed().order_by("date", "pk")


def you_said_we_did(*, priority_area: PriorityArea) -> QuerySet[ParticipationRecord]:
    """What young people told a priority, and what happened next, newest first."""
    return (
        ParticipationRecord.objects.filter(priority_areas=priority_area)
        .prefetch_related("groups", "you_said_items")
        .order_by("-date", "-pk")
    )


@dataclass
class CoverageCell:
    stage: str
    stage_label: str
    records: int = 0
    highest_level: int | None = None
    # Of `records`, those whose participants' views were acted on and fed back (Lundy).
    reached_influence: int = 0

    @property
    def is_gap(self) -> bool:
        return self.records == 0

    @property
    def highest_level_label(self) -> str:
        return Level(self.highest_level).label if self.highest_level else ""


@dataclass
class CoverageRow:
    priority_area: PriorityArea
    cells: list[CoverageCell] = field(default_factory=list)

    @property
    def gaps(self) -> int:
        return sum(cell.is_gap for cell in self.cells)

    @property
    def reached_influence(self) -> int:
        return sum(cell.reached_influence for cell in self.cells)


def coverage_matrix(*, user, framework: Framework | None = None) -> list[CoverageRow]:
    """The priority areas of `user`'s partnership by cycle stage: records, the highest ladder
    level and the records that reached Lundy's Influence in each cell.

    Two queries whatever the data: the priority areas, and one aggregate over the records.
    """
    areas = scope(PriorityArea.objects.select_related("framework__partnership"), user)
    # One row per (record, priority area): the many-to-many table itself, so a framework filter
    # adds a join on a single-valued relation and cannot count a record twice.
    links = ParticipationRecord.priority_areas.through.objects.filter(
        priorityarea__in=areas.values("pk")
    )
    if framework is not None:
        areas = areas.filter(framework=framework)
        links = links.filter(priorityarea__framework=framework)
    totals = {
        (row["priorityarea_id"], row["participationrecord__stage"]): row
        for row in links.values("priorityarea_id", "participationrecord__stage")
        .annotate(
            records=Count("pk"),
            highest_level=Max("participationrecord__level"),
            reached_influence=Count("pk", filter=reached_influence_q("participationrecord__")),
        )
        .order_by()
    }
    rows = []
    for area in areas:
        row = CoverageRow(priority_area=area)
        for stage in Stage:
            found = totals.get((area.pk, stage.value), {})
            row.cells.append(
                CoverageCell(
                    stage=stage.value,
                    stage_label=stage.label,
                    records=found.get("records", 0),
                    highest_level=found.get("highest_level"),
                    reached_influence=found.get("reached_influence", 0),
                )
            )
        rows.append(row)
    return rows


QuestionAndAnswer = tuple[VoiceQuestion, VoiceAnswer | None]


def voice_questions_for(*, activity: CommissioningActivity) -> list[QuestionAndAnswer]:
    """The active questions of the activity's current stage, each with its answer this cycle."""
    questions = VoiceQuestion.objects.filter(stage=activity.stage, is_active=True).prefetch_related(
        Prefetch(
            "answers",
            queryset=VoiceAnswer.objects.filter(
                activity=activity, cycle_number=activity.cycle_number
            ).select_related("answered_by"),
            to_attr="this_cycle",
        )
    )
    return [(question, next(iter(question.this_cycle), None)) for question in questions]


def unanswered_voice_questions(activity: CommissioningActivity) -> list[VoiceQuestion]:
    """The current stage's questions not yet answered for the activity in its current cycle."""
    answered = VoiceAnswer.objects.filter(
        activity=activity, cycle_number=activity.cycle_number
    ).values("question_id")
    return list(
        VoiceQuestion.objects.filter(stage=activity.stage, is_active=True).exclude(pk__in=answered)
    )
