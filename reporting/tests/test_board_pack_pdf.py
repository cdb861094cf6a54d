"""The board pack a board reads: exceptions first, at most two pages a priority, no heading
alone at the foot of a page, contents that give the page each priority starts on, and a
priority laid out again only when it changed. These lay real PDFs out (WeasyPrint)."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from governance.models import Board
from priorities.models import PriorityArea
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProgressUpdateFactory,
)
from reporting import board_pack, pack_layout
from reporting.models import BoardPackPart, BoardPackPdf, Term
from reporting.tests.conftest import TITLES

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

FOOTER = re.compile(r"^Page \d+ of \d+$")
CONTENTS_ROW = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)


def _laid_out(board: Board, term: Term, *, with_plan: bool = False):
    """The pack's PDF as the worker lays it out, read back with pypdf, and its source."""
    from pypdf import PdfReader

    board_pack.lay_out_board_pack(board=board, term=term, with_plan=with_plan)
    kept = BoardPackPdf.objects.get(board=board, term=term, with_plan=with_plan)
    source = board_pack.board_pack_source(board=board, term=term, with_plan=with_plan)
    return PdfReader(io.BytesIO(bytes(kept.pdf))), source


def _lines(page) -> list[str]:
    """A page's lines of text, without the page number stamped at its foot."""
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    return [line for line in lines if line and not FOOTER.match(line)]


def _headings(source: board_pack.PackSource) -> set[str]:
    html = board_pack.front_html(source.context, pages={}) + "".join(
        part.html for part in source.parts
    )
    return {" ".join(strip_tags(text).split()) for text in HEADING.findall(html)}


def _contents(reader) -> dict[str, int]:
    rows = (CONTENTS_ROW.match(line) for line in _lines(reader.pages[1]))
    return {row["title"]: int(row["page"]) for row in rows if row}


@pytest.fixture
def west_cheshire(demo, weasyprint):
    """The West Cheshire demo framework's pack for its Children's Trust Executive."""
    return Board.objects.get(name="Children's Trust Executive"), Term.objects.current()


def test_the_west_cheshire_pack_is_at_most_two_pages_a_priority(west_cheshire):
    reader, source = _laid_out(*west_cheshire)
    priorities = len(source.parts)
    assert priorities == 5, "West Cheshire's five priorities"
    assert len(reader.pages) <= 3 + 2 * priorities, "cover, contents, summary, two a priority"
    starts = sorted(_contents(reader).values()) + [len(reader.pages) + 1]
    assert len(starts) == priorities + 2, "the summary and each priority are listed"
    for start, following in zip(starts[1:], starts[2:], strict=False):
        assert following - start <= 2


def test_no_page_of_the_pack_ends_with_a_heading(west_cheshire):
    """Section headings stood alone at the foot of pages 5 and 15."""
    reader, source = _laid_out(*west_cheshire, with_plan=True)
    headings = _headings(source)
    assert "Exceptions: red, amber and overdue actions" in headings
    for number, page in enumerate(reader.pages, start=1):
        lines = _lines(page)
        assert lines, f"page {number} is blank"
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_the_contents_give_the_page_each_priority_starts_on(west_cheshire):
    reader, source = _laid_out(*west_cheshire)
    contents = _contents(reader)
    titles = [part.title for part in source.parts]
    assert list(contents) == ["Summary", *titles]
    assert _lines(reader.pages[contents["Summary"] - 1])[0] == "Summary"
    for title in titles:
        assert _lines(reader.pages[contents[title] - 1])[0] == title
    assert [item.title for item in reader.outline] == ["Contents", "Summary", *titles]


def test_the_summary_page_counts_indicators_improving_and_worsening(pack, weasyprint):
    """The summary read "0 improving, 0 worsening, 0 no change"."""
    board, term = pack
    area = PriorityArea.objects.get(title="Children in Care")
    for name, values in (("Rising", ("50", "61")), ("Falling", ("70", "61"))):
        indicator = IndicatorFactory(priority_area=area, name=name)
        for year, value in zip((2023, 2024), values, strict=True):
            IndicatorValueFactory(indicator=indicator, period_label=str(year), value=value)
    reader, _ = _laid_out(board, term)
    summary = " ".join(_lines(reader.pages[2]))
    assert "Summary" in summary
    assert "1 improving, 1 worsening" in summary


def test_a_changed_priority_alone_is_laid_out_again(pack, weasyprint, monkeypatch):
    board, term = pack
    _laid_out(board, term)
    assert BoardPackPart.objects.count() == len(TITLES)
    laid_out = []
    lay_out_parts = pack_layout._lay_out_parts

    def counted(fragments):
        laid_out.extend(anchor for anchor, _ in fragments)
        return lay_out_parts(fragments)

    monkeypatch.setattr(pack_layout, "_lay_out_parts", counted)
    # The third priority has no submitted report: its pages follow the plan live.
    area = PriorityArea.objects.get(title="Children in Care")
    ActionFactory(priority_area=area, title="A new overdue action", overdue=True)
    reader, _ = _laid_out(board, term)
    assert laid_out == [f"priority-{area.pk}"]
    text = " ".join(" ".join(_lines(page)) for page in reader.pages)
    assert "A new overdue action" in text
    assert BoardPackPart.objects.count() == len(TITLES) + 1


def test_exceptions_are_capped_with_how_many_more_the_full_plan_holds(board_member_client, pack):
    board, term = pack
    area = PriorityArea.objects.get(title="Children in Care")
    shown = board_pack.EXCEPTIONS_SHOWN
    for number in range(shown + 3):
        action = ActionFactory(priority_area=area, title=f"Red action {number:02}")
        ProgressUpdateFactory(action=action, rag="red")
    url = reverse("reporting:board_pack", args=[board.pk, term.pk])
    page = board_member_client.get(url).content.decode()
    brief = page[page.index(f'id="priority-{area.pk}"') :]
    assert brief.count("Red action") == shown
    assert "And 3 more — see the full plan." in brief
    with_plan = board_member_client.get(url, {"plan": "full"}).content.decode()
    assert "And 3 more — see the full plan in the appendix." in with_plan
    appendix = with_plan[with_plan.index('id="appendix"') :]
    assert all(f"Red action {number:02}" in appendix for number in range(shown + 3))


def test_the_full_plan_is_an_appendix_only_when_the_board_asks(board_member_client, pack):
    board, term = pack
    chooser = reverse("reporting:board_pack_chooser")
    plain = board_member_client.get(chooser, {"board": board.pk, "term": term.pk})
    url = reverse("reporting:board_pack", args=[board.pk, term.pk])
    assert plain["Location"] == url
    asked = board_member_client.get(
        chooser, {"board": board.pk, "term": term.pk, "full_plan": "on"}
    )
    assert asked["Location"] == f"{url}?plan=full"
    page = board_member_client.get(url).content.decode()
    assert "Appendix: the full plan" not in page and "Full plan:" not in page
    with_plan = board_member_client.get(asked["Location"]).content.decode()
    assert with_plan.count("Full plan: ") == len(TITLES)
    pdf_url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    assert f'href="{pdf_url}?plan=full"' in with_plan
    source = board_pack.board_pack_source(board=board, term=term, with_plan=True)
    assert [part.title for part in source.parts][len(TITLES) :] == [
        f"Full plan: {title}" for title in TITLES
    ]
    assert source.sha256 != board_pack.board_pack_source(board=board, term=term).sha256
