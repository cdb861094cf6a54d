"""Writes of the forward plan."""

from typing import Any

from django.db import transaction

from core.edit_conflicts import locked_for_edit, save_edit
from governance.forward_plan.models import ForwardPlanEntry
from governance.models import Board


@transaction.atomic
def forward_plan_entry_create(*, board: Board, **fields: Any) -> ForwardPlanEntry:
    """Add a key decision to a board's forward plan."""
    entry = ForwardPlanEntry(board=board, **fields)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def forward_plan_entry_update(
    *, entry: ForwardPlanEntry, expected_version: int, **changes: Any
) -> ForwardPlanEntry:
    """Change an entry, refusing (EditConflict) the save if it changed since
    `expected_version` was read."""
    current = locked_for_edit(ForwardPlanEntry, pk=entry.pk, expected_version=expected_version)
    return save_edit(current, changes)
