"""Writes of the priorities app: actions, their progress updates and imported action plans."""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction

from core.edit_conflicts import EditConflict, locked_for_edit, save_edit
from governance.models import Decision
from priorities.models import (
    Action,
    Comparator,
    ComparatorValue,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
    StatisticalNeighbour,
)

# The fields of an action that people edit; the rest are kept by the services.
ACTION_EDITABLE_FIELDS = (
    "title",
    "description",
    "objective",
    "owner",
    "lead_organisation",
    "start_date",
    "due_date",
    "status",
    "cancellation_reason",
    "stage",
)


class ActionEditConflict(EditConflict):
    """Someone saved the action since this edit began; `current` is the action as it is now."""


@transaction.atomic
def action_create(*, priority_area: PriorityArea, data: dict[str, Any]) -> Action:
    """Add an action to a priority area's action plan."""
    action = Action(priority_area=priority_area, **_editable(data))
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_create_from_decision(
    *, decision: Decision, priority_area: PriorityArea, data: dict[str, Any]
) -> Action:
    """Add an action to a priority's plan that carries out a board's decision: it comes back
    as a matter arising at the board's next meetings until it is complete."""
    action = Action(priority_area=priority_area, from_decision=decision, **_editable(data))
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(*, action: Action, data: dict[str, Any], expected_version: int) -> Action:
    """Change an action, refusing the save if it changed since `expected_version` was read."""
    current = locked_for_edit(
        Action, pk=action.pk, expected_version=expected_version, conflict=ActionEditConflict
    )
    return save_edit(current, _editable(data), also_update=["updated_at"])


def _editable(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(ACTION_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable fields of an action: {sorted(unknown)}")
    return dict(data)


@transaction.atomic
def progress_update_add(
    *,
    action: Action,
    author: AbstractBaseUser,
    rag: str,
    percent_complete: int,
    narrative: str,
    date: datetime.date | None = None,
    rag_override_reason: str = "",
    is_sample: bool = False,
    status: str | None = None,
    cancellation_reason: str = "",
    expected_version: int | None = None,
) -> ProgressUpdate:
    """Append a progress update to an action and make the action show its latest RAG.

    With `status` (complete, cancelled with `cancellation_reason`, ...) the same save changes
    the action's status too: refused (ActionEditConflict) if the action changed since
    `expected_version` was read, then its version bumped and its history written. A status
    equal to the action's current one changes nothing and checks no version, so logging
    progress never collides with an unrelated edit.

    `rag_override_reason` says why the RAG differs from the one suggested
    (priorities/rag_suggestion.py). The form asks for it; the service stores what it is given,
    so that imported or past updates, measured on other days, keep their RAG as written.
    """
    if status is not None:
        action_change_status(
            action=action,
            status=status,
            cancellation_reason=cancellation_reason,
            expected_version=expected_version,
        )
    update = ProgressUpdate(
        action=action,
        author=author,
        rag=rag,
        percent_complete=percent_complete,
        narrative=narrative,
        rag_override_reason=rag_override_reason.strip(),
        is_sample=is_sample,
    )
    if date is not None:
        update.date = date
    update.full_clean()
    update.save()
    action_sync_latest_progress(action=action)
    return update


@transaction.atomic
def action_change_status(
    *,
    action: Action,
    status: str,
    cancellation_reason: str = "",
    expected_version: int | None,
) -> Action:
    """Set an action's status (a cancellation with its reason), refusing the save if the action
    changed since `expected_version` was read; a status it already has changes nothing."""
    current = Action.objects.select_for_update().get(pk=action.pk)
    changes: dict[str, Any] = {"status": status}
    if status == Action.Status.CANCELLED:
        changes["cancellation_reason"] = cancellation_reason.strip()
    if all(getattr(current, name) == value for name, value in changes.items()):
        return current
    updated = action_update(action=current, data=changes, expected_version=expected_version)
    action.status, action.version = updated.status, updated.version
    action.cancellation_reason = updated.cancellation_reason
    return updated


# What a bulk change on the action list may set, each alone (a cancellation with its reason).
BULK_CHANGE_FIELDS = ("owner", "status", "cancellation_reason", "due_date")


@transaction.atomic
def actions_bulk_change(*, versions: Mapping[int, int], data: dict[str, Any]) -> list[Action]:
    """Apply one change (owner, status or due date) to several actions, all or nothing.

    `versions` maps each action's id to the version the person confirmed: an action changed
    since raises ActionEditConflict, any other refusal a ValidationError naming the action, and
    either way no action is changed. Each changed action has its version bumped and its
    history written, as an edit on its own page would.
    """
    unknown = set(data) - set(BULK_CHANGE_FIELDS)
    if unknown:
        raise TypeError(f"Not bulk-changeable fields of an action: {sorted(unknown)}")
    actions = Action.objects.select_for_update().filter(pk__in=versions).order_by("pk")
    changed = []
    for action in actions:
        try:
            changed.append(
                action_update(action=action, data=data, expected_version=versions[action.pk])
            )
        except ActionEditConflict:
            raise
        except ValidationError as error:
            raise ValidationError(
                f"“{action.title}” cannot take this change: {' '.join(error.messages)} "
                "No action was changed."
            ) from error
    if len(changed) != len(versions):
        raise ValidationError("One of the chosen actions no longer exists: no action was changed.")
    return changed


@transaction.atomic
def action_sync_latest_progress(*, action: Action) -> None:
    """Copy the latest progress update (by date, then by when written) onto the action."""
    latest = action.progress_updates.order_by("-date", "-created_at", "-pk").first()
    action.latest_rag = latest.rag if latest else ""
    action.latest_percent = latest.percent_complete if latest else None
    action.latest_update_on = latest.date if latest else None
    # Not a change of the action's plan, so its version (the edit lock) stays as it is.
    Action.objects.filter(pk=action.pk).update(
        latest_rag=action.latest_rag,
        latest_percent=action.latest_percent,
        latest_update_on=action.latest_update_on,
    )


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, str):
        # A spreadsheet reads a line break as "\n" whatever it was saved as, and trims cells.
        return value.replace("\r\n", "\n").strip()
    return value


def action_changes(action: Action, data: dict[str, Any]) -> dict[str, Any]:
    """The items of `data` (editable fields of an action) that differ from the action's."""
    changed = {}
    for name, value in _editable(data).items():
        old = getattr(action, Action._meta.get_field(name).attname)
        if _comparable(old) != _comparable(value):
            changed[name] = value
    return changed


@transaction.atomic
def actions_import(
    *, priority_area: PriorityArea, rows: Iterable[dict[str, Any]]
) -> tuple[int, int]:
    """Save validated import rows: new actions, or changes to the priority's own actions.

    A row with `reference` changes that action's fields that it names and that differ, refused
    (ActionEditConflict) if the action has moved on from the row's `version`, or has no
    version; a row that changes nothing is not saved. Any failure rolls back every row.
    Returns (created, updated).
    """
    created = updated = 0
    for row in rows:
        data = dict(row)
        reference = data.pop("reference", None)
        version = data.pop("version", None)
        if reference:
            current = locked_for_edit(
                Action,
                pk=priority_area.actions.get(pk=reference.pk).pk,
                # An update must say which version it was made from: never "whatever is there".
                expected_version=-1 if version is None else version,
                conflict=ActionEditConflict,
            )
            changes = action_changes(current, data)
            if changes:
                save_edit(current, changes, also_update=["updated_at"])
                updated += 1
        else:
            action_create(priority_area=priority_area, data=data)
            created += 1
    return created, updated


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    period_label: str,
    period_end: datetime.date,
    value: Decimal,
    note: str = "",
    story_drivers: str = "",
    story_partners: str = "",
    story_what_works: str = "",
    comparator_values: dict[Comparator, Decimal] | None = None,
) -> IndicatorValue:
    """Record an indicator's value for a period (one value per period), with the story behind
    it (what is driving it, partners with a role, what works) and the comparators' values for
    the same period (each replacing any it held)."""
    indicator_value = IndicatorValue(
        indicator=indicator,
        period_label=period_label,
        period_end=period_end,
        value=value,
        note=note,
        story_drivers=story_drivers,
        story_partners=story_partners,
        story_what_works=story_what_works,
    )
    indicator_value.full_clean()
    indicator_value.save()
    for comparator, figure in (comparator_values or {}).items():
        comparator_value_record(
            indicator=indicator,
            comparator=comparator,
            period_label=period_label,
            period_end=period_end,
            value=figure,
        )
    return indicator_value


@transaction.atomic
def comparator_value_record(
    *,
    indicator: Indicator,
    comparator: Comparator,
    period_label: str,
    period_end: datetime.date,
    value: Decimal,
) -> ComparatorValue:
    """Record a comparator's value of an indicator for a period, replacing the one it held."""
    if comparator.partnership_id != indicator.priority_area.framework.partnership_id:
        raise ValidationError("A comparator serves its own partnership's indicators only.")
    comparator_value = ComparatorValue.objects.filter(
        indicator=indicator, comparator=comparator, period_label=period_label
    ).first() or ComparatorValue(indicator=indicator, comparator=comparator)
    comparator_value.period_label = period_label
    comparator_value.period_end = period_end
    comparator_value.value = value
    comparator_value.full_clean()
    comparator_value.save()
    return comparator_value


@transaction.atomic
def neighbours_replace(*, comparator: Comparator, neighbours: list[StatisticalNeighbour]) -> int:
    """Replace a neighbours comparator's list of authorities with `neighbours` (in order)."""
    if comparator.kind != Comparator.Kind.NEIGHBOURS:
        raise ValidationError("Only a statistical neighbours comparator has a list of authorities.")
    for neighbour in comparator.neighbours.all():
        neighbour.delete()  # one by one, so that the history records each removal
    for neighbour in neighbours:
        neighbour.comparator = comparator
        neighbour.full_clean()
        neighbour.save()
    return len(neighbours)


def _apply(instance, data: dict[str, Any]):
    for field, value in data.items():
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def objective_create(*, priority_area: PriorityArea, text: str, order: int) -> Objective:
    """Add an objective ("We will ...") to a priority."""
    return _apply(Objective(priority_area=priority_area), {"text": text, "order": order})


@transaction.atomic
def objective_update(
    *, objective: Objective, text: str, order: int, expected_version: int | None = None
) -> Objective:
    """Reword or reorder an objective, refusing (EditConflict) the save if it changed since
    `expected_version` was read; without one, the edit applies to the objective as it is now."""
    current = locked_for_edit(Objective, pk=objective.pk, expected_version=expected_version)
    return save_edit(current, {"text": text, "order": order})


@transaction.atomic
def indicator_create(*, priority_area: PriorityArea, data: dict[str, Any]) -> Indicator:
    """Add an indicator to a priority."""
    return _apply(Indicator(priority_area=priority_area), data)


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, data: dict[str, Any], expected_version: int | None = None
) -> Indicator:
    """Change an indicator's name, definition, unit, polarity, target or source, refusing
    (EditConflict) the save if it changed since `expected_version` was read; without one, the
    edit applies to the indicator as it is now."""
    current = locked_for_edit(Indicator, pk=indicator.pk, expected_version=expected_version)
    return save_edit(current, data)


@dataclass(frozen=True)
class NationalFigure:
    """A value a national file gives: the indicator's own (no comparator) or a comparator's,
    with the value the preview showed before it (None: there was none)."""

    indicator_id: int
    comparator_id: int | None
    period_label: str
    period_end: datetime.date
    value: Decimal
    before: Decimal | None


class NationalFiguresChanged(ValidationError):
    """A value changed between the preview and the save: nothing was saved."""


@transaction.atomic
def national_figures_save(
    *, priority_area: PriorityArea, figures: Iterable[NationalFigure], reason: str
) -> tuple[int, int]:
    """Write the figures of a previewed national file, all or none: each is added, or changes
    the value of its period, refused (NationalFiguresChanged) if that value is no longer the
    one the preview showed. The history records `reason`. Returns (added, changed)."""
    added = changed = 0
    indicators = set(priority_area.indicators.values_list("pk", flat=True))
    for figure in figures:
        if figure.indicator_id not in indicators:
            raise NationalFiguresChanged(
                "An indicator of the file was removed after the preview: upload the file again."
            )
        if figure.comparator_id is None:
            model, lookup = IndicatorValue, {}
        else:
            comparators = priority_area.framework.partnership.comparators
            if not comparators.filter(pk=figure.comparator_id).exists():
                raise NationalFiguresChanged(
                    "A comparator of the file was removed after the preview: upload the file again."
                )
            model, lookup = ComparatorValue, {"comparator_id": figure.comparator_id}
        current = (
            model.objects.select_for_update()
            .filter(indicator_id=figure.indicator_id, period_label=figure.period_label, **lookup)
            .first()
        )
        if (current.value if current else None) != figure.before:
            raise NationalFiguresChanged(
                f"The {figure.period_label} value changed after the preview: upload the file "
                "again to see the changes it makes now."
            )
        if current is None:
            current = model(indicator_id=figure.indicator_id, **lookup)
            added += 1
        elif current.value == figure.value and current.period_end == figure.period_end:
            continue
        else:
            changed += 1
        current.period_label = figure.period_label
        current.period_end = figure.period_end
        current.value = figure.value
        current._change_reason = reason
        current.full_clean()
        current.save()
    return added, changed
