"""Reads of the termly reports, each with the joins that fix its query count."""

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from commissioning import selectors as commissioning_selectors
from commissioning.models import Contract
from core import roles
from core.partnerships import scope
from governance import selectors as governance_selectors
from governance.models import Board, Decision
from participation.models import ParticipationRecord
from priorities import selectors as priorities_selectors
from priorities.models import Action, Framework, PriorityArea
from reporting import dashboards
from reporting.assemble import assemble_report, words_of
from reporting.models import ReportComment, Term, TermlyReport
from reporting.reminders import report_deadline

Status = TermlyReport.Status


def report_for_page() -> QuerySet[TermlyReport]:
    """A report with its priority, leads, term, meeting and challenges with their answers: only
    what its page shows, as each table joined more costs PostgreSQL's planner time."""
    return TermlyReport.objects.select_related(
        "priority_area__framework",
        "term",
        "submitted_by",
        "meeting__board",
        "agenda_item",
    ).prefetch_related(
        "priority_area__lead_commissioners",
        Prefetch(
            "comments", queryset=ReportComment.objects.select_related("author", "answered_by")
        ),
    )


def report_content(
    report: TermlyReport,
    *,
    today: datetime.date | None = None,
    exceptions_shown: int | None = None,
) -> dict[str, Any]:
    """What the report shows: its frozen snapshot once submitted, else assembled live (each
    section read afresh once what it reads has changed). A draft's page asks for only the
    `exceptions_shown` most urgent exceptions (assemble_report); a snapshot keeps them all."""
    if not report.is_draft:
        return report.snapshot
    content = assemble_report(
        report.priority_area,
        report.term,
        today=today,
        cached=True,
        exceptions_shown=exceptions_shown,
    )
    content["words"] = words_of(report)
    return content


def report_versions(report: TermlyReport) -> list[TermlyReport]:
    """Every version of a priority's report for a term, oldest first."""
    return list(
        TermlyReport.objects.filter(
            priority_area_id=report.priority_area_id, term_id=report.term_id
        ).order_by("edition")
    )


def decisions_on(report: TermlyReport) -> list[Decision]:
    """Decisions recorded about this report at its meeting (live, unlike the snapshot)."""
    return list(
        Decision.objects.filter(
            concerns_type__app_label="reporting",
            concerns_type__model="termlyreport",
            concerns_id=report.pk,
        ).select_related("meeting__board", "owner_user", "owner_organisation")
    )


def _latest_by_area(reports) -> dict[int, TermlyReport]:
    latest: dict[int, TermlyReport] = {}
    for report in reports:
        kept = latest.get(report.priority_area_id)
        if kept is None or report.edition > kept.edition:
            latest[report.priority_area_id] = report
    return latest


def term_report_rows(
    *, term: Term, user: AbstractBaseUser, framework: Framework | None = None
) -> list[dict[str, Any]]:
    """Each priority of the user's partnership (of a framework, or all) with its latest report
    for the term, if any."""
    areas = scope(PriorityArea.objects, user).select_related("framework")
    areas = areas.prefetch_related("lead_commissioners")
    if framework is not None:
        areas = areas.filter(framework=framework)
    areas = list(areas.order_by("framework__title", "order", "pk"))
    reports = TermlyReport.objects.filter(term=term, priority_area__in=[a.pk for a in areas])
    latest = _latest_by_area(reports)
    return [{"priority_area": area, "report": latest.get(area.pk)} for area in areas]


def dashboard(
    *,
    user: AbstractBaseUser,
    today: datetime.date | None = None,
    since: datetime.datetime | None = None,
) -> dict[str, Any]:
    """The home page's dashboards for this user's roles, for the current term; `since`, the
    user's previous sign-in, marks what is new or updated since."""
    today = today or timezone.localdate()
    term = Term.objects.current(today)
    data: dict[str, Any] = {"term": term}
    if roles.is_commissioner(user):
        data["assessments_due"] = contracts_due_assessment_for(user=user, today=today)
    if term is None:
        return data
    if roles.is_board_member(user):
        mine = ReportComment.objects.filter(report=OuterRef("pk"), author=user)
        reports = (
            scope(TermlyReport.objects, user)
            .filter(term=term)
            .exclude(status=Status.DRAFT)
            .select_related("priority_area__framework")
            .annotate(challenged_by_me=Exists(mine), **_changes_since(since, user=user))
        )
        latest = sorted(
            _latest_by_area(reports).values(),
            key=lambda r: (str(r.priority_area.framework), r.priority_area.order, r.pk),
        )
        for report in latest:
            report.since_last_visit = _since_last_visit(report, since)
        data["term_reports"] = latest
        data["to_review"] = [
            r for r in latest if not r.challenged_by_me or r.since_last_visit == UPDATED
        ]
    if roles.is_commissioner(user):
        data["overdue_actions"] = list(
            scope(priorities_selectors.my_actions(user=user), user).filter(Action.overdue_q(today))
        )
        areas = list(scope(priorities_selectors.priorities_led_by(user=user), user))
        latest = _latest_by_area(TermlyReport.objects.filter(term=term, priority_area__in=areas))
        data["my_priorities"] = _next_reports_due(areas, latest, term=term)
        data["feedback_owed"] = list(
            scope(ParticipationRecord.objects.feedback_owed(today), user)
            .filter(Q(priority_areas__lead_commissioners=user) | Q(created_by=user))
            .distinct()
            .order_by("date", "pk")
        )
        data["reports_to_write"] = [
            {"priority_area": area, "report": latest.get(area.pk)}
            for area in areas
            if latest.get(area.pk) is None or latest[area.pk].is_draft
        ]
    led = [row["priority_area"] for row in data.get("my_priorities", [])]
    data.update(dashboards.home_charts(user=user, led=led, today=today))
    return data


NEW = "new"
UPDATED = "updated"


def _changes_since(since: datetime.datetime | None, *, user: AbstractBaseUser) -> dict:
    """`discussed_since`: whether anyone else challenged the report, or anyone answered a
    challenge on it, after `since`; in the same query as the reports."""
    if since is None:
        return {}
    others = ReportComment.objects.filter(report=OuterRef("pk")).filter(
        (Q(created_at__gt=since) & ~Q(author=user)) | Q(answered_at__gt=since)
    )
    return {"discussed_since": Exists(others)}


def _since_last_visit(report: TermlyReport, since: datetime.datetime | None) -> str:
    """NEW if the report was submitted since the user's previous visit, UPDATED if it changed
    (presented, noted, challenged or answered) since, else ""; "" on a first visit."""
    if since is None:
        return ""
    if report.submitted_at and report.submitted_at > since:
        return NEW
    if report.updated_at > since or report.discussed_since:
        return UPDATED
    return ""


def _next_reports_due(
    areas: list[PriorityArea], latest: dict[int, TermlyReport], *, term: Term
) -> list[dict[str, Any]]:
    """Each priority with the next report it owes: this term's until it is submitted, then
    the next term's; each due by its term's last day. One query, for the next term."""
    following = Term.objects.filter(start_date__gt=term.end_date).order_by("start_date").first()
    rows = []
    for area in areas:
        report = latest.get(area.pk)
        submitted = report is not None and not report.is_draft
        due_term = following if submitted else term
        rows.append(
            {
                "priority_area": area,
                "report": report,
                "submitted": submitted,
                "due_term": due_term,
                "due_on": report_deadline(due_term) if due_term else None,
            }
        )
    return rows


def contracts_due_assessment_for(
    *, user: AbstractBaseUser, today: datetime.date | None = None
) -> list[Contract]:
    """Contracts due a performance assessment that the user manages or whose priority they
    lead."""
    theirs = (
        scope(Contract.objects, user, shared=False)
        .filter(Q(owner=user) | Q(priority_area__lead_commissioners=user))
        .values("pk")
    )
    return list(
        commissioning_selectors.contracts_due_assessment(
            Contract.objects.filter(pk__in=theirs), today=today
        )
    )


def board_pack_areas(*, board: Board) -> list[PriorityArea]:
    """The priorities that report to a board: of frameworks it owns, or that it leads."""
    return list(
        PriorityArea.objects.filter(Q(framework__owning_board=board) | Q(lead_board=board))
        .distinct()
        .select_related("framework")
        .order_by("framework__title", "order", "pk")
    )


def board_pack_boards(*, user: AbstractBaseUser) -> list[Board]:
    """The active bodies of the user's partnership that priorities report to (of frameworks they
    own, or that they lead), each with `priority_count`: two queries, however many bodies and
    priorities."""
    counts: dict[int, set[int]] = {}
    for area, owner, lead in scope(PriorityArea.objects, user).values_list(
        "pk", "framework__owning_board", "lead_board"
    ):
        for board in {owner, lead} - {None}:
            counts.setdefault(board, set()).add(area)
    boards = list(
        scope(Board.objects, user)
        .filter(is_active=True, pk__in=counts)
        .select_related("partnership")
    )
    for board in boards:
        board.priority_count = len(counts[board.pk])
    return boards


def board_pack_board_for(*, user: AbstractBaseUser, boards: list[Board]) -> Board | None:
    """The pack a person most likely wants: of the boards they sit on now, the one most
    priorities report to; with no seat on any, the top-level body most priorities report to."""
    seats = set(
        governance_selectors.current_memberships().filter(user=user).values_list("board", flat=True)
    )
    mine = [board for board in boards if board.pk in seats]
    candidates = mine or [board for board in boards if board.reports_to_id is None]
    return max(candidates, key=lambda board: board.priority_count, default=None)


def board_pack(*, board: Board, term: Term) -> list[dict[str, Any]]:
    """Each priority reporting to the board with its report's content for the term.

    The latest submitted version's snapshot; a priority not yet submitted is assembled live
    and marked so, so that the pack still shows every priority. Each entry also has the
    overall RAG of the previous term's latest submitted report, if any.
    """
    areas = board_pack_areas(board=board)
    reports = TermlyReport.objects.filter(term=term, priority_area__in=areas)
    submitted = _latest_by_area(r for r in reports if not r.is_draft)
    drafts = _latest_by_area(r for r in reports if r.is_draft)
    previous_term = term.previous()
    previous = _latest_by_area(
        TermlyReport.objects.filter(term=previous_term, priority_area__in=areas).exclude(
            status=TermlyReport.Status.DRAFT
        )
        if previous_term
        else ()
    )
    entries = []
    for area in areas:
        report = submitted.get(area.pk) or drafts.get(area.pk)
        if report is not None:
            report.priority_area = area
            report.term = term
            content = report_content(report)
        else:
            content = assemble_report(area, term, cached=True)
            content["words"] = {}
        before = previous.get(area.pk)
        entries.append(
            {
                "priority_area": area,
                "report": report,
                "content": content,
                # The overall RAG the board was given last term, to say what changed.
                "previous_rag": before.overall_rag if before else "",
                "previous_rag_label": before.get_overall_rag_display() if before else "",
            }
        )
    return entries
