"""Fixtures of the board pack tests: a board's pack, WeasyPrint where it can run, and a stand-in
for it that counts the layouts."""

import os

import pytest

from priorities.tests.factories import (
    BoardFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)
from reporting import board_pack, meeting_pack, services
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

TITLES = ("0-5 Development", "Early Intervention", "Children in Care")


def _weasyprint_missing() -> str:
    """Why WeasyPrint cannot run here, or "" when it can."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # Pango or its friends are missing
        return f"WeasyPrint cannot load its system libraries (install Pango): {error}"
    return ""


@pytest.fixture
def weasyprint():
    """Skip PDF tests where Pango is missing, except in CI (E2E_REQUIRE_BROWSER=1) where the
    PDF must render."""
    reason = _weasyprint_missing()
    if reason and os.environ.get("E2E_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


@pytest.fixture
def pack(commissioner):
    board = BoardFactory(name="Halton Children's Trust Board")
    framework = FrameworkFactory(owning_board=board)
    term = Term.objects.current()
    for order, title in enumerate(TITLES, start=1):
        area = PriorityAreaFactory(framework=framework, title=title, order=order)
        indicator = IndicatorFactory(priority_area=area, name=f"{title} indicator")
        for year in (2023, 2024):
            IndicatorValueFactory(indicator=indicator, period_label=str(year))
        if order < 3:
            report = TermlyReportFactory(priority_area=area, term=term, overall_rag="green")
            services.termly_report_submit(report=report, user=commissioner)
    PriorityAreaFactory(title="Another board's priority")
    return board, term


@pytest.fixture
def counted_renders(monkeypatch):
    """Count the PDF layouts (board and meeting packs), standing in for WeasyPrint: these tests
    are about when a pack is laid out, not how (test_the_pdf_holds_every_priority renders a real
    one)."""
    renders = []

    def fake_render(html: str) -> bytes:
        renders.append(html)
        return b"%PDF-1.7 pack " + str(len(renders)).encode()

    def fake_lay_out(source: board_pack.PackSource) -> bytes:
        return fake_render(source.sha256)

    monkeypatch.setattr(board_pack, "lay_out_pdf", fake_lay_out)
    monkeypatch.setattr(meeting_pack, "render_pdf", fake_render)
    return renders
