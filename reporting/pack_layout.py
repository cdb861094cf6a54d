"""Laying a pack's PDF out in parts: each part's PDF kept under a hash of its HTML, so that a
pack in which one priority changed lays out only that priority, then the parts merged with
pypdf, numbered and given an outline and working contents links.

WeasyPrint's layout is nearly all of a pack's time (about 110 ms a page); the parts a pack
lacks are laid out together in one document, each from a new page, and split by their anchors,
so that a pack laid out from nothing pays WeasyPrint's start-up once.
"""

import datetime
import io
import logging
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from reporting.models import BoardPackPart

PDF_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "board_pack_pdf.css"
# A part no pack has used for this long is deleted when a pack is next laid out.
PART_KEPT_FOR = datetime.timedelta(days=120)
# WeasyPrint measures in CSS pixels, PDF in points.
POINTS_PER_PX = 0.75
# The page numbers, stamped on the merged pages ("Page 1 of 30" counts the cover; the cover
# shows none).
NUMBERS_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #505a5f; } }
@page :first { @bottom-right { content: none; } }
div + div { break-before: page; }
"""


def stylesheet_text() -> str:
    """The PDF stylesheet, part of what each part's hash is taken of: a changed stylesheet
    lays every part out again."""
    return PDF_STYLESHEET.read_text()


@cache
def _weasyprint():
    """WeasyPrint's pieces, with one font configuration and the parsed stylesheet kept for
    the process (a deploy, which may change the stylesheet, restarts the worker): each costs a
    share of a second to make. Imported here so the rest of the product works where Pango is
    missing."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # The contents and summary link to parts laid out in other documents: WeasyPrint warns of
    # each, and merged() makes them links to the pages the parts start on.
    logging.getLogger("weasyprint").addFilter(
        lambda record: not record.getMessage().startswith("No anchor #")
    )

    fonts = FontConfiguration()
    return HTML, CSS(filename=str(PDF_STYLESHEET), font_config=fonts), CSS, fonts


@dataclass(frozen=True)
class Laid:
    """A laid-out document's PDF, page count, the page of each anchor, and its internal links
    as (page index, anchor, rectangle in PDF points)."""

    pdf: bytes
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)
    links: list[tuple[int, str, tuple[float, float, float, float]]] = field(default_factory=list)


def _document(html: str):
    html_class, stylesheet, _, fonts = _weasyprint()
    # The pack links to nothing outside itself (charts are data: images), so WeasyPrint never
    # fetches a URL.
    return html_class(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[stylesheet], font_config=fonts
    )


def _anchors(document) -> dict[str, int]:
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    return anchors


def html_pdf(html: str) -> Laid:
    """One HTML document laid out with the pack's stylesheet."""
    document = _document(html)
    links = []
    for index, page in enumerate(document.pages):
        for kind, target, (x, y, width, height), _ in page.links:
            if kind == "internal":
                top = page.height - y
                rect = (x, top - height, x + width, top)
                links.append((index, target, tuple(v * POINTS_PER_PX for v in rect)))
    return Laid(
        pdf=document.write_pdf(),
        pages=len(document.pages),
        anchors=_anchors(document),
        links=links,
    )


def _lay_out_parts(fragments: list[tuple[str, str]]) -> list[Laid]:
    """Parts (anchor, HTML of the part) laid out and written as one document, then split at
    each part's anchor: WeasyPrint's start-up and its font subsetting are paid once."""
    from pypdf import PdfReader, PdfWriter

    html = render_to_string(
        "reporting/board_pack_pdf_part.html", {"fragments": [html for _, html in fragments]}
    )
    document = _document(html)
    anchors = _anchors(document)
    starts = [anchors[anchor] for anchor, _ in fragments] + [len(document.pages)]
    whole = PdfReader(io.BytesIO(document.write_pdf()))
    laid = []
    for start, end in zip(starts, starts[1:], strict=False):
        writer = PdfWriter()
        writer.append(whole, pages=(start, end))
        out = io.BytesIO()
        writer.write(out)
        laid.append(Laid(pdf=out.getvalue(), pages=end - start))
    return laid


def part_pdfs(parts: list[tuple[str, str, str]]) -> list[Laid]:
    """Each part's (anchor, HTML, hash) PDF: kept ones as kept, the others laid out and kept."""
    now = timezone.now()
    hashes = [sha256 for _, _, sha256 in parts]
    kept = {
        part.html_sha256: Laid(pdf=bytes(part.pdf), pages=part.pages)
        for part in BoardPackPart.objects.filter(html_sha256__in=hashes)
    }
    missing = {sha256: (anchor, html) for anchor, html, sha256 in parts if sha256 not in kept}
    if missing:
        for sha256, laid in zip(missing, _lay_out_parts(list(missing.values())), strict=True):
            BoardPackPart.objects.update_or_create(
                html_sha256=sha256, defaults={"pdf": laid.pdf, "pages": laid.pages, "used_at": now}
            )
            kept[sha256] = laid
    BoardPackPart.objects.filter(html_sha256__in=hashes).update(used_at=now)
    BoardPackPart.objects.filter(used_at__lt=now - PART_KEPT_FOR).delete()
    return [kept[sha256] for sha256 in hashes]


@lru_cache(maxsize=8)
def _numbers_pdf(count: int) -> bytes:
    """`count` blank pages with only their numbers, to stamp on a pack's pages: the same for
    every pack of as many pages, so kept for the process."""
    html_class, _, css_class, fonts = _weasyprint()
    return html_class(string="<div></div>" * count).write_pdf(
        stylesheets=[css_class(string=NUMBERS_CSS, font_config=fonts)], font_config=fonts
    )


def merged(
    front: Laid, parts: list[Laid], *, outline: list[tuple[str, int]], targets: dict[str, int]
) -> bytes:
    """The front's pages then each part's, numbered, with an outline of (title, page index),
    and the front's links to an anchor of `targets` (anchor: page index) made links to it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link

    writer = PdfWriter()
    for laid in [front, *parts]:
        # Only the outline made below: not the bookmarks WeasyPrint made of every heading.
        writer.append(PdfReader(io.BytesIO(laid.pdf)), import_outline=False)
    numbers = PdfReader(io.BytesIO(_numbers_pdf(len(writer.pages))))
    for index, page in enumerate(writer.pages):
        if index:
            page.merge_page(numbers.pages[index])
    for title, index in outline:
        writer.add_outline_item(title=title, page_number=index)
    for index, anchor, rect in front.links:
        if anchor in targets:
            writer.add_annotation(index, Link(rect=rect, target_page_index=targets[anchor]))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
