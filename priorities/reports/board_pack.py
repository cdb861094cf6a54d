"""The board pack: every priority's termly report for a board, as HTML and as one PDF."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from governance.models import Board
from priorities.models import Term
from priorities.reports import selectors
from priorities.reports.charts import with_charts

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
    # Imported here so the rest of the product works where Pango is missing.
    from weasyprint import CSS, HTML

    context = board_pack_context(board=board, term=term)
    html = render_to_string("priorities/board_pack_pdf.html", context)
    # The pack links to nothing outside itself (charts are data: images), so WeasyPrint never
    # fetches a URL, least of all from this server while it is answering the request.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(PDF_STYLESHEET))]
    )
