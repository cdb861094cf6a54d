"""The meeting pack: one PDF of a meeting's papers, laid out by the task worker.

It holds a cover, the agenda, the minutes of the board's last meeting before this one, the
matters arising (the board's decisions from earlier meetings still open) and each termly report
attached to an item of the agenda. Laid out as the board pack is (reporting.board_pack): the
HTML is hashed, and a download serves the kept PDF while the content is unchanged, else asks the
worker (`render_meeting_pack`) and says the pack is being prepared.
"""

import datetime
import hashlib
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from governance.models import AgendaItem, Decision, Meeting
from reporting import selectors
from reporting.assemble import EXCEPTIONS_SHOWN
from reporting.board_pack import ASK_AGAIN_AFTER, Download, LayOut, render_pdf
from reporting.charts import with_charts
from reporting.models import MeetingPackPdf, TermlyReport


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The board's last meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(board_id=meeting.board_id, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def matters_arising(meeting: Meeting) -> list[Decision]:
    """The board's decisions taken at earlier meetings and still open, oldest first."""
    return list(
        Decision.objects.filter(
            meeting__board_id=meeting.board_id,
            meeting__starts_at__lt=meeting.starts_at,
            status=Decision.Status.OPEN,
        )
        .select_related("meeting", "owner_user", "owner_organisation")
        .order_by("meeting__starts_at", "pk")
    )


def attached_reports(meeting: Meeting) -> list[TermlyReport]:
    """The termly reports on the meeting's agenda, in the agenda's order."""
    return list(
        TermlyReport.objects.filter(agenda_item__meeting=meeting)
        .select_related("priority_area__framework", "term", "agenda_item")
        .order_by("agenda_item__order", "priority_area__order", "pk")
    )


def _report_entry(report: TermlyReport) -> dict[str, Any]:
    # The pack lists each report's most urgent exceptions, as the report's page does.
    content = with_charts(selectors.report_content(report, exceptions_shown=EXCEPTIONS_SHOWN))
    return {
        "report": report,
        "content": content,
        "summary": {
            "anchor": f"report-{report.pk}",
            "status": report.get_status_display(),
            "item": report.agenda_item,
        },
    }


def meeting_pack_context(*, meeting: Meeting) -> dict[str, Any]:
    """What the pack shows, read in a fixed number of queries."""
    items = AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk")
    meeting = (
        Meeting.objects.select_related("board__partnership")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items),
            "agenda_items__termly_reports__priority_area",
            "agenda_items__termly_reports__term",
        )
        .get(pk=meeting.pk)
    )
    return {
        "meeting": meeting,
        "board": meeting.board,
        "previous": previous_meeting(meeting),
        "matters_arising": matters_arising(meeting),
        "entries": [_report_entry(report) for report in attached_reports(meeting)],
    }


def meeting_pack_html(*, meeting: Meeting) -> tuple[str, str]:
    """The HTML the pack is laid out from, and its SHA-256: an agenda item, the last minutes,
    a decision's status or an attached report changed each change it."""
    html = render_to_string(
        "reporting/meeting_pack_pdf.html", meeting_pack_context(meeting=meeting)
    )
    return html, hashlib.sha256(html.encode()).hexdigest()


def lay_out_meeting_pack(*, meeting: Meeting) -> LayOut:
    """Lay the pack out and keep it, unless the kept one is of the same content: the work of
    the `render_meeting_pack` job, never of a request. Idempotent: two workers laying out the
    same content keep the same bytes."""
    html, html_sha256 = meeting_pack_html(meeting=meeting)
    kept = MeetingPackPdf.objects.filter(meeting=meeting).first()
    if kept is not None and kept.pdf is not None and kept.html_sha256 == html_sha256:
        return LayOut.UNCHANGED
    pdf = render_pdf(html)
    MeetingPackPdf.objects.update_or_create(
        meeting=meeting,
        defaults={"html_sha256": html_sha256, "pdf": pdf, "rendered_at": timezone.now()},
    )
    return LayOut.RENDERED


def _asked_lately(kept: MeetingPackPdf | None, now: datetime.datetime) -> bool:
    if kept is None or kept.requested_at is None:
        return False
    finished_since = kept.rendered_at is not None and kept.rendered_at >= kept.requested_at
    return not finished_since and kept.requested_at >= now - ASK_AGAIN_AFTER


def meeting_pack_download(*, meeting: Meeting) -> Download:
    """The kept PDF when it is of the pack's current content; else since when it has been
    asked for, asking the worker now if nobody has lately. Never lays a PDF out itself."""
    _, html_sha256 = meeting_pack_html(meeting=meeting)
    kept = MeetingPackPdf.objects.filter(meeting=meeting).first()
    if kept is not None and kept.pdf is not None and kept.html_sha256 == html_sha256:
        return Download(pdf=bytes(kept.pdf))
    previous_rendered_at = kept.rendered_at if kept is not None and kept.pdf else None
    now = timezone.now()
    if _asked_lately(kept, now):
        requested_at = kept.requested_at
    else:
        ask_for_meeting_pack(meeting=meeting)
        requested_at = now
    return Download(pdf=None, requested_at=requested_at, previous_rendered_at=previous_rendered_at)


def ask_for_meeting_pack(*, meeting: Meeting) -> None:
    """Once the current transaction commits, record that the pack is asked for and enqueue the
    job that lays it out."""

    def enqueue() -> None:
        # Imported here: the job module imports this one.
        from reporting.jobs import render_meeting_pack

        MeetingPackPdf.objects.update_or_create(
            meeting=meeting, defaults={"requested_at": timezone.now()}
        )
        render_meeting_pack.enqueue(meeting.pk)

    transaction.on_commit(enqueue)


def previous_meeting_pack_pdf(*, meeting: Meeting) -> MeetingPackPdf | None:
    """The kept PDF, whatever content it was laid out from."""
    return MeetingPackPdf.objects.filter(meeting=meeting, pdf__isnull=False).first()
