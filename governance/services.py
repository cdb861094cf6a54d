"""Writes of the governance app: every create and change goes through here."""

from datetime import date, datetime
from typing import Any

from django.db import models, transaction
from django.db.models import Max

from core.edit_conflicts import locked_for_edit, save_edit
from governance.models import AgendaItem, Board, Decision, Meeting


@transaction.atomic
def meeting_create(
    *,
    board: Board,
    starts_at: datetime,
    location: str = "",
    status: str = Meeting.Status.PLANNED,
    minutes: str = "",
) -> Meeting:
    """Schedule (or record) a meeting of a board."""
    meeting = Meeting(
        board=board, starts_at=starts_at, location=location, status=status, minutes=minutes
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_version: int, **changes: Any) -> Meeting:
    """Change a meeting's details or minutes, refusing (EditConflict) the save if it changed
    since `expected_version` was read."""
    current = locked_for_edit(Meeting, pk=meeting.pk, expected_version=expected_version)
    return save_edit(current, changes)


def _next_agenda_number(meeting: Meeting) -> int:
    highest = meeting.agenda_items.aggregate(highest=Max("order"))["highest"]
    return (highest or 0) + 1


@transaction.atomic
def agenda_item_create(
    *,
    meeting: Meeting,
    title: str,
    presenter: str = "",
    paper_url: str = "",
    order: int | None = None,
) -> AgendaItem:
    """Add an item to a meeting's agenda, by default at the end."""
    item = AgendaItem(
        meeting=meeting,
        title=title,
        presenter=presenter,
        paper_url=paper_url,
        order=order or _next_agenda_number(meeting),
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, expected_version: int | None = None, **changes: Any
) -> AgendaItem:
    """Change an agenda item's number, title, presenter or paper link, refusing (EditConflict)
    the save if it changed since `expected_version` was read; without one, the edit applies to
    the item as it is now."""
    current = locked_for_edit(AgendaItem, pk=item.pk, expected_version=expected_version)
    return save_edit(current, changes)


@transaction.atomic
def decision_create(
    *,
    meeting: Meeting,
    text: str,
    owner: str,
    due_date: date | None = None,
    status: str = Decision.Status.OPEN,
    concerns: models.Model | None = None,
) -> Decision:
    """Record a decision taken at a meeting."""
    decision = Decision(meeting=meeting, text=text, owner=owner, due_date=due_date, status=status)
    if concerns is not None:
        decision.concerns = concerns
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, expected_version: int, **changes: Any) -> Decision:
    """Change a decision's text, owner, due date or status, refusing (EditConflict) the save if
    it changed since `expected_version` was read."""
    current = locked_for_edit(Decision, pk=decision.pk, expected_version=expected_version)
    return save_edit(current, changes)
