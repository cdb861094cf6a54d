"""The charts of the dashboards: on the home page (each priority's RAG mix, actions overdue at
the end of each term), the framework page (priorities by term, by the reports' overall RAG)
and the priority page (its actions' RAG mix over the terms). core.charts draws them; this
module reads the figures, a fixed number of queries whatever the data.
"""

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from core import charts, roles
from core.cache_versions import versioned_key
from core.partnerships import scope
from priorities import selectors as priorities_selectors
from priorities.models import RAG, Action, Framework, PriorityArea
from reporting.models import Term, TermlyReport
from reporting.terms import FIRST_ACADEMIC_YEAR, TERMS_VERSION, add_missing_terms

# How many terms the charts look back over, the current one included.
TERMS_SHOWN = 6
# A day: the key names the day as well, so this only lets yesterday's entries expire.
LAST_TERMS_KEPT_SECONDS = 24 * 60 * 60
# Short, so the legend keeps it whole; the alt text then reads "4 none", as the counts did.
NO_RAG = "None"
RAG_SEGMENTS = (("Red", RAG.RED), ("Amber", RAG.AMBER), ("Green", RAG.GREEN), (NO_RAG, ""))


def last_terms(today: datetime.date, count: int = TERMS_SHOWN) -> list[Term]:
    """The current term and the ones before it, oldest first; up to `count` of them. Kept in
    the cache for the day, until a term is saved, deleted or added (TERMS_VERSION): four
    statements on every page with term charts, for a table that changes a few times a year."""
    key = _last_terms_key(today, count)
    terms = cache.get(key)
    if terms is None:
        terms = _read_last_terms(today, count)
        if (now := _last_terms_key(today, count)) != key:
            # The reading added a year's terms (or a term changed meanwhile), which moved the
            # version on: read them again, so that what is kept is what the new version names.
            key, terms = now, _read_last_terms(today, count)
        cache.set(key, terms, timeout=LAST_TERMS_KEPT_SECONDS)
    return terms


def _last_terms_key(today: datetime.date, count: int) -> str:
    return versioned_key("last-terms", TERMS_VERSION, extra=[today.isoformat(), count])


def _read_last_terms(today: datetime.date, count: int) -> list[Term]:
    current = Term.objects.current(today)
    if current is None:
        return []
    # Six terms reach back two academic years: make sure they exist, as Term.previous() does.
    for year in (current.academic_year - 1, current.academic_year - 2):
        if year >= FIRST_ACADEMIC_YEAR:
            add_missing_terms(Term, year)
    terms = Term.objects.filter(start_date__lte=current.start_date).order_by("-start_date")
    return list(reversed(terms[:count]))


def term_label(term: Term) -> str:
    """ "Autumn 2026/27": short enough for a chart's axis."""
    return f"{term.get_season_display()} {term.academic_year_label}"


def _latest_reports(areas: Iterable[int], terms: Sequence[Term], *fields: str) -> dict:
    """{(priority id, term id): values of the latest submitted version of its report}."""
    reports = (
        TermlyReport.objects.filter(priority_area__in=list(areas), term__in=list(terms))
        .exclude(status=TermlyReport.Status.DRAFT)
        .values("priority_area_id", "term_id", "edition", *fields)
    )
    latest: dict[tuple[int, int], dict] = {}
    for report in reports:
        key = (report["priority_area_id"], report["term_id"])
        if key not in latest or report["edition"] > latest[key]["edition"]:
            latest[key] = report
    return latest


# The home page --------------------------------------------------------------------------------


def home_priorities(*, user, led: Sequence[PriorityArea] | None) -> list[PriorityArea]:
    """The priorities a person's home charts are about: those a commissioner leads; for a board
    member or administrator, those of the boards they sit on, or else all of the partnership."""
    if led:
        return list(led)
    if not (roles.is_board_member(user) or roles.is_administrator(user)):
        return []
    areas = list(scope(priorities_selectors.priorities_of_boards_of(user=user), user))
    if not areas:
        areas = list(scope(priorities_selectors.with_rag_mix(PriorityArea.objects.all()), user))
    return areas


def rag_mix_chart(areas: Sequence[PriorityArea]) -> charts.Chart | None:
    """Each priority's actions by latest RAG, as stacked bars; from the selectors' counts."""
    if not areas:
        return None
    counts = {
        RAG.RED: [area.red_count for area in areas],
        RAG.AMBER: [area.amber_count for area in areas],
        RAG.GREEN: [area.green_count for area in areas],
        "": [area.unrated_count for area in areas],
    }
    return charts.rag_stacked_bars(
        title="Actions of each priority by their latest RAG",
        categories=[area.title for area in areas],
        segments=[charts.Segment(name, rag, counts[rag]) for name, rag in RAG_SEGMENTS],
    )


def overdue_by_term(
    areas: Sequence[PriorityArea], terms: Sequence[Term], today: datetime.date
) -> list[tuple[Term, datetime.date, int]]:
    """(term, the day counted at, how many actions were overdue then) for each term: due before
    the term's end and not closed by then; for the current term, as of today.

    Actions keep no completion date: a closed action closed on its last progress update, or
    without one on its last change (as reporting.assemble reads it).
    """
    actions = (
        Action.objects.filter(priority_area__in=[area.pk for area in areas])
        .values("pk", "due_date", "status", "updated_at")
        .annotate(last_update=Max("progress_updates__date"))
    )
    closed_on = []
    for action in actions:
        closed = None
        if action["status"] in Action.CLOSED_STATUSES:
            closed = action["last_update"] or timezone.localdate(action["updated_at"])
        closed_on.append((action["due_date"], closed))
    rows = []
    for term in terms:
        day = min(term.end_date, today)
        overdue = sum(
            1 for due, closed in closed_on if due < day and (closed is None or closed > day)
        )
        rows.append((term, day, overdue))
    return rows


def overdue_trend_chart(
    areas: Sequence[PriorityArea], terms: Sequence[Term], today: datetime.date
) -> charts.Chart | None:
    if not areas or not terms:
        return None
    points = [
        charts.Point(
            when=day,
            value=count,
            label=term_label(term) + (" (to today)" if day == today else ""),
        )
        for term, day, count in overdue_by_term(areas, terms, today)
    ]
    return charts.trend_chart(
        title="Actions overdue at the end of each term",
        series=[charts.Series("Overdue actions", points)],
        unit="Actions",
        integer=True,
    )


def home_charts(*, user, led: Sequence[PriorityArea] | None, today: datetime.date) -> dict:
    """The home page's two charts for this person (None where there is nothing to draw)."""
    areas = home_priorities(user=user, led=led)
    terms = last_terms(today) if areas else []
    return {
        "chart_priorities": areas,
        "rag_mix_chart": rag_mix_chart(areas),
        "overdue_trend_chart": overdue_trend_chart(areas, terms, today),
    }


# The framework page ---------------------------------------------------------------------------


def framework_charts(
    *, framework: Framework, priority_areas: Sequence[PriorityArea], today=None
) -> dict[str, Any]:
    """The heat map of the framework's priorities by term, from each term's submitted report's
    overall RAG; None with no report in those terms."""
    today = today or timezone.localdate()
    terms = last_terms(today)
    latest = _latest_reports((area.pk for area in priority_areas), terms, "overall_rag")
    heat_map = None
    if latest:
        heat_map = charts.rag_heat_map(
            title=f"Overall RAG of each priority's termly report, last {len(terms)} terms",
            rows=[area.title for area in priority_areas],
            columns=[term_label(term) for term in terms],
            cells=[
                [latest.get((area.pk, term.pk), {}).get("overall_rag", "") for term in terms]
                for area in priority_areas
            ],
        )
    return {"heat_map": heat_map, "terms": terms}


# The priority page ----------------------------------------------------------------------------


def priority_charts(*, priority_area: PriorityArea, today=None) -> dict[str, Any]:
    """The priority's actions by RAG in each of the last terms, from each term's submitted report
    (what it showed when submitted); the current term from the live plan, "now"."""
    today = today or timezone.localdate()
    terms = last_terms(today)
    if not terms:
        return {"rag_mix_chart": None, "reported": False}
    past, current = terms[:-1], terms[-1]
    latest = _latest_reports([priority_area.pk], past, "snapshot__actions__by_rag")
    live = dict(
        Action.objects.filter(priority_area=priority_area)
        .values_list("latest_rag")
        .annotate(count=Count("pk"))
        .order_by()
    )
    categories, by_rag = [], {rag: [] for _, rag in RAG_SEGMENTS}
    for term in past:
        report = latest.get((priority_area.pk, term.pk))
        counts = (report or {}).get("snapshot__actions__by_rag") or {}
        categories.append(term_label(term) + ("" if report else " (no report)"))
        for _, rag in RAG_SEGMENTS:
            by_rag[rag].append(int(counts.get(rag or "none", 0)))
    categories.append(f"{term_label(current)} (now)")
    for _, rag in RAG_SEGMENTS:
        by_rag[rag].append(live.get(rag, 0))
    chart = charts.rag_stacked_bars(
        title=f"Actions of {priority_area.title} by RAG, last {len(terms)} terms",
        categories=categories,
        segments=[charts.Segment(name, rag, by_rag[rag]) for name, rag in RAG_SEGMENTS],
    )
    return {"rag_mix_chart": chart, "reported": bool(latest)}
