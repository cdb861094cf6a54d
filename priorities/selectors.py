"""Reads of the priorities app, each with the joins and prefetches that fix its query count."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from governance.selectors import current_memberships
from priorities.models import (
    RAG,
    Action,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
)


def action_list(*, with_leads: bool = False) -> QuerySet[Action]:
    """Actions with what a list row shows: priority, framework, owner, organisation, overdue;
    `with_leads` adds their priorities' leads, so `can_edit_action` costs one query in all."""
    actions = Action.objects.select_related(
        "priority_area__framework__partnership", "owner", "lead_organisation", "objective"
    ).with_overdue()
    if with_leads:
        actions = actions.prefetch_related("priority_area__lead_commissioners")
    return actions


# What a row of the action list shows and its edit check reads (priorities/_action_table.html,
# core.roles.can_edit_action): the rest of six tables' columns (an action's description, a
# user's password hash) cost a millisecond a page to fetch and load (issue 23).
ACTION_ROW_FIELDS = (
    "title",
    "stage",
    "status",
    "due_date",
    "latest_rag",
    "latest_percent",
    "objective_id",
    "owner__first_name",
    "owner__last_name",
    "owner__username",
    "lead_organisation__short_name",
    "priority_area__title",
    "priority_area__framework__partnership__short_name",
)


def action_rows(*, with_leads: bool = False) -> QuerySet[Action]:
    """`action_list`, loading only what a row of the list shows (ACTION_ROW_FIELDS), for pages
    that only show them."""
    return action_list(with_leads=with_leads).only(*ACTION_ROW_FIELDS)


def my_actions(*, user: AbstractBaseUser) -> QuerySet[Action]:
    """The actions a user owns, overdue first, then by due date."""
    return (
        action_list()
        .filter(owner=user)
        .annotate(
            late_first=Case(
                When(Action.overdue_q(), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("late_first", "due_date", "pk")
    )


def action_detail() -> QuerySet[Action]:
    """An action with its priority's leads (for the edit check) and its update timeline."""
    return Action.objects.select_related(
        "priority_area__framework__partnership", "owner", "lead_organisation", "objective"
    ).prefetch_related(
        "priority_area__lead_commissioners",
        Prefetch(
            "progress_updates",
            queryset=ProgressUpdate.objects.select_related("author"),
        ),
    )


def indicator_comparator_values() -> Prefetch:
    """An indicator's comparators' values with their comparators, for
    `Indicator.latest_comparisons` (the comparators in use only)."""
    return Prefetch(
        "comparator_values",
        queryset=ComparatorValue.objects.filter(comparator__is_active=True).select_related(
            "comparator"
        ),
    )


def _indicators_with_values() -> Prefetch:
    # Values come newest first (IndicatorValue.Meta.ordering), so the first is the latest.
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.prefetch_related(
            Prefetch("values", queryset=IndicatorValue.objects.order_by("-period_end", "-pk")),
            indicator_comparator_values(),
        ),
    )


def _rag_mix() -> dict:
    today = timezone.localdate()
    return {
        "action_count": Count("actions", distinct=True),
        "red_count": Count("actions", filter=Q(actions__latest_rag=RAG.RED), distinct=True),
        "amber_count": Count("actions", filter=Q(actions__latest_rag=RAG.AMBER), distinct=True),
        "green_count": Count("actions", filter=Q(actions__latest_rag=RAG.GREEN), distinct=True),
        "unrated_count": Count("actions", filter=Q(actions__latest_rag=""), distinct=True),
        "overdue_count": Count(
            "actions",
            filter=Q(actions__due_date__lt=today) & ~Q(actions__status__in=Action.CLOSED_STATUSES),
            distinct=True,
        ),
    }


def framework_list() -> QuerySet[Framework]:
    """Frameworks with their owning board and how many priorities, actions and overdue."""
    today = timezone.localdate()
    return Framework.objects.select_related("owning_board", "partnership").annotate(
        priority_count=Count("priority_areas", distinct=True),
        action_count=Count("priority_areas__actions", distinct=True),
        overdue_count=Count(
            "priority_areas__actions",
            filter=Q(priority_areas__actions__due_date__lt=today)
            & ~Q(priority_areas__actions__status__in=Action.CLOSED_STATUSES),
            distinct=True,
        ),
    )


def framework_overview(*, framework: Framework) -> QuerySet[PriorityArea]:
    """A framework's priorities with their RAG mix, overdue count and indicators' values."""
    return (
        framework.priority_areas.select_related("lead_board")
        .annotate(**_rag_mix())
        .prefetch_related("lead_commissioners", _indicators_with_values())
        .order_by("order", "pk")
    )


def priorities_led_by(*, user) -> QuerySet[PriorityArea]:
    """The priorities a person leads, each with its actions' RAG mix and overdue count."""
    return (
        PriorityArea.objects.filter(lead_commissioners=user)
        .select_related("framework")
        .annotate(**_rag_mix())
        .order_by("framework__title", "order", "pk")
    )


def priorities_of_boards_of(*, user) -> QuerySet[PriorityArea]:
    """The priorities a board the person sits on today leads or owns (through its framework),
    each with its actions' RAG mix and overdue count."""
    boards = current_memberships().filter(user=user).values("board_id")
    return with_rag_mix(
        PriorityArea.objects.filter(
            Q(lead_board__in=boards) | Q(framework__owning_board__in=boards)
        )
    )


def with_rag_mix(priority_areas: QuerySet[PriorityArea]) -> QuerySet[PriorityArea]:
    """`priority_areas` with their actions' RAG mix and overdue count, in the framework's order."""
    return (
        priority_areas.select_related("framework")
        .annotate(**_rag_mix())
        .order_by("framework__title", "order", "pk")
    )


def priority_area_detail() -> QuerySet[PriorityArea]:
    """A priority with its objectives (each with its actions' RAG mix) and its indicators; its
    actions come a page at a time from `priority_area_actions`."""
    return PriorityArea.objects.select_related(
        "framework__partnership", "lead_board"
    ).prefetch_related(
        "lead_commissioners",
        Prefetch("objectives", queryset=Objective.objects.annotate(**_rag_mix())),
        _indicators_with_values(),
    )


def indicator_detail() -> QuerySet[Indicator]:
    """An indicator with its priority and partnership, its values newest first and the values of
    each comparator in use, comparator by comparator and oldest first."""
    return Indicator.objects.select_related(
        "priority_area__framework__partnership"
    ).prefetch_related(
        "priority_area__lead_commissioners",
        Prefetch("values", queryset=IndicatorValue.objects.order_by("-period_end", "-pk")),
        Prefetch(
            "comparator_values",
            queryset=ComparatorValue.objects.filter(comparator__is_active=True)
            .select_related("comparator")
            .order_by("comparator__order", "comparator__name", "comparator_id", "period_end"),
        ),
    )


def priority_area_actions(*, priority_area: PriorityArea) -> QuerySet[Action]:
    """A priority's whole action plan in plan order, for its page and its export: each
    objective's actions together, then those for the priority as a whole, each by due date."""
    return (
        action_list()
        .filter(priority_area=priority_area)
        .order_by(F("objective__order").asc(nulls_last=True), "objective_id", "due_date", "pk")
    )


# The changes of an action that its page's timeline shows beside the progress updates.
TIMELINE_FIELDS = ("status", "owner", "due_date")


@dataclass
class TimelineEntry:
    """One line of an action's timeline: a progress update, or a change of its status, owner or
    due date (`changes`, each a sentence), with who made it and when."""

    when: datetime.datetime | datetime.date
    who: str
    sort_key: tuple
    update: ProgressUpdate | None = None
    changes: list[str] = field(default_factory=list)
    note: str = ""


def _person(user) -> str:
    if user is None:
        return "The system"
    return user.get_full_name() or user.get_username()


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _changes_between(older, newer) -> list[str]:
    """The sentences saying how `newer` (a historical record) differs from `older`."""
    changes = []
    if older.status != newer.status:
        labels = dict(Action.Status.choices)
        changes.append(
            f"Status changed from {labels.get(older.status, older.status)} to "
            f"{labels.get(newer.status, newer.status)}"
        )
    if older.owner_id != newer.owner_id:
        changes.append(f"Owner changed from {_person(older.owner)} to {_person(newer.owner)}")
    if older.due_date != newer.due_date:
        changes.append(
            f"Due date changed from {_long_date(older.due_date)} to {_long_date(newer.due_date)}"
        )
    return changes


def action_timeline(*, action: Action) -> list[TimelineEntry]:
    """An action's progress updates (read through `action_detail`'s prefetch) and the changes
    of its status, owner and due date (from its history, in one query), newest first."""
    entries = [
        TimelineEntry(
            when=update.date,
            who=_person(update.author),
            sort_key=(update.date, update.created_at),
            update=update,
        )
        for update in action.progress_updates.all()
    ]
    records = list(
        action.history.select_related("history_user", "owner").order_by(
            "history_date", "history_id"
        )
    )
    for older, newer in zip(records, records[1:], strict=False):
        changes = _changes_between(older, newer)
        if not changes:
            continue
        cancelled = newer.status == Action.Status.CANCELLED != older.status
        entries.append(
            TimelineEntry(
                when=newer.history_date,
                who=_person(newer.history_user),
                sort_key=(timezone.localdate(newer.history_date), newer.history_date),
                changes=changes,
                note=newer.cancellation_reason if cancelled else "",
            )
        )
    return sorted(entries, key=lambda entry: entry.sort_key, reverse=True)
