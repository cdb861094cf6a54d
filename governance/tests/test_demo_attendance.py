"""The demo's attendance: every past meeting recorded, one inquorate, a substitute, interests."""

import pytest
from django.utils import timezone

from governance.attendance_models import Attendance, Declaration, Interest
from governance.models import Meeting
from governance.quorum import meeting_quorum, prefetch_for_quorum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_every_past_meeting_has_attendance_and_one_was_inquorate():
    past = list(
        Meeting.objects.filter(starts_at__lt=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("board")
    )
    prefetch_for_quorum(past)
    quorums = {meeting: meeting_quorum(meeting) for meeting in past}
    assert all(quorum.recorded for quorum in quorums.values())
    inquorate = [meeting.board.name for meeting, q in quorums.items() if q.quorate is False]
    assert inquorate == ["Children's Trust Executive"]


def test_a_substitute_interests_and_declarations():
    substitute = Attendance.objects.get(status=Attendance.Status.SUBSTITUTE)
    assert substitute.substitute_organisation == substitute.membership.organisation
    assert Interest.objects.filter(organisation_name="Brightpath Short Breaks Ltd").exists()
    assert Declaration.objects.filter(left_room=False).count() == 1
