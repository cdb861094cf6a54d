"""Matters arising: what earlier meetings of a board decided that is not done yet, and the
records arising from it that other apps report (governance.subjects providers), listed on
each later meeting of the board until done."""

from django.db.models import QuerySet

from governance.models import Decision, Meeting
from governance.subjects import MatterArising, matters_arising_providers


def earlier_decisions(meeting: Meeting) -> QuerySet[Decision]:
    """Every decision taken at the board's meetings before this one."""
    return Decision.objects.filter(
        meeting__board_id=meeting.board_id, meeting__starts_at__lt=meeting.starts_at
    )


def _decision_row(decision: Decision) -> MatterArising:
    return MatterArising(
        kind="Decision",
        title=str(decision),
        status=decision.get_status_display(),
        owner=decision.owner_name,
        due_date=decision.due_date,
        url=decision.get_absolute_url(),
        arising_from=decision,
        is_overdue=decision.is_overdue,
    )


def matters_arising(meeting: Meeting) -> list[MatterArising]:
    """Open decisions of the board's earlier meetings, oldest first, each followed by the open
    records arising from any earlier decision: one query here, and one per provider."""
    earlier = earlier_decisions(meeting)
    open_decisions = (
        earlier.filter(status=Decision.Status.OPEN)
        .select_related("meeting__board", "owner_user", "owner_organisation")
        .order_by("meeting__starts_at", "pk")
    )
    rows = [_decision_row(decision) for decision in open_decisions]
    arising: list[MatterArising] = []
    for provider in matters_arising_providers():
        arising.extend(provider(earlier))
    by_decision: dict[int, list[MatterArising]] = {}
    for row in arising:
        by_decision.setdefault(row.arising_from.pk, []).append(row)
    ordered: list[MatterArising] = []
    for row in rows:
        ordered.append(row)
        ordered.extend(by_decision.pop(row.arising_from.pk, []))
    for rest in by_decision.values():  # records of decisions since done, still open themselves
        ordered.extend(rest)
    return ordered
