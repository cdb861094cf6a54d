"""Reads and writes of meetings' attendance, and the pages that show it."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone

from core.partnerships import scope
from governance.attendance_models import Attendance, Declaration, Interest, is_voting
from governance.models import Meeting, Membership, Organisation
from governance.quorum import (
    flag_decisions,
    is_current_on,
    meeting_date,
    meeting_quorum,
    members_on,
    prefetch_for_quorum,
)

# How far back a membership page reads its member's attendance.
ATTENDANCE_PERIOD = timedelta(days=365)


class AttendanceConflict(ValidationError):
    """Someone recorded the meeting's attendance since this form was opened."""


@dataclass
class AttendanceRow:
    """One member's line of the "record attendance" form."""

    membership: Membership
    status: str
    substitute_name: str = ""
    substitute_organisation: Organisation | None = None
    expected_version: int = 0  # 0: nothing was recorded for them when the form was opened


def attendance_by_member(meeting: Meeting) -> dict[int, Attendance]:
    return {attendance.membership_id: attendance for attendance in meeting.attendances.all()}


@transaction.atomic
def attendance_record(*, meeting: Meeting, rows: list[AttendanceRow]) -> list[Attendance]:
    """Record each member's attendance at a meeting, refusing (AttendanceConflict) the whole
    form if someone recorded any of its rows meanwhile."""
    existing = {
        a.membership_id: a for a in Attendance.objects.select_for_update().filter(meeting=meeting)
    }
    saved = []
    for row in rows:
        attendance = existing.get(row.membership.pk)
        found_version = attendance.version if attendance else 0
        if found_version != row.expected_version:
            raise AttendanceConflict(
                "Someone recorded this meeting's attendance while you were editing it: the "
                "form now shows what they recorded. Make your changes again."
            )
        values = {
            "status": row.status,
            "substitute_name": row.substitute_name,
            "substitute_organisation": row.substitute_organisation,
        }
        if attendance is None:
            attendance = Attendance(meeting=meeting, membership=row.membership, **values)
        elif all(getattr(attendance, name) == value for name, value in values.items()):
            saved.append(attendance)
            continue
        else:
            for name, value in values.items():
                setattr(attendance, name, value)
            attendance.version += 1
        attendance.full_clean()
        attendance.save()
        saved.append(attendance)
    return saved


def meeting_for_attendance(user) -> QuerySet[Meeting]:
    """Meetings of the user's partnership with what the attendance form reads."""
    return (
        scope(Meeting.objects, user)
        .select_related("board")
        .prefetch_related(
            Prefetch(
                "board__memberships", queryset=Membership.objects.select_related("organisation")
            ),
            "attendances",
        )
    )


def meeting_page_data(meeting: Meeting) -> dict:
    """The quorum, attendance and declarations the meeting page shows, and the flags on its
    decisions: a fixed number of queries whatever the board's size."""
    prefetch_for_quorum([meeting])
    prefetch_related_objects(
        [meeting],
        Prefetch(
            "agenda_items__declarations",
            queryset=Declaration.objects.select_related(
                "membership__organisation", "interest__organisation"
            ),
        ),
    )
    quorum = meeting_quorum(meeting)
    recorded = attendance_by_member(meeting)
    flag_decisions(meeting.decisions.all(), quorums={meeting.pk: quorum})
    return {
        "quorum": quorum,
        "attendance_rows": [
            (membership, recorded.get(membership.pk), is_voting(membership))
            for membership in members_on(meeting)
        ],
    }


def membership_for_page(user) -> QuerySet[Membership]:
    """Memberships of the user's partnership with their board (and its recording seats, for the
    edit rule), organisation and register of interests."""
    return (
        scope(Membership.objects, user)
        .select_related("board", "organisation", "user")
        .prefetch_related(
            "board__memberships",
            Prefetch("interests", queryset=Interest.objects.select_related("organisation")),
        )
    )


@dataclass
class AttendanceLine:
    meeting: Meeting
    attendance: Attendance | None


def membership_page_data(membership: Membership) -> dict:
    """The member's attendance at their board's meetings over the last year (while they held
    the seat), its rate, and the interests they declared."""
    today = timezone.localdate()
    meetings = (
        membership.board.meetings.exclude(status=Meeting.Status.CANCELLED)
        .filter(starts_at__date__gte=today - ATTENDANCE_PERIOD, starts_at__lte=timezone.now())
        .prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.filter(membership=membership))
        )
        .order_by("-starts_at")
    )
    lines = [
        AttendanceLine(meeting, next(iter(meeting.attendances.all()), None))
        for meeting in meetings
        if is_current_on(membership, meeting_date(meeting))
    ]
    recorded = [line for line in lines if line.attendance is not None]
    attended = [line for line in recorded if line.attendance.counts_present]
    declarations = membership.declarations.select_related(
        "agenda_item__meeting", "interest__organisation"
    ).order_by("-agenda_item__meeting__starts_at", "pk")
    return {
        "attendance_lines": lines,
        "attended_count": len(attended),
        "recorded_count": len(recorded),
        "attendance_rate": round(100 * len(attended) / len(recorded)) if recorded else None,
        "declarations": list(declarations),
        "is_voting": is_voting(membership),
    }
