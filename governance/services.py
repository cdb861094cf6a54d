"""Writes of the governance app: every create and change goes through here."""

from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from core.edit_conflicts import locked_for_edit, save_edit
from core.models import Kind
from core.notifications.emails import announce
from governance.models import AgendaItem, Board, Decision, Meeting, Membership
from governance.selectors import current_memberships


@transaction.atomic
def board_create(
    *,
    partnership,
    name: str,
    kind: str,
    reports_to: Board | None = None,
    purpose: str = "",
    meeting_frequency: str = "",
    is_active: bool = True,
) -> Board:
    """Add a board or group to a partnership's structure; its reporting line is checked."""
    board = Board(
        partnership=partnership,
        name=name,
        kind=kind,
        reports_to=reports_to,
        purpose=purpose,
        meeting_frequency=meeting_frequency,
        is_active=is_active,
    )
    board.full_clean()
    board.save()
    return board


@transaction.atomic
def board_update(*, board: Board, expected_version: int, **changes: Any) -> Board:
    """Change a board's details or reporting line (never into a loop: Board.clean), refusing
    (EditConflict) the save if it changed since `expected_version` was read."""
    current = locked_for_edit(Board, pk=board.pk, expected_version=expected_version)
    return save_edit(current, changes)


def _person_name(person_name: str, user) -> str:
    """The name the board's papers show: as typed, else the account's full name."""
    if person_name.strip() or user is None:
        return person_name.strip()
    return user.get_full_name() or user.get_username()


@transaction.atomic
def membership_create(
    *,
    board: Board,
    organisation,
    start_date: date,
    person_name: str = "",
    user=None,
    role: str = Membership.Role.MEMBER,
    end_date: date | None = None,
) -> Membership:
    """Give someone (a user of the product, or a person named as the papers name them) a seat
    on a board for an organisation, from a date."""
    membership = Membership(
        board=board,
        person_name=_person_name(person_name, user),
        user=user,
        role=role,
        organisation=organisation,
        start_date=start_date,
        end_date=end_date,
    )
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_update(
    *, membership: Membership, expected_version: int, **changes: Any
) -> Membership:
    """Change a membership's person, seat, organisation or dates, refusing (EditConflict) the
    save if it changed since `expected_version` was read."""
    current = locked_for_edit(Membership, pk=membership.pk, expected_version=expected_version)
    if "person_name" in changes:
        changes["person_name"] = _person_name(changes["person_name"], changes.get("user"))
    return save_edit(current, changes)


@transaction.atomic
def membership_end(*, membership: Membership, expected_version: int, end_date: date) -> Membership:
    """End a membership on a date (not before it started), refusing (EditConflict) a stale
    page; the seat then shows among the board's past members."""
    current = locked_for_edit(Membership, pk=membership.pk, expected_version=expected_version)
    return save_edit(current, {"end_date": end_date})


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


@transaction.atomic
def meeting_publish_papers(*, meeting: Meeting, expected_version: int) -> Meeting:
    """Publish a meeting's papers, refusing (EditConflict) a stale page, and tell the board's
    current members who have an account; publishing again is refused and tells nobody twice."""
    current = locked_for_edit(Meeting, pk=meeting.pk, expected_version=expected_version)
    if current.papers_published:
        local = timezone.localtime(current.papers_published_at)
        raise ValidationError(f"The papers were already published on {local:%-d %B %Y at %H:%M}.")
    save_edit(current, {"papers_published_at": timezone.now()})
    members = get_user_model().objects.filter(
        pk__in=current_memberships()
        .filter(board_id=current.board_id, user__isnull=False)
        .values("user_id")
    )
    announce(
        recipients=members,
        kind=Kind.PAPERS_PUBLISHED,
        key=f"meeting:{current.pk}",
        message=f"Papers published for the {current.board.name} meeting of "
        f"{timezone.localtime(current.starts_at):%-d %B %Y}.",
        about=current,
    )
    return current


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
    agenda_item: AgendaItem | None = None,
) -> Decision:
    """Record a decision taken at a meeting, on one of its agenda items if given."""
    decision = Decision(
        meeting=meeting,
        text=text,
        owner=owner,
        due_date=due_date,
        status=status,
        agenda_item=agenda_item,
    )
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
