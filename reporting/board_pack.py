"""The board pack: every priority's termly report for a board, as HTML and as one PDF."""

import datetime
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from governance.models import Board
from priorities import judgement
from reporting import charts, pack_layout, selectors
from reporting.assemble import DIRECTIONS, most_urgent
from reporting.models import BoardPackPdf, BoardPackRender, Term

PDF_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "board_pack_pdf.css"
# A priority's pages show this many exceptions and indicators off track, worst first; the
# full plan has the rest. Measured: at ten times the demo's data, two pages per priority.
EXCEPTIONS_SHOWN = 8
OFF_TRACK_SHOWN = 8
# The order of RAGs from worst: a change to an earlier one is a change for the worse.
RAG_ORDER = {"red": 0, "amber": 1, "green": 2}
# A worker laying a pack out longer than this has died: another may take the layout over.
LAYOUT_LEASE = datetime.timedelta(minutes=30)
# The cover, contents and summary take this many pages, unless a long contents or summary
# runs on (then the contents are laid out again with every part starting later).
FRONT_PAGES_GUESS = 3
# A download that finds the pack asked for longer ago than this, and not laid out, asks again.
ASK_AGAIN_AFTER = datetime.timedelta(minutes=10)


def _directions(indicators: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How many indicators go each way, in DIRECTIONS' order, leaving out the ways none go:
    every indicator is counted, so the figures add up to the priority's indicators."""
    counts = Counter(indicator.get("direction") or DIRECTIONS[""] for indicator in indicators)
    return [
        {"direction": direction, "count": counts[direction]}
        for direction in DIRECTIONS.values()
        if counts[direction]
    ]


def _summary_row(entry: dict[str, Any]) -> dict[str, Any]:
    content = entry["content"]
    return {
        "title": content["priority"]["title"],
        "anchor": f"priority-{content['priority']['id']}",
        "status": entry["report"].get_status_display() if entry["report"] else "Not started",
        "overall_rag": content["words"].get("overall_rag", ""),
        "overall_rag_label": content["words"].get("overall_rag_label", ""),
        "by_rag": content["actions"]["by_rag"],
        "overdue_count": content["actions"]["overdue_count"],
        "indicator_count": len(content["indicators"]),
        "directions": _directions(content["indicators"]),
    }


def first_comparison(indicator: dict[str, Any]) -> dict[str, Any] | None:
    """The latest value against the first comparator with a figure for its period (schema 2's
    `comparisons`), or schema 1's one comparator."""
    latest = indicator["latest"] or {}
    if "comparisons" in latest:
        return next((one for one in latest["comparisons"] if one["value"] is not None), None)
    if latest.get("comparator_value") is None:
        return None
    return {
        "comparator": latest.get("comparator") or "comparator",
        "value": latest["comparator_value"],
        "against": latest.get("against_comparator", ""),
    }


def off_track(indicator: dict[str, Any]) -> bool:
    """Whether an assembled indicator's latest value is worse than its target or, without a
    target, worse than its first comparator."""
    _, worse = judgement.off_track(
        indicator["target"], indicator["against_target"], first_comparison(indicator)
    )
    return worse


def _brief(entry: dict[str, Any]) -> dict[str, Any]:
    """A priority's pages of the pack, exceptions first: its overall RAG now and last term,
    what changed, its asks of the board, and the first of its exceptions and of its indicators
    off track, with how many more the full plan holds."""
    content, words = entry["content"], entry["content"]["words"]
    actions = content["actions"]
    worse = [
        row
        for row in actions["changed_rag"]
        if RAG_ORDER.get(row["to"], 3) < RAG_ORDER.get(row["from"], 3)
    ]
    behind = [indicator for indicator in content["indicators"] if off_track(indicator)]
    exceptions = actions["exceptions"]
    return {
        "overall_rag": words.get("overall_rag", ""),
        "overall_rag_label": words.get("overall_rag_label", ""),
        "previous_term": content["term"]["previous"],
        "previous_rag": entry.get("previous_rag", ""),
        "previous_rag_label": entry.get("previous_rag_label", ""),
        "rag_worse": len(worse),
        "rag_better": len(actions["changed_rag"]) - len(worse),
        "completed": len(actions["completed"]),
        "asks": words.get("asks_of_board", ""),
        "highlights": words.get("highlights", ""),
        "risks": words.get("risks_and_issues", ""),
        "exceptions": most_urgent(exceptions, EXCEPTIONS_SHOWN),
        "exception_count": len(exceptions),
        "more_exceptions": max(0, len(exceptions) - EXCEPTIONS_SHOWN),
        "off_track": [
            {
                **indicator,
                "sparkline": charts.indicator_sparkline(indicator),
                "comparison": first_comparison(indicator),
            }
            if indicator["series"]
            else {**indicator, "comparison": first_comparison(indicator)}
            for indicator in behind[:OFF_TRACK_SHOWN]
        ],
        "off_track_count": len(behind),
        "more_off_track": max(0, len(behind) - OFF_TRACK_SHOWN),
        "indicator_count": len(content["indicators"]),
    }


def board_pack_context(*, board: Board, term: Term, with_plan: bool = False) -> dict[str, Any]:
    """What the pack shows: a summary row and the exceptions-first pages of each priority, and
    with the full plan, each priority's whole report with its charts."""
    entries = selectors.board_pack(board=board, term=term)
    for entry in entries:
        entry["summary"] = _summary_row(entry)
        entry["brief"] = _brief(entry)
        if with_plan:
            entry["content"] = charts.with_charts(entry["content"])
            entry["plan_anchor"] = f"plan-{entry['content']['priority']['id']}"
    return {"board": board, "term": term, "entries": entries, "with_plan": with_plan}


@dataclass(frozen=True)
class Part:
    """A part of the pack's PDF laid out on its own: one priority's pages, or its full plan."""

    title: str
    anchor: str
    html: str
    sha256: str


@dataclass(frozen=True)
class PackSource:
    """What a pack's PDF is laid out from: its context (for the cover, contents and summary),
    its parts, and the hash of the whole, which says whether the kept PDF is current."""

    context: dict[str, Any]
    parts: list[Part]
    sha256: str


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _part(*, title: str, anchor: str, context: dict[str, Any]) -> Part:
    html = render_to_string("reporting/reports/_pack_part.html", context)
    # The stylesheet is part of what a part's PDF is laid out from.
    return Part(
        title=title, anchor=anchor, html=html, sha256=_sha256(pack_layout.stylesheet_text() + html)
    )


def board_pack_source(*, board: Board, term: Term, with_plan: bool = False) -> PackSource:
    """The pack's parts and their hashes: the PDF of the same parts and front is the same PDF
    (a report submitted or changed, a draft's plan moved on, a new day on the cover each
    change it)."""
    context = board_pack_context(board=board, term=term, with_plan=with_plan)
    parts = []
    for entry in context["entries"]:
        base = {"board": board, "term": term, "entry": entry, "with_plan": with_plan}
        parts.append(
            _part(title=entry["summary"]["title"], anchor=entry["summary"]["anchor"], context=base)
        )
    if with_plan:
        for entry in context["entries"]:
            parts.append(
                _part(
                    title=f"Full plan: {entry['summary']['title']}",
                    anchor=entry["plan_anchor"],
                    context={"board": board, "term": term, "entry": entry, "plan": True},
                )
            )
    front = front_html(context, pages={})
    sha256 = _sha256("\n".join([front, *(part.sha256 for part in parts)]))
    return PackSource(context=context, parts=parts, sha256=sha256)


def front_html(context: dict[str, Any], *, pages: dict[str, int]) -> str:
    """The cover, contents and summary, the contents giving each part's first page (none
    while the parts' lengths are not known)."""
    contents = [{"title": "Summary", "anchor": "summary", "page": pages.get("summary", "")}]
    for entry in context["entries"]:
        anchor = entry["summary"]["anchor"]
        contents.append(
            {"title": entry["summary"]["title"], "anchor": anchor, "page": pages.get(anchor, "")}
        )
    appendix = [
        {
            "title": entry["summary"]["title"],
            "anchor": entry["plan_anchor"],
            "page": pages.get(entry["plan_anchor"], ""),
        }
        for entry in context["entries"]
        if context["with_plan"]
    ]
    return render_to_string(
        "reporting/board_pack_pdf.html", {**context, "contents": contents, "appendix": appendix}
    )


class LayOut(StrEnum):
    """What laying out a pack came to."""

    RENDERED = "rendered"
    UNCHANGED = "unchanged"
    BUSY = "busy"


def lay_out_board_pack(*, board: Board, term: Term, with_plan: bool = False) -> LayOut:
    """Lay the pack's PDF out and keep it, unless the kept one is of the same content.

    The work of the `render_board_pack` job and of `render_board_packs`; never called by a
    request. Idempotent: run again, or by two workers at once, the content is laid out once.
    One worker at a time lays out a board and term's pack (minutes for a large one); another
    that finds it busy answers BUSY, and the job tries again later if its content differs.
    """
    source = board_pack_source(board=board, term=term, with_plan=with_plan)
    kept = BoardPackPdf.objects.filter(board=board, term=term, with_plan=with_plan)
    if kept.filter(html_sha256=source.sha256).exists():
        return LayOut.UNCHANGED
    now = timezone.now()
    state, _ = BoardPackRender.objects.get_or_create(
        board=board, term=term, with_plan=with_plan, defaults={"requested_at": now}
    )
    # The claim is one UPDATE, so two workers never both win it; a claim older than the lease
    # is a worker that died mid-layout, and is taken over.
    claimed = (
        BoardPackRender.objects.filter(pk=state.pk)
        .filter(Q(started_at=None) | Q(started_at__lt=now - LAYOUT_LEASE))
        .update(started_at=now, html_sha256=source.sha256)
    )
    if not claimed:
        return LayOut.BUSY
    try:
        pdf = lay_out_pdf(source)
    except BaseException:
        BoardPackRender.objects.filter(pk=state.pk).update(started_at=None, html_sha256="")
        raise
    with transaction.atomic():
        BoardPackPdf.objects.update_or_create(
            board=board,
            term=term,
            with_plan=with_plan,
            defaults={"html_sha256": source.sha256, "pdf": pdf},
        )
        BoardPackRender.objects.filter(pk=state.pk).update(
            started_at=None, html_sha256="", finished_at=timezone.now()
        )
    return LayOut.RENDERED


def lay_out_pdf(source: PackSource) -> bytes:
    """The pack's PDF: each part laid out on its own unless kept from an earlier pack (a
    changed priority is laid out again, the others are not), then the cover, contents and
    summary with each part's first page, merged, numbered and with an outline."""
    parts = pack_layout.part_pdfs([(part.anchor, part.html, part.sha256) for part in source.parts])
    front_pages, summary_page = FRONT_PAGES_GUESS, FRONT_PAGES_GUESS
    for _ in range(3):
        # Page numbers count from the cover, as printed: index + 1.
        starts, index = {}, front_pages
        for part, laid in zip(source.parts, parts, strict=True):
            starts[part.anchor] = index
            index += laid.pages
        pages = {anchor: index + 1 for anchor, index in starts.items()}
        front = pack_layout.html_pdf(
            front_html(source.context, pages={**pages, "summary": summary_page})
        )
        laid_out = (front.pages, front.anchors["summary"] + 1)
        if laid_out == (front_pages, summary_page):
            break
        # The contents or the summary ran on to another page: what follows starts later.
        front_pages, summary_page = laid_out
    targets = {**front.anchors, **starts}
    outline = [("Contents", targets["contents"]), ("Summary", targets["summary"])]
    outline += [(part.title, starts[part.anchor]) for part in source.parts]
    return pack_layout.merged(front, parts, outline=outline, targets=targets)


@dataclass(frozen=True)
class Download:
    """What a download of the pack's PDF finds: the PDF of the current content, or else since
    when it has been asked for or laid out, and the previous PDF if one is kept."""

    pdf: bytes | None
    requested_at: datetime.datetime | None = None
    started_at: datetime.datetime | None = None
    previous_rendered_at: datetime.datetime | None = None


def board_pack_download(*, board: Board, term: Term, with_plan: bool = False) -> Download:
    """The kept PDF when it is of the pack's current content; else where its laying out stands,
    asking the worker for it if nobody has lately. Never lays a PDF out itself."""
    sha256 = board_pack_source(board=board, term=term, with_plan=with_plan).sha256
    kept = previous_board_pack_pdf(board=board, term=term, with_plan=with_plan)
    if kept is not None and kept.html_sha256 == sha256:
        return Download(pdf=bytes(kept.pdf))
    previous_rendered_at = kept.rendered_at if kept is not None else None
    state = BoardPackRender.objects.filter(board=board, term=term, with_plan=with_plan).first()
    now = timezone.now()
    if state is not None and state.started_at and state.started_at >= now - LAYOUT_LEASE:
        return Download(
            pdf=None,
            requested_at=state.requested_at,
            started_at=state.started_at,
            previous_rendered_at=previous_rendered_at,
        )
    waiting = (
        state is not None
        and state.requested_at >= now - ASK_AGAIN_AFTER
        and (state.finished_at is None or state.requested_at > state.finished_at)
    )
    if not waiting:
        # Nothing asked for lately (a new day on the cover, a draft's plan moved on, or the
        # worker gave up): ask now; a copy already queued does no harm, the job is idempotent.
        ask_for_board_packs(board_ids=[board.pk], term=term, with_plan=with_plan)
        requested_at = now
    else:
        requested_at = state.requested_at
    return Download(pdf=None, requested_at=requested_at, previous_rendered_at=previous_rendered_at)


def previous_board_pack_pdf(
    *, board: Board, term: Term, with_plan: bool = False
) -> BoardPackPdf | None:
    """The kept PDF, whatever content it was laid out from."""
    return BoardPackPdf.objects.filter(board=board, term=term, with_plan=with_plan).first()


def ask_for_board_packs(*, board_ids: Iterable[int], term: Term, with_plan: bool = False) -> None:
    """Once the current transaction commits, record that these boards' packs for the term are
    asked for and enqueue a job to lay out each."""
    board_ids = sorted(set(board_ids))

    def enqueue() -> None:
        # Imported here: the job module imports this one.
        from reporting.jobs import render_board_pack

        for board_id in board_ids:
            BoardPackRender.objects.update_or_create(
                board_id=board_id,
                term=term,
                with_plan=with_plan,
                defaults={"requested_at": timezone.now()},
            )
            if with_plan:
                render_board_pack.enqueue(board_id, term.pk, with_plan=True)
            else:
                render_board_pack.enqueue(board_id, term.pk)

    transaction.on_commit(enqueue)


def render_pdf(html: str) -> bytes:
    """The PDF of the pack's HTML (WeasyPrint: seconds for a small pack, minutes for a large)."""
    # Imported here so the rest of the product works where Pango is missing.
    from weasyprint import CSS, HTML

    # The pack links to nothing outside itself (charts are data: images), so WeasyPrint never
    # fetches a URL, least of all from this server while it is answering the request.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(PDF_STYLESHEET))]
    )
