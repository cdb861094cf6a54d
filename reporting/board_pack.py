"""The board pack: every priority's termly report for a board, as HTML and as one PDF."""

import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from governance.models import Board
from reporting import selectors
from reporting.charts import with_charts
from reporting.models import BoardPackPdf, Term

PDF_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "board_pack_pdf.css"


def _summary_row(entry: dict[str, Any]) -> dict[str, Any]:
    content = entry["content"]
    directions = [indicator["direction"] for indicator in content["indicators"]]
    return {
        "title": content["priority"]["title"],
        "anchor": f"priority-{content['priority']['id']}",
        "status": entry["report"].get_status_display() if entry["report"] else "Not started",
        "overall_rag": content["words"].get("overall_rag", ""),
        "overall_rag_label": content["words"].get("overall_rag_label", ""),
        "by_rag": content["actions"]["by_rag"],
        "overdue_count": content["actions"]["overdue_count"],
        "improving": directions.count("improving"),
        "worsening": directions.count("worsening"),
        "unchanged": directions.count("no change"),
    }


def board_pack_context(*, board: Board, term: Term) -> dict[str, Any]:
    """What the pack shows: a summary row and the charted content of each priority."""
    entries = selectors.board_pack(board=board, term=term)
    for entry in entries:
        entry["content"] = with_charts(entry["content"])
        entry["summary"] = _summary_row(entry)
    return {"board": board, "term": term, "entries": entries}


def board_pack_pdf(*, board: Board, term: Term) -> bytes:
    """The board pack as one PDF: cover, contents, summary, then every priority's report."""
    pdf, _ = stored_board_pack_pdf(board=board, term=term)
    return pdf


def stored_board_pack_pdf(*, board: Board, term: Term) -> tuple[bytes, bool]:
    """The pack's PDF, and whether it had to be rendered now.

    Rendered again only when the pack's HTML differs from the one the stored PDF was rendered
    from (a report submitted or changed, a draft's plan moved on, a new day on the cover);
    `render_board_packs` renders them ahead of the first download.
    """
    context = board_pack_context(board=board, term=term)
    html = render_to_string("reporting/board_pack_pdf.html", context)
    html_sha256 = hashlib.sha256(html.encode()).hexdigest()
    stored = BoardPackPdf.objects.filter(board=board, term=term, html_sha256=html_sha256).first()
    if stored is not None:
        return bytes(stored.pdf), False
    pdf = render_pdf(html)
    BoardPackPdf.objects.update_or_create(
        board=board, term=term, defaults={"html_sha256": html_sha256, "pdf": pdf}
    )
    return pdf, True


def render_pdf(html: str) -> bytes:
    """The PDF of the pack's HTML (WeasyPrint: seconds for a small pack, minutes for a large)."""
    # Imported here so the rest of the product works where Pango is missing.
    from weasyprint import CSS, HTML

    # The pack links to nothing outside itself (charts are data: images), so WeasyPrint never
    # fetches a URL, least of all from this server while it is answering the request.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(PDF_STYLESHEET))]
    )
