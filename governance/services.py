"""Writes of the governance app: every create and change goes through here."""

from datetime import date, datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import formats, timezone

from core.edit_conflicts import locked_for_edit, save_edit
from governance.models import AgendaItem, Board, Decision, Meeting

Versioned = TypeVar("Versioned", Meeting, Decision)


class StaleEditError(ValidationError):
    """Someone else saved the record after the editor opened it; nothing was saved."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message, code="stale")
        self.current_version = current_version


def _shown(instance: models.Model, name: str, value: Any) -> str:
    """A field's value as a page shows it: choice labels, British dates, "empty"."""
    if value in (None, ""):
        return "empty"
    model_field = instance._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    text = str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _stale_message(saved: models.Model, changes: dict[str, Any]) -> str:
    label = saved._meta.verbose_name
    differences = [
        f"{saved._meta.get_field(name).verbose_name.capitalize()} is now "
        f"“{_shown(saved, name, getattr(saved, name))}” (you sent “{_shown(saved, name, value)}”)"
        for name, value in changes.items()
        if getattr(saved, name) != value
    ]
    what = "; ".join(differences) if differences else "its saved values now match yours"
    return (
        f"Someone else saved this {label} while you were editing it, so your changes were not "
        f"saved. Changed meanwhile: {what}. Check the form and save again to keep your version."
    )


def _versioned_update(
    model: type[Versioned], *, pk: int, expected_version: int, changes: dict[str, Any]
) -> Versioned:
    """Apply `changes` only if the row is still at `expected_version`; bump the version."""

    def stale(saved: Versioned) -> StaleEditError:
        return StaleEditError(_stale_message(saved, changes), current_version=saved.version)

    saved = locked_for_edit(model, pk=pk, expected_version=expected_version, conflict=stale)
    return save_edit(saved, changes)


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
    """Change a meeting's details or minutes, refusing a stale edit."""
    return _versioned_update(
        Meeting, pk=meeting.pk, expected_version=expected_version, changes=changes
    )


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
    """Change a decision's text, owner, due date or status, refusing a stale edit."""
    return _versioned_update(
        Decision, pk=decision.pk, expected_version=expected_version, changes=changes
    )
