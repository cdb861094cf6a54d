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
from reporting import selectors
from reporting.assemble import DIRECTIONS
from reporting.charts import with_charts
from reporting.models import BoardPackPdf, BoardPackRender, Term

PDF_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "board_pack_pdf.css"
# A worker laying a pack out longer than this has died: another may take the layout over.
LAYOUT_LEASE = datetime.timedelta(minutes=30)
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


def board_pack_context(*, board: Board, term: Term) -> dict[str, Any]:
    """What the pack shows: a summary row and the charted content of each priority."""
    entries = selectors.board_pack(board=board, term=term)
    for entry in entries:
        entry["content"] = with_charts(entry["content"])
        entry["summary"] = _summary_row(entry)
    return {"board": board, "term": term, "entries": entries}


def board_pack_html(*, board: Board, term: Term) -> tuple[str, str]:
    """The HTML the pack's PDF is laid out from, and its SHA-256: the PDF of the same HTML is
    the same PDF (a report submitted or changed, a draft's plan moved on, a new day on the
    cover each change it)."""
    html = render_to_string(
        "reporting/board_pack_pdf.html", board_pack_context(board=board, term=term)
    )
    return html, hashlib.sha256(html.encode()).hexdigest()


class LayOut(StrEnum):
    """What laying out a pack came to."""

    RENDERED = "rendered"
    UNCHANGED = "unchanged"
    BUSY = "busy"


def lay_out_board_pack(*, board: Board, term: Term) -> LayOut:
    """Lay the pack's PDF out and keep it, unless the kept one is of the same content.

    The work of the `render_board_pack` job and of `render_board_packs`; never called by a
    request. Idempotent: run again, or by two workers at once, the content is laid out once.
    One worker at a time lays out a board and term's pack (minutes for a large one); another
    that finds it busy answers BUSY, and the job tries again later if its content differs.
    """
    html, html_sha256 = board_pack_html(board=board, term=term)
    if BoardPackPdf.objects.filter(board=board, term=term, html_sha256=html_sha256).exists():
        return LayOut.UNCHANGED
    now = timezone.now()
    state, _ = BoardPackRender.objects.get_or_create(
        board=board, term=term, defaults={"requested_at": now}
    )
    # The claim is one UPDATE, so two workers never both win it; a claim older than the lease
    # is a worker that died mid-layout, and is taken over.
    claimed = (
        BoardPackRender.objects.filter(pk=state.pk)
        .filter(Q(started_at=None) | Q(started_at__lt=now - LAYOUT_LEASE))
        .update(started_at=now, html_sha256=html_sha256)
    )
    if not claimed:
        return LayOut.BUSY
    try:
        pdf = render_pdf(html)
    except BaseException:
        BoardPackRender.objects.filter(pk=state.pk).update(started_at=None, html_sha256="")
        raise
    with transaction.atomic():
        BoardPackPdf.objects.update_or_create(
            board=board, term=term, defaults={"html_sha256": html_sha256, "pdf": pdf}
        )
        BoardPackRender.objects.filter(pk=state.pk).update(
            started_at=None, html_sha256="", finished_at=timezone.now()
        )
    return LayOut.RENDERED


@dataclass(frozen=True)
class Download:
    """What a download of the pack's PDF finds: the PDF of the current content, or else since
    when it has been asked for or laid out, and the previous PDF if one is kept."""

    pdf: bytes | None
    requested_at: datetime.datetime | None = None
    started_at: datetime.datetime | None = None
    previous_rendered_at: datetime.datetime | None = None


def board_pack_download(*, board: Board, term: Term) -> Download:
    """The kept PDF when it is of the pack's current content; else where its laying out stands,
    asking the worker for it if nobody has lately. Never lays a PDF out itself."""
    _, html_sha256 = board_pack_html(board=board, term=term)
    kept = previous_board_pack_pdf(board=board, term=term)
    if kept is not None and kept.html_sha256 == html_sha256:
        return Download(pdf=bytes(kept.pdf))
    previous_rendered_at = kept.rendered_at if kept is not None else None
    state = BoardPackRender.objects.filter(board=board, term=term).first()
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
        ask_for_board_packs(board_ids=[board.pk], term=term)
        requested_at = now
    else:
        requested_at = state.requested_at
    return Download(pdf=None, requested_at=requested_at, previous_rendered_at=previous_rendered_at)


def previous_board_pack_pdf(*, board: Board, term: Term) -> BoardPackPdf | None:
    """The kept PDF, whatever content it was laid out from."""
    return BoardPackPdf.objects.filter(board=board, term=term).first()


def ask_for_board_packs(*, board_ids: Iterable[int], term: Term) -> None:
    """Once the current transaction commits, record that these boards' packs for the term are
    asked for and enqueue a job to lay out each."""
    board_ids = sorted(set(board_ids))

    def enqueue() -> None:
        # Imported here: the job module imports this one.
        from reporting.jobs import render_board_pack

        for board_id in board_ids:
            BoardPackRender.objects.update_or_create(
                board_id=board_id, term=term, defaults={"requested_at": timezone.now()}
            )
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
