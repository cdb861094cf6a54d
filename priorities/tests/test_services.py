"""Writes: actions, optimistic locking, append-only progress and all-or-nothing imports."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from priorities import services
from priorities.models import Action, ProgressUpdate
from priorities.tests.factories import (
    ActionFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _data(commissioner, **overrides):
    today = timezone.localdate()
    data = {
        "title": "Commission a Targeted Family Support Service",
        "description": "With a priority of 0 – 8's on the edge of care",
        "objective": None,
        "owner": commissioner,
        "lead_organisation": OrganisationFactory(short_name="CWaC"),
        "start_date": today,
        "due_date": today + datetime.timedelta(days=90),
        "status": Action.Status.NOT_STARTED,
        "cancellation_reason": "",
        "stage": "plan",
    }
    return data | overrides


def test_action_create_saves_a_valid_action(commissioner):
    area = PriorityAreaFactory()
    action = services.action_create(priority_area=area, data=_data(commissioner))
    assert Action.objects.get(pk=action.pk).title == "Commission a Targeted Family Support Service"
    assert action.version == 1


def test_action_create_refuses_due_before_start_and_saves_nothing(commissioner, today):
    data = _data(commissioner, due_date=today - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="cannot be before the start date"):
        services.action_create(priority_area=PriorityAreaFactory(), data=data)
    assert not Action.objects.exists()


def test_action_update_bumps_the_version():
    action = ActionFactory()
    updated = services.action_update(action=action, data={"title": "Renamed"}, expected_version=1)
    assert (updated.title, updated.version) == ("Renamed", 2)


def test_stale_update_is_refused_and_keeps_the_first_save():
    action = ActionFactory(title="Original")
    services.action_update(action=action, data={"title": "First save"}, expected_version=1)
    with pytest.raises(services.ActionEditConflict) as raised:
        services.action_update(action=action, data={"title": "Second save"}, expected_version=1)
    assert raised.value.current.title == "First save"
    action.refresh_from_db()
    assert (action.title, action.version) == ("First save", 2)


def test_update_refuses_fields_that_are_not_editable():
    with pytest.raises(TypeError):
        services.action_update(action=ActionFactory(), data={"version": 9}, expected_version=1)


def test_progress_update_add_sets_the_actions_latest_rag(commissioner, today):
    action = ActionFactory()
    services.progress_update_add(
        action=action,
        author=commissioner,
        rag="amber",
        percent_complete=30,
        narrative="Pilot running in two areas.",
        date=today - datetime.timedelta(days=30),
    )
    services.progress_update_add(
        action=action, author=commissioner, rag="green", percent_complete=60, narrative="On track."
    )
    # A back-dated update does not become the latest.
    services.progress_update_add(
        action=action,
        author=commissioner,
        rag="red",
        percent_complete=10,
        narrative="Late entry for last term.",
        date=today - datetime.timedelta(days=100),
    )
    action.refresh_from_db()
    assert (action.latest_rag, action.latest_percent, action.latest_update_on) == (
        "green",
        60,
        today,
    )
    assert action.version == 1  # logging progress is not an edit of the plan
    assert action.progress_updates.count() == 3


def test_progress_update_refuses_percent_outside_0_to_100(commissioner):
    action = ActionFactory()
    with pytest.raises(ValidationError, match="100"):
        services.progress_update_add(
            action=action, author=commissioner, rag="green", percent_complete=120, narrative="x"
        )
    assert not ProgressUpdate.objects.exists()
    action.refresh_from_db()
    assert action.latest_rag == ""


def test_actions_import_creates_and_updates_all_or_nothing(commissioner, today):
    area = PriorityAreaFactory()
    existing = ActionFactory(priority_area=area, title="Old title")
    rows = [
        _data(commissioner, title="New one") | {"reference": None},
        _data(commissioner, title="New title") | {"reference": existing, "version": 1},
        _data(commissioner, title="Bad", due_date=today - datetime.timedelta(days=5))
        | {"reference": None},
    ]
    with pytest.raises(ValidationError):
        services.actions_import(priority_area=area, rows=rows)
    assert list(area.actions.values_list("title", flat=True)) == ["Old title"]

    created, updated = services.actions_import(priority_area=area, rows=rows[:2])
    assert (created, updated) == (1, 1)
    assert sorted(area.actions.values_list("title", flat=True)) == ["New one", "New title"]


def test_actions_import_refuses_a_row_based_on_an_old_version(commissioner):
    area = PriorityAreaFactory()
    action = ActionFactory(priority_area=area, title="Original")
    services.action_update(action=action, data={"title": "Edited"}, expected_version=1)
    row = _data(commissioner, title="From an old file") | {"reference": action, "version": 1}
    with pytest.raises(services.ActionEditConflict):
        services.actions_import(priority_area=area, rows=[row])
    action.refresh_from_db()
    assert action.title == "Edited"


def test_progress_update_add_with_a_status_closes_the_action_in_one_save(commissioner):
    """A progress update could not close its action: the status needed a separate edit."""
    action = ActionFactory()
    services.progress_update_add(
        action=action,
        author=commissioner,
        rag="green",
        percent_complete=100,
        narrative="Delivered.",
        status=Action.Status.COMPLETE,
        expected_version=1,
    )
    action.refresh_from_db()
    assert (action.status, action.version, action.latest_rag) == ("complete", 2, "green")
    assert [record.status for record in action.history.all()] == ["complete", "in_progress"]


def test_progress_update_add_with_a_stale_status_change_saves_nothing(commissioner):
    """A refused status change must not leave the progress update saved without it."""
    action = ActionFactory()
    services.action_update(action=action, data={"title": "Renamed"}, expected_version=1)
    with pytest.raises(services.ActionEditConflict):
        services.progress_update_add(
            action=action,
            author=commissioner,
            rag="green",
            percent_complete=100,
            narrative="Delivered.",
            status=Action.Status.COMPLETE,
            expected_version=1,
        )
    assert not ProgressUpdate.objects.exists()
    assert Action.objects.get(pk=action.pk).status == Action.Status.IN_PROGRESS
