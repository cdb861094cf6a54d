"""Removing a value from a record's audit history: administrators only, recorded with who, when
and why, and said on the record's History page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from core.history_purge import REMOVED, history_purge
from core.models import HistoryPurge
from core.tests.factories import CommissionerFactory
from participation.models import ParticipationRecord
from participation.tests.factories import ParticipationRecordFactory
from priorities.models import Action
from priorities.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

NAME = "Jamie Example-Child"
TYPED = f"Support for {NAME}, DOB 03/04/2012, at home."
ADD = reverse("admin:core_historypurge_add")


@pytest.fixture
def edited_out(commissioner):
    """An action whose description held a child's identity, since edited out."""
    action = ActionFactory(description="Plain words.")
    action.description = TYPED  # saved before the forms checked free text
    action._history_user = commissioner
    action.save()
    action.description = "Support for one child at home."
    action.save()
    return action


def _history_page(client, action) -> str:
    return client.get(reverse("priorities:action_history", args=[action.pk])).content.decode()


def _purge_post(action, **changes) -> dict:
    return {
        "model_label": "priorities.action",
        "object_id": action.pk,
        "field_name": "description",
        "text": NAME,
        "reason": "A child's name was typed into the description.",
    } | changes


def test_a_removed_value_stayed_in_the_history_for_every_role(board_member_client, edited_out):
    """After an edit removed a child's name, the History page still showed it to every role."""
    assert NAME in _history_page(board_member_client, edited_out)


def test_an_administrator_removes_a_value_and_the_history_says_so(
    administrator, administrator_client, board_member_client, edited_out
):
    """There was no way to remove a value from the history."""
    response = administrator_client.post(ADD, _purge_post(edited_out))
    assert response.status_code == 302, response.context["adminform"].form.errors

    purge = HistoryPurge.objects.get()
    assert (purge.purged_by, purge.object_id, purge.field_name) == (
        administrator,
        edited_out.pk,
        "description",
    )
    assert purge.entries_changed == 1
    descriptions = list(edited_out.history.values_list("description", flat=True))
    assert f"Support for {REMOVED}, DOB 03/04/2012, at home." in descriptions
    assert not any(NAME in text for text in descriptions)

    for client in (board_member_client, administrator_client):
        page = _history_page(client, edited_out)
        assert NAME not in page
        assert REMOVED in page
        when = purge.purged_at
        assert "A value was removed from this history on" in page
        # As the page writes it: a generated name may hold an apostrophe (O'Brien).
        assert f"by {escape(administrator.get_full_name())}: A child&#x27;s name was typed" in page
        assert str(when.year) in page


def test_the_whole_value_can_be_removed_and_the_record_itself_too(administrator):
    """A progress-like record that still held the name kept it after the history was purged."""
    record = ParticipationRecordFactory(you_said=TYPED)
    history_purge(
        model=ParticipationRecord,
        object_id=record.pk,
        field_name="you_said",
        text="",
        reason="Identified a child.",
        purged_by=administrator,
    )
    record.refresh_from_db()
    assert record.you_said == REMOVED
    assert record.version == 2  # an edit open meanwhile is refused rather than writing it back
    assert set(record.history.values_list("you_said", flat=True)) == {REMOVED}


def test_a_purge_needs_a_reason_and_text_the_history_holds(administrator_client, edited_out):
    response = administrator_client.post(ADD, _purge_post(edited_out, reason=""))
    assert "This field is required." in response.context["adminform"].form.errors["reason"]
    response = administrator_client.post(ADD, _purge_post(edited_out, text="Nobody Else"))
    assert response.context["adminform"].form.errors["text"] == [
        "No entry of this record's history holds this text."
    ]
    response = administrator_client.post(ADD, _purge_post(edited_out, field_name="status"))
    assert (
        "has no text field “status”" in response.context["adminform"].form.errors["field_name"][0]
    )
    assert not HistoryPurge.objects.exists()
    assert NAME in edited_out.history.filter(description__contains=NAME).get().description


def test_the_reason_is_checked_for_personal_data(administrator_client, edited_out):
    """The reason is shown to every role: it must not repeat the child's identity."""
    response = administrator_client.post(ADD, _purge_post(edited_out, reason=TYPED))
    assert "a date of birth" in response.context["adminform"].form.errors["reason"][0]
    assert not HistoryPurge.objects.exists()


def test_the_service_refuses_a_field_that_is_not_text(administrator, edited_out):
    with pytest.raises(ValidationError):
        history_purge(
            model=Action,
            object_id=edited_out.pk,
            field_name="due_date",
            text="",
            reason="x",
            purged_by=administrator,
        )


def test_only_administrators_may_remove_values(client, board_member, edited_out):
    for user in (CommissionerFactory(), board_member):
        client.force_login(user)
        assert client.get(ADD).status_code in (302, 403)
        client.post(ADD, _purge_post(edited_out))
        page = _history_page(client, edited_out)
        assert "Remove a value from this history" not in page
    assert not HistoryPurge.objects.exists()
    assert edited_out.history.filter(description__contains=NAME).exists()


def test_administrators_are_offered_the_purge_from_the_history_page(
    administrator_client, edited_out
):
    page = _history_page(administrator_client, edited_out)
    assert f"{ADD}?model_label=priorities.action&amp;object_id={edited_out.pk}" in page
    form = (
        administrator_client.get(
            ADD, {"model_label": "priorities.action", "object_id": edited_out.pk}
        )
        .context["adminform"]
        .form
    )
    assert form["model_label"].value() == "priorities.action"


def test_the_log_of_purges_cannot_be_changed_or_deleted(
    administrator, administrator_client, edited_out
):
    administrator_client.post(ADD, _purge_post(edited_out))
    purge = HistoryPurge.objects.get()
    change = reverse("admin:core_historypurge_change", args=[purge.pk])
    page = administrator_client.get(change).content.decode()
    assert "A child&#x27;s name was typed into the description." in page
    administrator_client.post(change, {"reason": "Changed"})
    assert HistoryPurge.objects.get().reason == "A child's name was typed into the description."
    delete = reverse("admin:core_historypurge_delete", args=[purge.pk])
    assert administrator_client.post(delete, {"post": "yes"}).status_code == 403
    assert HistoryPurge.objects.exists()
    assert str(purge).startswith(f"description of action #{edited_out.pk}, removed ")


def test_the_admins_history_page_says_a_value_was_removed(administrator, administrator_client):
    """A record with no History page of its own (a participation record) showed no removal."""
    record = ParticipationRecordFactory(you_said=TYPED)
    url = reverse("admin:participation_participationrecord_history", args=[record.pk])
    page = administrator_client.get(url).content.decode()
    assert "A value was removed" not in page
    assert "Remove a value from this history" in page
    history_purge(
        model=ParticipationRecord,
        object_id=record.pk,
        field_name="you_said",
        text=NAME,
        reason="Named a child.",
        purged_by=administrator,
    )
    page = administrator_client.get(url).content.decode()
    assert "A value was removed from this history on" in page
    assert f"by {escape(administrator.get_full_name())}: Named a child." in page
