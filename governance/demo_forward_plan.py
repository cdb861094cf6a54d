"""Load the boards' forward plans (governance/demo/forward_plan.yaml) over whatever demo meetings
the boards have; a second run adds nothing."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.seed_files import read_seed
from governance.forward_plan.models import ForwardPlanEntry
from governance.models import Board, Decision, Meeting


def _meeting(board: Board, where: dict) -> Meeting | None:
    """The board's n-th meeting ahead of today (`next`) or back from today (`past`)."""
    now = timezone.now()
    meetings = board.meetings.exclude(status=Meeting.Status.CANCELLED)
    if "next" in where:
        found = meetings.filter(starts_at__gte=now).order_by("starts_at")
        index = where["next"]
    else:
        found = meetings.filter(starts_at__lt=now).order_by("-starts_at")
        index = where["past"]
    return found[index : index + 1].first()


def _decision(board: Board, starts_with: str | None) -> Decision | None:
    """The board's decision whose text starts so, wherever the demo meetings put it."""
    if not starts_with:
        return None
    return Decision.objects.filter(meeting__board=board, text__startswith=starts_with).first()


def load() -> int:
    """Create the entries that are missing, matched by board and title."""
    created = 0
    users = {user.username: user for user in get_user_model().objects.all()}
    today = timezone.localdate()
    for row in read_seed("governance", "forward_plan")["entries"]:
        board = Board.objects.filter(name=row["board"]).first()
        lead = users.get(row["lead"])
        if board is None or lead is None:
            continue
        decision = _decision(board, row.get("decision"))
        meeting = decision.meeting if decision else _meeting(board, row["meeting"])
        if meeting is not None:
            expected_on = timezone.localdate(meeting.starts_at)
            month = None
        else:
            expected_on = (today + timedelta(days=31 * row["months_ahead"])).replace(day=1)
            month = expected_on
        _, new = ForwardPlanEntry.objects.get_or_create(
            board=board,
            title=row["title"],
            defaults={
                "description": row["description"],
                "expected_meeting": meeting,
                "expected_month": month,
                "lead": lead,
                "reports": row["reports"],
                "access": row["access"],
                "private_reason": row["private_reason"],
                "consultation": row["consultation"],
                "published_on": expected_on - timedelta(days=row["notice_days"]),
                "decision": decision,
            },
        )
        created += new
    return created
