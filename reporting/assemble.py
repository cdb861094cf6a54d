"""Assemble a priority's termly report as plain JSON-serialisable data.

Each section is built by a small function registered in REPORT_SECTIONS and drawn by its own
partial template (`reporting/reports/_section_<name>.html`). A draft is assembled live on
every view; submission stores the result as the report's snapshot, and from then on the page
renders the snapshot only. Every section costs a fixed number of queries, however much data
the priority has.
"""

import datetime
import heapq
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone

from governance.models import Decision
from priorities import judgement
from priorities.models import (
    RAG,
    Action,
    Comparator,
    ComparatorValue,
    Indicator,
    IndicatorValue,
    PriorityArea,
    ProgressUpdate,
)
from reporting import section_cache
from reporting.models import Term, TermlyReport
from reporting.partnership_sections import commissioning_section, participation_section
from reporting.scope import ReportScope

# Bump when the shape of the assembled data changes, so old snapshots can be told apart.
# 2: an indicator's comparators are named series (`comparators`, `latest.comparisons`, each
# point's `comparator_values`); schema 1 had one `comparator_value` per point.
# 3: the participation section counts the records reaching Lundy's Influence
# (`reached_influence`, and `by_stage`); earlier snapshots show the section without them.
SCHEMA_VERSION = 3
# How many of an indicator's latest values the trend chart shows.
TREND_POINTS = 8
DIRECTIONS = judgement.DIRECTIONS
# The fields of a report the commissioner writes.
WORD_FIELDS = ("overall_rag", "highlights", "risks_and_issues", "asks_of_board")


def words_of(report: TermlyReport) -> dict[str, str]:
    """The commissioner's own words on a report, with the overall RAG's label."""
    words = {field: getattr(report, field) for field in WORD_FIELDS}
    words["overall_rag_label"] = report.get_overall_rag_display() if report.overall_rag else ""
    return words


def _figure(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _rag_label(rag: str) -> str:
    return RAG(rag).label if rag else "No update yet"


# The exceptions in order of urgency: red, then amber, then the rest (overdue and green or not
# yet rated); within each, the overdue first, then by due date. A report's page lists the
# first EXCEPTIONS_SHOWN (report_display.py); the content keeps them all.
_SEVERITY = {RAG.RED: 0, RAG.AMBER: 1}
EXCEPTIONS_SHOWN = 50


def exception_urgency(row: dict[str, Any]) -> tuple:
    """The sort key of an exception row (assembled now or kept in an older snapshot)."""
    return (_SEVERITY.get(row["rag"], 2), not row["overdue"], row["due"], row["id"])


def most_urgent(rows: list[dict[str, Any]], count: int = EXCEPTIONS_SHOWN) -> list[dict]:
    """The `count` most urgent exception rows, most urgent first (a snapshot assembled before
    this order was kept is put in it too)."""
    return heapq.nsmallest(count, rows, key=exception_urgency)


def actions_section(scope: ReportScope) -> dict[str, Any]:
    """Counts by RAG and status, RAG changes since last term, completions, overdue, and the
    exceptions (red, amber and overdue actions) by urgency, each owner by `owner_id`: the
    section as it is cached; assemble_report adds the owners' names (with_owner_names)."""
    # Rows, not model instances: a priority may have thousands of actions.
    actions = (
        Action.objects.filter(priority_area=scope.priority_area)
        .order_by("due_date", "pk")
        .values_list("pk", "title", "owner_id", "due_date", "status")
    )
    # One query for every update up to the report's day, newest first per action; the RAG at
    # the end of each term is the first update of an action on or before that term's end.
    updates = (
        ProgressUpdate.objects.filter(
            action__priority_area=scope.priority_area, date__lte=scope.as_of
        )
        .order_by("action_id", "-date", "-created_at", "-pk")
        .values_list("action_id", "date", "rag", "narrative")
    )
    previous_end = scope.previous_term.end_date if scope.previous_term else None
    latest: dict[int, tuple] = {}
    at_previous_end: dict[int, tuple] = {}
    for update in updates:
        action_id, date = update[0], update[1]
        latest.setdefault(action_id, update)
        if previous_end and date <= previous_end:
            at_previous_end.setdefault(action_id, update)

    status_labels = dict(Action.Status.choices)
    closed = set(Action.CLOSED_STATUSES)
    by_rag = {"red": 0, "amber": 0, "green": 0, "none": 0}
    by_status = dict.fromkeys(Action.Status.values, 0)
    changed, completed, exceptions = [], [], []
    overdue_count = 0
    for pk, title, owner_id, due_date, status in actions:
        now = latest.get(pk)
        rag = now[2] if now else ""
        by_rag[rag or "none"] += 1
        by_status[status] += 1
        before = at_previous_end.get(pk)
        if now and before and before[2] != rag:
            changed.append(
                {
                    "id": pk,
                    "title": title,
                    "from": before[2],
                    "from_label": _rag_label(before[2]),
                    "to": rag,
                    "to_label": _rag_label(rag),
                }
            )
        # Actions keep no completion date: one completed this term had its last update in it.
        if status == Action.Status.COMPLETE and now and scope.term.contains(now[1]):
            completed.append({"id": pk, "title": title, "on": now[1].isoformat()})
        overdue = status not in closed and due_date < scope.as_of
        overdue_count += int(overdue)
        if overdue or rag in (RAG.RED, RAG.AMBER):
            exceptions.append(
                {
                    "id": pk,
                    "title": title,
                    "owner_id": owner_id,
                    "due": due_date.isoformat(),
                    "status": status_labels[status],
                    "rag": rag,
                    "rag_label": _rag_label(rag),
                    "overdue": overdue,
                    "narrative": now[3] if now else "",
                    "narrative_on": now[1].isoformat() if now else None,
                }
            )
    exceptions.sort(key=exception_urgency)
    return {
        "total": sum(by_status.values()),
        "by_rag": by_rag,
        "by_status": [
            {"status": status, "label": label, "count": by_status[status]}
            for status, label in Action.Status.choices
        ],
        "changed_rag": changed,
        "completed": completed,
        "overdue_count": overdue_count,
        "exceptions": exceptions,
    }


def most_urgent_only(section: dict[str, Any], count: int) -> dict[str, Any]:
    """The actions section with only its `count` most urgent exceptions (actions_section keeps
    them in that order) and `exception_count`, the number of all of them: what a report's page
    shows, a fraction of a large plan's exceptions to read from the cache and name owners of."""
    exceptions = section["exceptions"]
    return {**section, "exceptions": exceptions[:count], "exception_count": len(exceptions)}


def with_owner_names(content: dict[str, Any]) -> dict[str, Any]:
    """The report's content with the people who own its exceptions and decisions named, read now
    (a name may change without any action or decision changing): one query for the few people
    who own them, none when no person does."""
    rows = [*content["actions"]["exceptions"]]
    rows += [row for row in content.get("decisions", ()) if row.get("owner_id")]
    if not rows:
        return content
    people = get_user_model().objects.filter(pk__in={row["owner_id"] for row in rows})
    people = people.only("pk", "first_name", "last_name", "username")
    names = {person.pk: person.get_full_name() or person.get_username() for person in people}
    for row in rows:
        row["owner"] = names[row["owner_id"]]
    return content


# The latest value's story behind the curve, and its note, as the report shows them.
STORY_KEYS = ("story_drivers", "story_partners", "story_what_works", "note")


def _story(latest: IndicatorValue | None) -> dict[str, str]:
    return {key: getattr(latest, key) if latest else "" for key in STORY_KEYS}


def _comparator_series(
    comparators: list[Comparator], values: list[ComparatorValue]
) -> list[dict[str, Any]]:
    """Each comparator in use with its latest values (oldest first), even one with none."""
    by_comparator: dict[int, list[ComparatorValue]] = {}
    for value in values:  # newest first
        by_comparator.setdefault(value.comparator_id, []).append(value)
    return [
        {
            "id": comparator.pk,
            "name": comparator.name,
            "kind": comparator.kind,
            "series": [
                {
                    "period": value.period_label,
                    "period_end": value.period_end.isoformat(),
                    "value": _figure(value.value),
                }
                for value in reversed(by_comparator.get(comparator.pk, [])[:TREND_POINTS])
            ],
        }
        for comparator in comparators
    ]


def indicators_section(scope: ReportScope) -> list[dict[str, Any]]:
    """Each indicator's latest value against target and each comparator (RAG by polarity),
    direction of travel, and trend with the comparators' series."""
    end = scope.term.end_date
    values = IndicatorValue.objects.filter(period_end__lte=end).order_by("-period_end", "-pk")
    comparator_values = ComparatorValue.objects.filter(
        period_end__lte=end, comparator__is_active=True
    ).order_by("-period_end", "-pk")
    indicators = Indicator.objects.filter(priority_area=scope.priority_area).prefetch_related(
        Prefetch("values", queryset=values),
        Prefetch("comparator_values", queryset=comparator_values),
    )
    comparators = list(
        Comparator.objects.filter(
            partnership__frameworks__priority_areas=scope.priority_area, is_active=True
        )
    )
    rows = []
    for indicator in indicators:
        known = list(indicator.values.all())
        latest = known[0] if known else None
        previous = known[1] if len(known) > 1 else None
        polarity = indicator.polarity
        series = list(reversed(known[:TREND_POINTS]))
        held = list(indicator.comparator_values.all())
        # A comparator's value of a period, for the latest value and the table's rows.
        of_period = {(value.comparator_id, value.period_label): value.value for value in held}
        rows.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.get_unit_display(),
                "polarity": indicator.get_polarity_display(),
                "target": _figure(indicator.target),
                "latest": None
                if latest is None
                else {
                    "period": latest.period_label,
                    "period_end": latest.period_end.isoformat(),
                    "value": _figure(latest.value),
                    "comparisons": [
                        _comparison(
                            comparator,
                            polarity,
                            latest.value,
                            of_period.get((comparator.pk, latest.period_label)),
                        )
                        for comparator in comparators
                    ],
                },
                "against_target": judgement.compare(
                    polarity, latest.value if latest else None, indicator.target
                ),
                "target_rag": judgement.rag(
                    polarity, latest.value if latest else None, indicator.target
                ),
                "direction": judgement.direction(
                    polarity, latest.value if latest else None, previous.value if previous else None
                ),
                **_story(latest),
                "series": [
                    {
                        "period": value.period_label,
                        "period_end": value.period_end.isoformat(),
                        "value": _figure(value.value),
                        # In the order of "comparators", for the table of the values charted.
                        "comparator_values": [
                            _figure(of_period.get((comparator.pk, value.period_label)))
                            for comparator in comparators
                        ],
                    }
                    for value in series
                ],
                "comparators": _comparator_series(comparators, held),
            }
        )
    return rows


def _comparison(
    comparator: Comparator, polarity: str, value: Decimal, reference: Decimal | None
) -> dict[str, Any]:
    """The latest value against one comparator's value of the same period."""
    return {
        **judgement.comparison(polarity, value, comparator.name, _figure(reference)),
        "kind": comparator.kind,
    }


def decisions_section(scope: ReportScope) -> list[dict[str, Any]]:
    """Decisions of the boards about this priority or its reports, up to the end of the term."""
    # Content types by name in the query, not from ContentType's cache, so the count of
    # queries does not depend on what the process has looked up before.
    reports = TermlyReport.objects.filter(priority_area=scope.priority_area).values("pk")
    decisions = (
        Decision.objects.filter(
            Q(
                concerns_type__app_label="priorities",
                concerns_type__model="priorityarea",
                concerns_id=scope.priority_area.pk,
            )
            | Q(
                concerns_type__app_label="reporting",
                concerns_type__model="termlyreport",
                concerns_id__in=reports,
            ),
            meeting__starts_at__date__lte=scope.term.end_date,
        )
        .select_related("meeting__board", "owner_organisation")
        .order_by("-meeting__starts_at", "pk")
    )
    return [
        {
            "id": decision.pk,
            "text": decision.text,
            "board": decision.meeting.board.name,
            "meeting_on": timezone.localtime(decision.meeting.starts_at).date().isoformat(),
            # A person who owns it is named when the report is read (with_owner_names).
            "owner_id": decision.owner_user_id,
            "owner": "" if decision.owner_user_id else decision.owner_name,
            "due": decision.due_date.isoformat() if decision.due_date else None,
            "status": decision.get_status_display(),
        }
        for decision in decisions
    ]


# (name, builder): the order of the sections on the page and in the board pack.
REPORT_SECTIONS: list[tuple[str, Callable[[ReportScope], Any]]] = [
    ("actions", actions_section),
    ("indicators", indicators_section),
    ("participation", participation_section),
    ("commissioning", commissioning_section),
    ("decisions", decisions_section),
]


# Each part of a report's page a board member may challenge, in page order: the words first.
SECTION_TITLES = {
    "words": "The commissioner's view",
    "actions": "Actions",
    "indicators": "Indicators",
    "participation": "Participation this term",
    "commissioning": "Commissioning",
    "decisions": "Decisions of the board about this priority",
}


def challenge_subjects(content: dict[str, Any]) -> dict[str, str]:
    """What on a report may be challenged: the anchor on its page of each section, exception
    and indicator, with the words that name it, in page order ("" is the report as a whole)."""
    priority = content["priority"]["id"]
    subjects = {"": "The report as a whole"}
    for name, title in SECTION_TITLES.items():
        if name == "words" or name in content:
            subjects[f"section-{name}-{priority}"] = f"The section “{title}”"
        if name == "actions" and name in content:
            # The exceptions the page lists, each with its "Challenge this".
            for row in most_urgent(content["actions"]["exceptions"]):
                subjects[f"exception-{row['id']}"] = row["title"]
        if name == "indicators" and name in content:
            for row in content["indicators"]:
                subjects[f"indicator-{row['id']}"] = f"Indicator: {row['name']}"
    return subjects


def assemble_report(
    priority_area: PriorityArea,
    term: Term,
    *,
    today: datetime.date | None = None,
    cached: bool = False,
    exceptions_shown: int | None = None,
) -> dict[str, Any]:
    """The report's content for a priority and a term, from the data as it is now; `cached`:
    sections whose data has not changed may come from the cache (section_cache.py). With
    `exceptions_shown`, the actions section keeps only that many of the most urgent exceptions,
    with the count of all (a page); without, every one (a snapshot, the board pack's plan)."""
    today = today or timezone.localdate()
    scope = ReportScope(
        priority_area=priority_area,
        term=term,
        previous_term=term.previous(),
        as_of=min(today, term.end_date),
        cached=cached,
    )
    content: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "assembled_on": today.isoformat(),
        "as_of": scope.as_of.isoformat(),
        "priority": {
            "id": priority_area.pk,
            "title": priority_area.title,
            "aim": priority_area.aim,
            "framework": str(priority_area.framework),
        },
        "term": {
            "id": term.pk,
            "label": str(term),
            "start": term.start_date.isoformat(),
            "end": term.end_date.isoformat(),
            "previous": str(scope.previous_term) if scope.previous_term else None,
        },
    }
    for name, build in REPORT_SECTIONS:
        if name == "actions" and exceptions_shown is not None:
            content[name] = section_cache.cached_section(
                scope,
                name,
                lambda scope: most_urgent_only(actions_section(scope), exceptions_shown),
                variant=f"most-urgent-{exceptions_shown}",
            )
        else:
            content[name] = section_cache.cached_section(scope, name, build)
    return with_owner_names(content)
