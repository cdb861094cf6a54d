"""What the public pages read: explicit rows (dicts with fixed keys), so that nothing of a
record but what the row names can reach a page, and a test can list every field each carries."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, QuerySet, Subquery

from core.models import Partnership
from participation.models import ParticipationRecord
from participation.publication import public_row
from priorities.models import RAG, Framework, PriorityArea
from reporting.models import TermlyReport

ENTRIES_PER_PAGE = 20
# The keys of a priority's row on the public priorities page.
PRIORITY_ROW_KEYS = ("framework", "title", "aim", "objectives", "reported")
# The keys of `reported`: the plan as the latest submitted termly report showed it.
REPORTED_KEYS = ("term", "actions", "rag_mix")
RAG_WORDS = (
    ("green", f"{RAG.GREEN.label}: on track"),
    ("amber", f"{RAG.AMBER.label}: some problems"),
    ("red", f"{RAG.RED.label}: off track"),
    ("none", "No update yet"),
)


def _published_links(partnership: Partnership) -> QuerySet:
    # One row per (published record, priority): a record that informed two priorities is told
    # under each. Both sides belong to the partnership.
    return (
        ParticipationRecord.priority_areas.through.objects.filter(
            participationrecord__partnership=partnership,
            participationrecord__published_at__isnull=False,
            priorityarea__framework__partnership=partnership,
        )
        .select_related("participationrecord", "priorityarea")
        .prefetch_related("participationrecord__you_said_items", "participationrecord__quotes")
        .order_by(
            "priorityarea__framework__title",
            "priorityarea__order",
            "priorityarea_id",
            "-participationrecord__date",
            "-participationrecord_id",
        )
    )


def you_said_we_did_page(partnership: Partnership, page_number: str | None) -> tuple[Page, list]:
    """A page of the partnership's published records, grouped by priority, newest first:
    the page, and its groups as [{"priority": title, "rows": [public rows]}]."""
    page = Paginator(_published_links(partnership), ENTRIES_PER_PAGE).get_page(page_number)
    smallest = partnership.smallest_public_group
    groups: list[dict[str, Any]] = []
    for link in page.object_list:
        title = link.priorityarea.title
        if not groups or groups[-1]["priority"] != title:
            groups.append({"priority": title, "rows": []})
        groups[-1]["rows"].append(public_row(link.participationrecord, smallest_group=smallest))
    return page, groups


def _rag_mix(by_rag: dict[str, int]) -> list[dict[str, Any]]:
    return [{"label": words, "count": by_rag.get(key, 0)} for key, words in RAG_WORDS]


def public_priorities(partnership: Partnership) -> list[dict[str, Any]]:
    """Each priority of the partnership's approved frameworks: its aim and objectives, and its
    plan's RAG mix as its latest submitted termly report froze it (never the live plan).

    Three queries: the priorities, their objectives, and the reports' frozen figures.
    """
    latest_submitted = (
        TermlyReport.objects.filter(priority_area=OuterRef("pk"))
        .exclude(status=TermlyReport.Status.DRAFT)
        .order_by("-term__start_date", "-edition")
        .values("pk")[:1]
    )
    areas = list(
        PriorityArea.objects.filter(
            framework__partnership=partnership, framework__status=Framework.Status.APPROVED
        )
        .select_related("framework")
        .prefetch_related("objectives")
        .annotate(report_id=Subquery(latest_submitted))
        .order_by("framework__title", "order", "pk")
    )
    frozen = {
        row["pk"]: row
        for row in TermlyReport.objects.filter(
            pk__in=[area.report_id for area in areas if area.report_id]
        ).values("pk", "snapshot__term__label", "snapshot__actions__by_rag")
    }
    rows = []
    for area in areas:
        report = frozen.get(area.report_id)
        by_rag = (report or {}).get("snapshot__actions__by_rag") or {}
        rows.append(
            {
                "framework": str(area.framework),
                "title": area.title,
                "aim": area.aim,
                "objectives": [objective.text for objective in area.objectives.all()],
                "reported": None
                if report is None
                else {
                    "term": report["snapshot__term__label"],
                    "actions": sum(by_rag.values()),
                    "rag_mix": _rag_mix(by_rag),
                },
            }
        )
    return rows
