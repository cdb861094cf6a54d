"""The meeting pack: one PDF of a meeting's agenda, the last meeting's minutes, matters arising
and the termly reports on its agenda, laid out by the background worker, never by a request."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from governance.models import Meeting
from governance.tests.factories import AgendaItemFactory, DecisionFactory, MeetingFactory
from reporting.models import TermlyReport
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

LAST_MINUTES = "The Board approved the Commissioning Framework and its six priorities."
MATTER_ARISING = "Bring a costed business case for the two Early Help teams."


@pytest.fixture
def meeting(pack):
    board, _ = pack
    now = timezone.now()
    earlier = MeetingFactory(board=board, starts_at=now - datetime.timedelta(days=90))
    previous = MeetingFactory(
        board=board, starts_at=now - datetime.timedelta(days=30), minutes=LAST_MINUTES
    )
    DecisionFactory(meeting=earlier, text=MATTER_ARISING)
    DecisionFactory(meeting=previous, text="Refresh the sufficiency statement.", status="done")
    upcoming = MeetingFactory(
        board=board,
        starts_at=now + datetime.timedelta(days=14),
        status=Meeting.Status.PLANNED,
        minutes="",
    )
    AgendaItemFactory(meeting=upcoming, order=1, title="Apologies and declarations")
    AgendaItemFactory(meeting=upcoming, order=2, title="Termly review of 0-5 Development")
    return upcoming


def _attach(client, meeting: Meeting, title: str):
    item = meeting.agenda_items.get(order=2)
    report = TermlyReport.objects.get(priority_area__title=title)
    return client.post(
        reverse("reporting:agenda_item_report", args=[item.pk]), {"report": report.pk}
    )


def _pack_url(meeting: Meeting) -> str:
    return reverse("reporting:meeting_pack_pdf", args=[meeting.pk])


def test_the_worker_builds_the_pack_with_the_agenda_minutes_matters_and_report(
    meeting,
    administrator_client,
    board_member_client,
    weasyprint,
    run_jobs,
    django_capture_on_commit_callbacks,
):
    from pypdf import PdfReader

    response = _attach(administrator_client, meeting, "0-5 Development")
    assert response.status_code == 302
    page = administrator_client.get(response["Location"]).content.decode()
    assert "is on the agenda as item 2" in page
    with django_capture_on_commit_callbacks(execute=True):
        waiting = board_member_client.get(_pack_url(meeting))
    assert "The meeting pack is being prepared" in waiting.content.decode()
    assert run_jobs() == ["render_meeting_pack"]
    response = board_member_client.get(_pack_url(meeting))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 3, "cover, agenda and minutes, the report"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        "Meeting pack",
        "Apologies and declarations",
        "Termly review of 0-5 Development",
        "Minutes of the last meeting",
        LAST_MINUTES,
        "Matters arising",
        MATTER_ARISING,
        "Termly report: 0-5 Development",
    ):
        assert expected in text, expected
    assert "Refresh the sufficiency statement" not in text  # done: not a matter arising


def test_a_request_never_lays_the_pack_out_and_a_change_asks_again(
    meeting, board_member_client, counted_renders, run_jobs, django_capture_on_commit_callbacks
):
    url = _pack_url(meeting)
    # Each request commits on its own, so the second sees what the first asked for.
    with django_capture_on_commit_callbacks(execute=True):
        board_member_client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        again = board_member_client.get(url).content.decode()
    assert "Waiting for the background worker" in again
    assert counted_renders == []
    queued = DBTaskResult.objects.filter(task_path__endswith="render_meeting_pack")
    assert queued.count() == 1, "asked once, not once per look"
    run_jobs()
    first = board_member_client.get(url).content
    assert first == b"%PDF-1.7 pack 1" == board_member_client.get(url).content
    AgendaItemFactory(meeting=meeting, order=3, title="Any other business")
    with django_capture_on_commit_callbacks(execute=True):
        changed = board_member_client.get(url).content.decode()
    assert "Its content has changed since the PDF laid out" in changed
    run_jobs()
    assert board_member_client.get(url).content == b"%PDF-1.7 pack 2"


def test_only_reports_of_priorities_the_board_receives_can_be_attached(
    meeting, administrator_client
):
    other = TermlyReportFactory(priority_area__title="Another partnership's board priority")
    item = meeting.agenda_items.get(order=2)
    url = reverse("reporting:agenda_item_report", args=[item.pk])
    form = administrator_client.get(url).context["form"]
    titles = {report.priority_area.title for report in form.fields["report"].queryset}
    assert titles == {"0-5 Development", "Early Intervention"}
    response = administrator_client.post(url, {"report": other.pk})
    assert response.status_code == 200 and "report" in response.context["form"].errors
    assert not TermlyReport.objects.filter(agenda_item=item).exists()


def test_a_board_member_cannot_attach_a_report(meeting, board_member_client):
    response = _attach(board_member_client, meeting, "0-5 Development")
    assert response.status_code == 403
