"""Reads and writes of members' registers of interests and the declarations made at meetings."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Q, QuerySet

from core.edit_conflicts import locked_for_edit, save_edit
from core.partnerships import scope
from governance.attendance_models import Declaration, Interest
from governance.models import AgendaItem, Membership, Organisation


@transaction.atomic
def interest_create(
    *,
    membership: Membership,
    description: str,
    from_date: date,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    to_date: date | None = None,
) -> Interest:
    """Add an interest to a member's register."""
    interest = Interest(
        membership=membership,
        description=description,
        organisation=organisation,
        organisation_name=organisation_name.strip(),
        from_date=from_date,
        to_date=to_date,
    )
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def interest_update(*, interest: Interest, expected_version: int, **changes: Any) -> Interest:
    """Change a register entry (e.g. give the date it ended), refusing (EditConflict) the save
    if it changed since `expected_version` was read."""
    current = locked_for_edit(Interest, pk=interest.pk, expected_version=expected_version)
    return save_edit(current, changes)


@transaction.atomic
def declaration_create(
    *,
    agenda_item: AgendaItem,
    membership: Membership,
    interest: Interest | None = None,
    description: str = "",
    left_room: bool = False,
) -> Declaration:
    """Record an interest a member declared on an agenda item, and whether they left the room."""
    declaration = Declaration(
        agenda_item=agenda_item,
        membership=membership,
        interest=interest,
        description=description.strip(),
        left_room=left_room,
    )
    declaration.full_clean()
    declaration.save()
    return declaration


def interests_concerning(names: list[str], user) -> QuerySet[Interest]:
    """Register entries of the user's partnership that name one of these organisations (a
    partner organisation by name, or another by the name given), current ones first."""
    matches = Q()
    for name in names:
        matches |= Q(organisation__name__iexact=name) | Q(organisation_name__iexact=name)
    if not names:
        return Interest.objects.none()
    return (
        scope(Interest.objects, user)
        .filter(matches)
        .select_related("membership__board", "organisation")
        .order_by(F("to_date").desc(nulls_first=True), "membership__person_name", "pk")
    )
