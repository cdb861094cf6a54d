"""The board pack: every priority reporting to a board, as a page to print and as one PDF laid
out by the background worker, never by a request."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from core.tests.factories import UserFactory
from core.tests.sign_in import sign_in
from governance.models import Board
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    SubGroupFactory,
)
from priorities.models import PriorityArea
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)
from reporting import board_pack, pack_layout
from reporting.models import BoardPackPdf, BoardPackRender, Term, TermlyReport
from reporting.tests.conftest import TITLES
from reporting.tests.factories import BoardPackPdfFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


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


def _board_choices(response) -> tuple[list[str], str]:
    field = response.context["form"]["board"]
    labels = [str(label) for value, label in field.field.choices if value != ""]
    return labels, field.value()


def test_the_chooser_lists_only_bodies_priorities_report_to_and_preselects_the_members_board(
    client, board_member, pack, django_assert_num_queries
):
    """The chooser listed every body, youth forums too, and preselected none."""
    board, term = pack
    SubGroupFactory(name="Halton Youth Cabinet", reports_to=board, kind="youth_voice")
    group = SubGroupFactory(name="SEND Strategic Group", reports_to=board)
    PriorityAreaFactory(framework=PriorityArea.objects.first().framework, lead_board=group)
    ended = timezone.localdate() - datetime.timedelta(days=1)
    MembershipFactory(board=board, user=board_member, end_date=ended)
    MembershipFactory(board=group, user=board_member)
    sign_in(client, board_member)
    url = reverse("reporting:board_pack_chooser")
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for _ in range(5):
        PriorityAreaFactory(lead_board=SubGroupFactory(reports_to=board))
    with django_assert_num_queries(len(first)):
        response = client.get(url)
    labels, chosen = _board_choices(response)
    assert "Halton Youth Cabinet" not in response.content.decode()
    assert "Halton Children's Trust Board (Halton, 4 priorities)" in labels
    assert len(labels) == 3 + 5 + 5, "three boards, the five groups and their frameworks' boards"
    assert "SEND Strategic Group (Halton, 1 priority)" in labels
    assert chosen == group.pk, "the board the member sits on now"
    assert response.context["form"]["term"].value() == term.pk


def test_without_a_seat_the_chooser_preselects_the_top_board_most_priorities_report_to(
    board_member_client, pack
):
    """With no seat on a board, the chooser preselected nothing."""
    board, _ = pack
    response = board_member_client.get(reverse("reporting:board_pack_chooser"))
    labels, chosen = _board_choices(response)
    assert chosen == board.pk
    assert len(labels) == 2, "the pack's board and the other priority's board"


def test_a_pack_of_a_body_no_priority_reports_to_says_so(board_member_client, pack):
    """Halton Youth Cabinet's pack read "0 priorities" with an empty summary."""
    _, term = pack
    forum = BoardFactory(name="Halton Youth Cabinet", kind="youth_voice")
    page = board_member_client.get(reverse("reporting:board_pack", args=[forum.pk, term.pk]))
    text = page.content.decode()
    assert "No priorities report to Halton Youth Cabinet" in text
    assert "0 priorities" not in text


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


def test_the_summary_counts_every_indicator_by_its_direction(board_member_client, pack):
    """The summary said "0 improving, 0 worsening, 0 no change" of indicators with a direction."""
    board, term = pack
    area = PriorityArea.objects.get(title="Children in Care")
    for name, values in (
        ("Rising", ("50", "61")),
        ("Falling", ("70", "61")),
        ("Once", ("61",)),
        ("Never", ()),
    ):
        indicator = IndicatorFactory(priority_area=area, name=name)
        for year, value in zip((2023, 2024), values, strict=False):
            IndicatorValueFactory(indicator=indicator, period_label=str(year), value=value)
    response = board_member_client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
    rows = {
        row["title"]: row for row in (entry["summary"] for entry in response.context["entries"])
    }
    page = response.content.decode()
    assert "1 improving, 1 worsening, 1 no change, 2 not enough data" in page
    assert rows["Children in Care"]["indicator_count"] == 5
    assert "1 no change</td>" in page, "a priority's single level indicator is counted"
    assert "0 improving" not in page, "a way no indicator goes is left out"


def test_the_summary_judges_direction_by_each_indicators_polarity(board_member_client, pack):
    """West Cheshire's figures are counts where fewer is better and scores where more is: the
    pack's summary must read each way by the indicator's polarity, with England beside it."""
    board, term = pack
    area = PriorityArea.objects.get(title="Children in Care")
    for name, polarity, values in (
        ("Number of Children in Care (CiC)", "lower", ("483", "470")),
        ("Young people Not in Education, Employment or Training", "lower", ("246", "251")),
        ("Good Level of Development (EYFS)", "higher", ("71", "73")),
        ("Key Stage 4 Attainment 8 score", "higher", ("51.3", "50.1")),
        ("Children on a Child Protection Plan (CP)", "lower", ("263", "263")),
    ):
        indicator = IndicatorFactory(priority_area=area, name=name, polarity=polarity)
        for year, value in zip((2016, 2017), values, strict=True):
            IndicatorValueFactory(
                indicator=indicator, period_label=str(year), value=value, england="69"
            )
    response = board_member_client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
    # And the fixture's own indicator, level at 61.
    assert "2 improving, 2 worsening, 2 no change</td>" in response.content.decode()


def test_the_demo_packs_summary_counts_each_indicator_by_its_way(demo):
    """The demo's West Cheshire figures are one value each, the seed's: "not enough data", never
    "0 improving, 0 worsening, 0 no change"; Halton's good level of development went 37 to 61."""
    term = Term.objects.current()
    for member, board, title, reads in (
        (
            "halton",
            "Halton Children's Trust Board",
            "0-5 Development",
            "1 improving, 1 not enough data",
        ),
        (
            "westcheshire",
            "Children's Trust Executive",
            "Children in Care and Care Leavers",
            "3 not enough data",
        ),
    ):
        board = Board.objects.get(name=board)
        client = sign_in(Client(), get_user_model().objects.get(username=f"{member}-board"))
        response = client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
        rows = {
            entry["summary"]["title"]: entry["summary"] for entry in response.context["entries"]
        }
        assert (
            ", ".join(f"{w['count']} {w['direction']}" for w in rows[title]["directions"]) == reads
        )
        assert "0 improving" not in response.content.decode()


def _queued_packs() -> list[list[int]]:
    return sorted(
        result.args_kwargs["args"]
        for result in DBTaskResult.objects.filter(
            status="READY", task_path__endswith="render_board_pack"
        )
    )


def test_the_pdf_holds_every_priority(
    board_member_client, pack, weasyprint, run_jobs, django_capture_on_commit_callbacks
):
    from pypdf import PdfReader

    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    with django_capture_on_commit_callbacks(execute=True):
        with_the_worker = board_member_client.get(url)
    assert "The PDF of this board pack is being laid out" in with_the_worker.content.decode()
    run_jobs()
    response = board_member_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 5, "cover, contents, summary and a page per priority"
    for title in TITLES:
        assert title in text


def test_a_download_asks_the_worker_then_serves_the_kept_pdf(
    board_member_client, pack, counted_renders, run_jobs, django_capture_on_commit_callbacks
):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = board_member_client.get(url).content.decode()
    assert "Waiting for the background worker since 10:00" in page
    assert "none has been laid out yet" in page and "previous PDF" not in page
    assert counted_renders == [] and _queued_packs() == [[board.pk, term.pk]]
    assert run_jobs() == ["render_board_pack"]
    first = board_member_client.get(url).content
    second = board_member_client.get(url).content
    assert first == second == b"%PDF-1.7 pack 1"
    assert len(counted_renders) == 1
    assert bytes(BoardPackPdf.objects.get(board=board, term=term).pdf) == first


def test_a_download_while_asked_for_does_not_ask_again(
    board_member_client, pack, counted_renders, django_capture_on_commit_callbacks
):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            board_member_client.get(url)
    assert _queued_packs() == [[board.pk, term.pk]]


def test_a_download_asks_again_when_the_worker_has_not_answered_for_a_while(
    board_member_client, pack, counted_renders, django_capture_on_commit_callbacks
):
    """A job that gave up leaves the pack asked for and never laid out: ask again later."""
    board, term = pack
    asked = timezone.now() - board_pack.ASK_AGAIN_AFTER - datetime.timedelta(minutes=1)
    BoardPackRender.objects.create(board=board, term=term, requested_at=asked)
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = board_member_client.get(url).content.decode()
    assert "Waiting for the background worker since 10:00" in page
    assert _queued_packs() == [[board.pk, term.pk]]
    assert BoardPackRender.objects.get(board=board, term=term).requested_at == timezone.now()


def test_while_laid_out_the_page_says_since_when_and_offers_the_previous_pdf(
    board_member_client, pack, counted_renders
):
    board, term = pack
    BoardPackPdfFactory(board=board, term=term, pdf=b"%PDF-1.7 last week's pack")
    started = timezone.now() - datetime.timedelta(minutes=3)
    BoardPackRender.objects.create(
        board=board, term=term, requested_at=started, started_at=started, html_sha256="a" * 64
    )
    page = board_member_client.get(reverse("reporting:board_pack_pdf", args=[board.pk, term.pk]))
    text = page.content.decode()
    assert page["Content-Type"].startswith("text/html")
    assert f"Being laid out since 09:57 on {timezone.localdate():%-d %B %Y}" in text
    previous_url = reverse("reporting:board_pack_previous_pdf", args=[board.pk, term.pk])
    assert f'href="{previous_url}"' in text and "Download the previous PDF" in text
    previous = board_member_client.get(previous_url)
    assert previous.content == b"%PDF-1.7 last week's pack"
    assert "-previous.pdf" in previous["Content-Disposition"]
    assert counted_renders == []


def test_no_previous_pdf_answers_404(board_member_client, pack):
    board, term = pack
    url = reverse("reporting:board_pack_previous_pdf", args=[board.pk, term.pk])
    assert board_member_client.get(url).status_code == 404


def test_a_changed_pack_is_laid_out_again_by_the_worker(
    board_member_client, pack, counted_renders, run_jobs, django_capture_on_commit_callbacks
):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    board_pack.lay_out_board_pack(board=board, term=term)
    assert board_member_client.get(url).content == b"%PDF-1.7 pack 1"
    # The third priority has no submitted report: its section follows the plan live.
    ActionFactory(
        priority_area=PriorityArea.objects.get(title="Children in Care"), title="A new action"
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = board_member_client.get(url).content.decode()
    assert "being laid out" in page and "Download the previous PDF" in page
    run_jobs()
    assert board_member_client.get(url).content == b"%PDF-1.7 pack 2"
    assert len(counted_renders) == 2 and counted_renders[0] != counted_renders[1]
    assert BoardPackPdf.objects.filter(board=board, term=term).count() == 1


def test_the_job_run_twice_lays_the_pack_out_once(pack, counted_renders, run_jobs):
    board, term = pack
    from reporting.jobs import render_board_pack

    first = render_board_pack.enqueue(board.pk, term.pk)
    second = render_board_pack.enqueue(board.pk, term.pk)
    run_jobs()
    first.refresh()
    second.refresh()
    assert sorted([first.return_value, second.return_value]) == ["rendered", "unchanged"]
    assert len(counted_renders) == 1


def test_a_pack_another_worker_is_laying_out_is_tried_again_later(
    pack, counted_renders, run_jobs, clock
):
    board, term = pack
    from reporting.jobs import render_board_pack

    BoardPackRender.objects.create(
        board=board,
        term=term,
        requested_at=timezone.now(),
        started_at=timezone.now(),
        html_sha256="older content",
    )
    result = render_board_pack.enqueue(board.pk, term.pk)
    run_jobs()
    result.refresh()
    assert result.return_value == "busy" and counted_renders == []
    assert _queued_packs() == [[board.pk, term.pk]], "again, a minute later"
    BoardPackRender.objects.update(started_at=None)  # the other worker finished
    assert run_jobs() == [], "not yet due"
    clock.shift(datetime.timedelta(minutes=2))
    assert run_jobs() == ["render_board_pack"]
    assert len(counted_renders) == 1


def test_a_worker_that_died_mid_layout_is_taken_over(pack, counted_renders):
    board, term = pack
    long_ago = timezone.now() - board_pack.LAYOUT_LEASE - datetime.timedelta(minutes=1)
    BoardPackRender.objects.create(
        board=board, term=term, requested_at=long_ago, started_at=long_ago, html_sha256="x"
    )
    assert board_pack.lay_out_board_pack(board=board, term=term) == board_pack.LayOut.RENDERED
    state = BoardPackRender.objects.get(board=board, term=term)
    assert state.started_at is None and state.finished_at == timezone.now()


def test_a_failed_layout_frees_the_pack_for_the_next_attempt(pack, monkeypatch):
    board, term = pack

    def broken(source):
        raise RuntimeError("Pango ran out of memory")

    monkeypatch.setattr(board_pack, "lay_out_pdf", broken)
    with pytest.raises(RuntimeError):
        board_pack.lay_out_board_pack(board=board, term=term)
    assert BoardPackRender.objects.get(board=board, term=term).started_at is None
    assert not BoardPackPdf.objects.exists()


def test_no_request_lays_out_a_pdf(
    client, pack, administrator, monkeypatch, django_capture_on_commit_callbacks
):
    """Submitting, correcting and presenting a report, and every board pack URL, only enqueue."""
    board, term = pack
    laid_out_in_a_request = []

    def refuse(source):
        laid_out_in_a_request.append(source)
        raise AssertionError("a PDF was laid out inside a request")

    monkeypatch.setattr(board_pack, "lay_out_pdf", refuse)
    monkeypatch.setattr(pack_layout, "html_pdf", refuse)
    BoardPackPdfFactory(board=board, term=term)
    sign_in(client, administrator)
    draft = TermlyReportFactory(
        priority_area=PriorityArea.objects.get(title="Children in Care"), term=term
    )
    submitted = TermlyReport.objects.filter(status="submitted").first()
    item = AgendaItemFactory(meeting=MeetingFactory(board=board))
    pack_urls = [
        reverse("reporting:board_pack_chooser"),
        reverse("reporting:board_pack", args=[board.pk, term.pk]),
        reverse("reporting:board_pack_pdf", args=[board.pk, term.pk]),
        reverse("reporting:board_pack_previous_pdf", args=[board.pk, term.pk]),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.post(reverse("reporting:report_submit", args=[draft.pk])),
            client.post(reverse("reporting:report_new_version", args=[submitted.pk])),
            client.post(
                reverse("reporting:report_present", args=[submitted.pk]),
                {"agenda_item": item.pk},
            ),
            *(client.get(url) for url in pack_urls),
        ]
    assert [r.status_code for r in responses] == [302, 302, 302, 200, 200, 200, 200]
    assert laid_out_in_a_request == []
    assert TermlyReport.objects.get(pk=draft.pk).status == "submitted"
    assert TermlyReport.objects.get(pk=submitted.pk).status == "presented"
    assert [board.pk, term.pk] in _queued_packs(), "each of them asked the worker instead"


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


def test_render_board_packs_can_leave_the_work_to_the_workers(
    pack, counted_renders, django_capture_on_commit_callbacks
):
    board, term = pack
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("render_board_packs", "--enqueue", stdout=out)
    assert "Enqueued 2 board packs" in out.getvalue()
    assert [board.pk, term.pk] in _queued_packs() and counted_renders == []


def test_the_page_has_contents_and_a_way_back_to_them_after_each_priority(
    board_member_client, pack
):
    """The board pack was one long scroll: nothing led back to its contents from a priority."""
    board, term = pack
    response = board_member_client.get(reverse("reporting:board_pack", args=[board.pk, term.pk]))
    page = response.content.decode()
    start = page.index('<nav aria-label="Contents" class="pack-contents" id="contents">')
    contents = page[start : page.index("</nav>", start)]
    sections = page.split('<section class="pack-part pack-priority" id="')[1:]
    assert len(sections) == len(TITLES)
    for section in sections:
        anchor = section.split('"')[0]
        assert f'href="#{anchor}"' in contents, "the contents jump to each priority"
        assert '<a href="#contents">Back to contents' in section
