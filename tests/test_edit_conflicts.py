"""The shared edit-conflict helper: snapshots, the list of changes, the form mixin and the
locked save. The pages that use it are tested in test_concurrency.py and in each app."""

import datetime

import pytest
from django import forms

from core.edit_conflicts import (
    OUT_OF_DATE_MESSAGE,
    EditConflict,
    EditConflictFormMixin,
    changes_since,
    locked_for_edit,
    save_edit,
    snapshot_of,
)
from participation.tests.factories import ParticipationRecordFactory
from priorities.models import Action, Objective
from priorities.tests.factories import ActionFactory, ObjectiveFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


class ObjectiveEditForm(EditConflictFormMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["text", "order"]


def test_snapshot_keeps_ids_of_related_objects_and_blanks_none():
    action = ActionFactory(objective=None)
    snapshot = snapshot_of(action, ["title", "owner", "objective", "due_date"])
    assert snapshot == {
        "title": action.title,
        "owner": str(action.owner_id),
        "objective": "",
        "due_date": str(action.due_date),
    }


def test_snapshot_of_many_to_many_is_the_sorted_ids():
    areas = [PriorityAreaFactory(), PriorityAreaFactory()]
    record = ParticipationRecordFactory(priority_areas=list(reversed(areas)))
    expected = ",".join(str(area.pk) for area in sorted(areas, key=lambda area: area.pk))
    assert snapshot_of(record, ["priority_areas"]) == {"priority_areas": expected}


def test_changes_since_lists_only_what_changed_as_a_person_reads_it():
    """A fixed new due date went unseen on the day the factory's due date was that day."""
    action = ActionFactory(description="Before")
    fields = ["title", "description", "status", "due_date", "cancellation_reason"]
    before = snapshot_of(action, fields)
    action.description = ""
    action.status = Action.Status.COMPLETE
    action.due_date += datetime.timedelta(days=7)  # never the date it had
    assert changes_since(before, action, fields) == [
        ("Description", "(empty)"),
        ("Status", "Complete"),
        ("Due date", f"{action.due_date:%-d %B %Y}"),
    ]


def test_changes_since_names_many_to_many_and_takes_a_display_per_field():
    area = PriorityAreaFactory(title="Early Help")
    record = ParticipationRecordFactory(priority_areas=[PriorityAreaFactory()], title="Old")
    before = snapshot_of(record, ["title", "priority_areas"])
    record.priority_areas.set([area])
    record.title = "New"
    changed = changes_since(
        before, record, ["title", "priority_areas"], display={"title": str.upper}
    )
    assert changed == [("Title", "NEW"), ("Priority areas", str(area))]


def test_form_carries_version_and_a_signed_snapshot_it_can_read_back():
    objective = ObjectiveFactory(text="Keep families together", order=2, version=4)
    form = ObjectiveEditForm(instance=objective)
    assert form.fields["version"].initial == 4
    bound = ObjectiveEditForm(
        {"text": "x", "order": "1", "version": "4", "snapshot": form.fields["snapshot"].initial},
        instance=objective,
    )
    assert bound.is_valid(), bound.errors
    assert bound.loaded_snapshot() == {"text": "Keep families together", "order": "2"}
    assert bound.input_snapshot() == {"text": "x", "order": "1"}
    assert bound.model_data() == {"text": "x", "order": 1}


def test_a_forged_snapshot_is_ignored_and_a_bad_version_explained():
    objective = ObjectiveFactory()
    forged = ObjectiveEditForm(
        {"text": "x", "order": "1", "snapshot": "forged"}, instance=objective
    )
    assert forged.is_valid()
    assert forged.loaded_snapshot() is None
    tampered = ObjectiveEditForm({"text": "x", "order": "1", "version": "abc"}, instance=objective)
    assert not tampered.is_valid()
    assert tampered.non_field_errors() == [OUT_OF_DATE_MESSAGE]


def test_a_stale_version_is_refused_with_the_row_as_it_is_now():
    objective = ObjectiveFactory(text="Saved meanwhile", version=2)
    with pytest.raises(EditConflict) as conflict:
        locked_for_edit(Objective, pk=objective.pk, expected_version=1)
    assert conflict.value.current.text == "Saved meanwhile"
    assert "Someone else saved this objective while you were editing it." in conflict.value.messages


def test_save_edit_applies_the_changes_and_bumps_the_version():
    objective = ObjectiveFactory(text="Before", version=2)
    current = locked_for_edit(Objective, pk=objective.pk, expected_version=2)
    save_edit(current, {"text": "After"})
    objective.refresh_from_db()
    assert (objective.text, objective.version) == ("After", 3)
    # Without an expected version the edit applies to the row as it is now.
    save_edit(locked_for_edit(Objective, pk=objective.pk, expected_version=None), {"order": 5})
    objective.refresh_from_db()
    assert (objective.order, objective.version) == (5, 4)
