"""The board pack: every priority reporting to a board, as a page to print and as one PDF."""

import io
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from core.tests.factories import UserFactory
from priorities.models import PriorityArea
from priorities.tests.factories import (
    ActionFactory,
    BoardFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)
from reporting import board_pack, services
from reporting.models import BoardPackPdf, Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

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


def test_anonymous_users_are_sent_to_sign_in(client, pack):
    board, term = pack
    response = client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_users_without_a_role_are_refused(client, pack):
    board, term = pack
    client.force_login(UserFactory())
    response = client.get(reverse("reporting:board_pack_pdf", args=[board.pk, term.pk]))
    assert response.status_code == 403


def test_the_chooser_opens_the_pack_of_a_board_and_term(board_member_client, pack):
    board, term = pack
    response = board_member_client.get(
        reverse("reporting:board_pack_chooser"), {"board": board.pk, "term": term.pk}
    )
    assert response["Location"] == reverse("reporting:board_pack", args=[board.pk, term.pk])


def test_the_print_view_has_a_summary_and_every_priority_with_its_chart(board_member_client, pack):
    board, term = pack
    response = board_member_client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
    page = response.content.decode()
    assert escape(f"Board pack: {board}, {term}") in page
    for title in TITLES:
        assert page.count(title) >= 3, "in the contents, the summary and its own section"
    assert "Another board" not in page
    assert page.count('src="data:image/svg+xml;base64,') == 3
    assert "not yet submitted" in page, "the priority without a submitted report says so"


def test_the_pdf_holds_every_priority(board_member_client, pack, weasyprint):
    from pypdf import PdfReader

    board, term = pack
    response = board_member_client.get(
        reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 5, "cover, contents, summary and a page per priority"
    for title in TITLES:
        assert title in text


@pytest.fixture
def counted_renders(monkeypatch):
    """Count the PDF layouts, standing in for WeasyPrint: these tests are about when a pack is
    laid out, not how (test_the_pdf_holds_every_priority renders a real one)."""
    renders = []

    def fake_render(html: str) -> bytes:
        renders.append(html)
        return b"%PDF-1.7 pack " + str(len(renders)).encode()

    monkeypatch.setattr(board_pack, "render_pdf", fake_render)
    return renders


def test_an_unchanged_pack_is_served_without_laying_it_out_again(
    board_member_client, pack, counted_renders
):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    first = board_member_client.get(url).content
    second = board_member_client.get(url).content
    assert first == second == b"%PDF-1.7 pack 1"
    assert len(counted_renders) == 1
    assert bytes(BoardPackPdf.objects.get(board=board, term=term).pdf) == first


def test_a_changed_pack_is_laid_out_again(board_member_client, pack, counted_renders, commissioner):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    board_member_client.get(url)
    # The third priority has no submitted report: its section follows the plan live.
    ActionFactory(
        priority_area=PriorityArea.objects.get(title="Children in Care"), title="A new action"
    )
    assert board_member_client.get(url).content == b"%PDF-1.7 pack 2"
    assert len(counted_renders) == 2 and counted_renders[0] != counted_renders[1]
    assert BoardPackPdf.objects.filter(board=board, term=term).count() == 1


def test_render_board_packs_renders_changed_packs_only(pack, counted_renders):
    board, term = pack
    out = io.StringIO()
    call_command("render_board_packs", stdout=out)
    assert f"{board} ({term}): rendered" in out.getvalue()
    # Every board with priorities reporting to it: this one and the other priority's board.
    assert len(counted_renders) == BoardPackPdf.objects.count() == 2
    again = io.StringIO()
    call_command("render_board_packs", stdout=again)
    assert f"{board} ({term}): unchanged." in again.getvalue()
    assert len(counted_renders) == 2
