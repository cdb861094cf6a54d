"""The action list's bulk change of owner, status or due date: choose, confirm, apply."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from priorities import services
from priorities.models import Action
from priorities.tests.factories import ActionFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

BULK = reverse("priorities:action_bulk_change")
LIST = reverse("priorities:action_list")


@pytest.fixture
def led_actions(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner], title="Early Help")
    return [
        ActionFactory(priority_area=area, title="Recruit TAF advisors"),
        ActionFactory(priority_area=area, title="Map the early help offer"),
    ]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _post(actions, **fields) -> dict:
    return {"actions": [action.pk for action in actions]} | fields


def _confirm(client, actions, **fields):
    """Review the change, then confirm it with the versions the confirmation page carried."""
    review = client.post(BULK, _post(actions, **fields))
    assert review.status_code == 200, review.content.decode()
    versions = review.context["form"]["versions"].value()
    return client.post(BULK, _post(actions, versions=versions, confirm="1", **fields))


def test_action_list_offers_a_checkbox_only_on_rows_the_user_may_edit(
    commissioner_client, led_actions
):
    """The bulk change must only let people choose the actions they may edit."""
    other = ActionFactory(title="Someone else's action")
    page = commissioner_client.get(LIST).content.decode()
    for action in led_actions:
        assert f'name="actions" value="{action.pk}"' in page
    assert f'name="actions" value="{other.pk}"' not in page
    assert "Change selected actions" in page


def test_board_member_sees_no_checkboxes(board_member_client, led_actions):
    """Board members change nothing, so the list offers them no bulk change."""
    page = board_member_client.get(LIST).content.decode()
    assert 'name="actions"' not in page and "Change selected actions" not in page


def test_bulk_owner_change_confirms_then_applies_with_versions_and_history(
    commissioner_client, commissioner, led_actions
):
    """There was no way to change the owner of several actions at once (an owner leaving)."""
    bob = CommissionerFactory(first_name="Bob", last_name="Jones")
    chosen = commissioner_client.get(BULK, {"actions": [a.pk for a in led_actions]})
    assert chosen.status_code == 200
    assert "Recruit TAF advisors" in chosen.content.decode()

    review = commissioner_client.post(BULK, _post(led_actions, change="owner", owner=bob.pk))
    page = review.content.decode()
    assert "Confirm the change" in page and "Owner: Bob Jones" in page
    assert "Recruit TAF advisors" in page and "Map the early help offer" in page
    assert Action.objects.filter(owner=bob).count() == 0  # nothing changed yet

    response = _confirm(commissioner_client, led_actions, change="owner", owner=bob.pk)
    assert response.status_code == 302 and response["Location"] == LIST
    assert _messages(response) == [
        "Owner: Bob Jones, for 2 actions: “Recruit TAF advisors”, “Map the early help offer”."
    ]
    for action in led_actions:
        action.refresh_from_db()
        assert (action.owner, action.version) == (bob, 2)
        latest = action.history.first()
        assert (latest.owner_id, latest.history_user) == (bob.pk, commissioner)


def test_bulk_due_date_and_status_changes(commissioner_client, led_actions, today):
    """A due date slipping for a group of actions, or closing them, took one edit each."""
    new_due = today + datetime.timedelta(days=300)
    assert (
        _confirm(
            commissioner_client, led_actions, change="due_date", due_date=new_due.isoformat()
        ).status_code
        == 302
    )
    assert {a.due_date for a in Action.objects.all()} == {new_due}

    refused = commissioner_client.post(
        BULK, _post(led_actions, change="status", status="cancelled")
    )
    assert refused.status_code == 400
    assert "Give the reason the actions are cancelled." in refused.content.decode()

    done = _confirm(
        commissioner_client,
        led_actions,
        change="status",
        status="cancelled",
        cancellation_reason="Merged into the new early help strategy.",
    )
    assert done.status_code == 302
    assert set(Action.objects.values_list("status", "cancellation_reason", "version")) == {
        ("cancelled", "Merged into the new early help strategy.", 3)
    }


def test_actions_the_user_may_not_edit_are_refused_with_a_clear_message(
    commissioner_client, led_actions
):
    """A bulk change must not reach an action the user may not edit, even by a crafted post."""
    other = ActionFactory(title="Someone else's action")
    chosen = [*led_actions, other]
    response = commissioner_client.post(BULK, _post(chosen, change="status", status="complete"))
    assert response.status_code == 400
    assert "You may not change “Someone else&#x27;s action”" in response.content.decode()
    assert not Action.objects.filter(status="complete").exists()

    # Chosen by a crafted address: left out, and said so.
    page = commissioner_client.get(BULK, {"actions": [a.pk for a in chosen]})
    assert [a.title for a in page.context["actions"]] == [a.title for a in led_actions]
    assert "They are left out." in page.content.decode()


def test_a_due_date_before_an_action_start_is_refused_before_confirmation(
    commissioner_client, led_actions, today
):
    """A due date before one action's start must be refused by name, changing no action."""
    late_start = led_actions[0]
    late_start.start_date = today + datetime.timedelta(days=10)
    late_start.save()
    response = commissioner_client.post(
        BULK, _post(led_actions, change="due_date", due_date=today.isoformat())
    )
    assert response.status_code == 400
    assert "before the start date of “Recruit TAF advisors”" in response.content.decode()
    assert not Action.objects.filter(due_date=today).exists()


def test_a_bulk_change_over_an_edit_made_meanwhile_changes_no_action(
    commissioner_client, led_actions
):
    """One action edited since the confirmation page must stop the whole change."""
    review = commissioner_client.post(BULK, _post(led_actions, change="status", status="complete"))
    versions = review.context["form"]["versions"].value()
    services.action_update(action=led_actions[1], data={"title": "Renamed"}, expected_version=1)
    response = commissioner_client.post(
        BULK, _post(led_actions, change="status", status="complete", versions=versions, confirm="1")
    )
    assert response.status_code == 409
    assert "someone else changed “Renamed”" in response.content.decode()
    assert not Action.objects.filter(status="complete").exists()
    # The page now carries the current versions: confirming again applies the change.
    again = response.context["form"]["versions"].value()
    retry = commissioner_client.post(
        BULK, _post(led_actions, change="status", status="complete", versions=again, confirm="1")
    )
    assert retry.status_code == 302
    assert Action.objects.filter(status="complete").count() == 2


def test_a_confirmation_without_versions_is_refused_as_out_of_date(
    commissioner_client, led_actions
):
    """A confirm posted without the versions the page showed must not apply blindly."""
    response = commissioner_client.post(
        BULK, _post(led_actions, change="status", status="complete", confirm="1")
    )
    assert response.status_code == 409
    assert not Action.objects.filter(status="complete").exists()


def test_actions_bulk_change_is_all_or_nothing(today):
    """A refusal of one action must leave every action of the change as it was."""
    fine, late = ActionFactory(), ActionFactory(start_date=today + datetime.timedelta(days=30))
    with pytest.raises(ValidationError, match="No action was changed"):
        services.actions_bulk_change(
            versions={fine.pk: 1, late.pk: 1}, data={"due_date": today + datetime.timedelta(days=1)}
        )
    assert set(Action.objects.values_list("version", flat=True)) == {1}


def test_the_confirmation_page_hidden_inputs_carry_no_aria_attributes(
    commissioner_client, led_actions
):
    """`as_hidden` kept the reason's aria-describedby, which the HTML checker refuses."""
    review = commissioner_client.post(BULK, _post(led_actions, change="status", status="complete"))
    page = review.content.decode()
    assert page.count('<input type="hidden" name="actions"') == 2
    assert not re.findall(r'<input type="hidden"[^>]*aria-', page)


def test_after_the_change_the_list_comes_back_with_its_filters(
    commissioner_client, commissioner, led_actions
):
    """After a bulk change the action list lost the filters it was ticked from."""
    leaver = led_actions[0].owner
    listed = commissioner_client.get(LIST, {"owner": leaver.pk}).content.decode()
    assert f'name="return_query" value="owner={leaver.pk}"' in listed
    chosen = commissioner_client.get(
        BULK, {"actions": [led_actions[0].pk], "return_query": f"owner={leaver.pk}"}
    )
    assert chosen.context["form"]["return_query"].value() == f"owner={leaver.pk}"
    response = _confirm(
        commissioner_client,
        led_actions[:1],
        change="owner",
        owner=commissioner.pk,
        return_query=f"owner={leaver.pk}",
    )
    assert response["Location"] == f"{LIST}?owner={leaver.pk}"
