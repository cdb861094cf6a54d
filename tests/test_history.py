"""The audit history: who changed a tracked record, when and what, on a page every role reads."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commissioning.tests.factories import ContractFactory
from core.tests.factories import CommissionerFactory
from priorities.models import Action
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from priorities.tests.helpers import action_post, new_action_post

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _history_url(action) -> str:
    return reverse("priorities:action_history", args=[action.pk])


def _edit_through_the_page(client, action, **changes):
    url = reverse("priorities:action_update", args=[action.pk])
    form = client.get(url).context["form"]
    data = action_post(action, **changes)
    data |= {"version": form["version"].value(), "snapshot": form["snapshot"].value()}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()


def test_creating_changing_and_deleting_an_action_records_who(administrator, administrator_client):
    area = PriorityAreaFactory()
    administrator_client.post(
        reverse("priorities:action_create", args=[area.pk]), new_action_post(administrator)
    )
    action = area.actions.get()
    _edit_through_the_page(administrator_client, action, title="Renamed")
    pk = action.pk
    administrator_client.post(reverse("admin:priorities_action_delete", args=[pk]), {"post": "yes"})

    assert not Action.objects.filter(pk=pk).exists()
    records = Action.history.filter(id=pk).order_by("history_date")
    assert [r.history_type for r in records] == ["+", "~", "-"]
    assert {r.history_user for r in records} == {administrator}
    assert records[1].title == "Renamed"


def test_history_page_shows_the_changed_field_with_old_and_new_values(
    commissioner, commissioner_client
):
    """A generated name with an apostrophe (O'Connor) was looked for in the escaped HTML."""
    commissioner.last_name = "O'Connor"
    commissioner.save(update_fields=["last_name"])
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    action = ActionFactory(priority_area=area, title="Retain TAF advisors", status="not_started")
    _edit_through_the_page(
        commissioner_client, action, title="Retain the TAF advisors", status="in_progress"
    )

    response = commissioner_client.get(_history_url(action))
    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert "History of Retain the TAF advisors" in text
    assert commissioner.get_full_name() in html.unescape(text)  # as a person reads it
    rows = response.context["history_rows"]
    assert [row.what for row in rows] == ["Changed", "Created"]
    assert [(c.label, c.old, c.new) for c in rows[0].changes] == [
        ("Status", "Not started", "In progress"),
        ("Title", "Retain TAF advisors", "Retain the TAF advisors"),
    ]
    assert "<del>Not started</del>" in text and "<ins>In progress</ins>" in text


def test_a_changed_owner_shows_the_people_not_their_numbers(administrator_client):
    action = ActionFactory()
    before, after = action.owner, CommissionerFactory()
    action.owner = after
    action.save()
    rows = administrator_client.get(_history_url(action)).context["history_rows"]
    assert [(c.label, c.old, c.new) for c in rows[0].changes] == [
        ("Owner", str(before), str(after))
    ]


def test_a_deleted_actions_history_stays_readable(administrator_client):
    action = ActionFactory(title="Gone soon")
    pk = action.pk
    action.delete()
    response = administrator_client.get(reverse("priorities:action_history", args=[pk]))
    assert response.status_code == 200
    assert [row.what for row in response.context["history_rows"]] == ["Deleted", "Created"]


def test_history_of_nothing_is_404(administrator_client):
    assert (
        administrator_client.get(reverse("priorities:action_history", args=[999])).status_code
        == 404
    )


@pytest.mark.parametrize("client_fixture", ["board_member_client", "commissioner_client"])
def test_every_role_reads_history(request, client_fixture):
    action = ActionFactory(title="Readable")
    response = request.getfixturevalue(client_fixture).get(_history_url(action))
    assert response.status_code == 200
    assert "History of Readable" in response.content.decode()


def test_without_a_role_history_is_refused(client, user_without_role):
    client.force_login(user_without_role)
    assert client.get(_history_url(ActionFactory())).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(_history_url(ActionFactory()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_action_and_contract_pages_link_to_their_history(administrator_client):
    action = ActionFactory()
    contract = ContractFactory()
    page = administrator_client.get(action.get_absolute_url()).content.decode()
    assert _history_url(action) in page
    page = administrator_client.get(contract.get_absolute_url()).content.decode()
    contract_history = reverse("commissioning:contract_history", args=[contract.pk])
    assert contract_history in page
    response = administrator_client.get(contract_history)
    assert response.status_code == 200
    assert [row.what for row in response.context["history_rows"]][-1] == "Created"


def _change_owner_and_status(action, people, times: int) -> None:
    for step in range(times):
        action.refresh_from_db()
        action._history_user = people[step % 2]
        action.owner = people[(step + 1) % 2]
        action.status = ("in_progress", "not_started")[step % 2]
        action.save()


def test_history_page_queries_do_not_grow_with_the_rows(
    administrator_client, django_assert_num_queries
):
    action = ActionFactory()
    people = [CommissionerFactory(), CommissionerFactory()]
    _change_owner_and_status(action, people, 1)
    url = _history_url(action)
    with CaptureQueriesContext(connection) as first:
        response = administrator_client.get(url)
    assert len(response.context["history_rows"]) == 2
    # Session, user, the second factor's device, roles; history with its users; the owners
    # named; the action; the values removed from the history; the unread notifications in the
    # navigation bar; session save.
    assert len(first) <= 14

    _change_owner_and_status(action, people, 10)
    with django_assert_num_queries(len(first)):
        response = administrator_client.get(url)
    assert len(response.context["history_rows"]) == 12


@pytest.mark.parametrize(
    ("admin_name", "make"),
    [
        ("commissioning_contract", ContractFactory),
        ("priorities_action", ActionFactory),
    ],
)
def test_admin_keeps_its_tools_and_shows_history(administrator_client, admin_name, make):
    obj = make()
    history = administrator_client.get(reverse(f"admin:{admin_name}_history", args=[obj.pk]))
    assert history.status_code == 200
    assert "Created" in history.content.decode()
    changelist = administrator_client.get(reverse(f"admin:{admin_name}_changelist"))
    assert changelist.status_code == 200


def test_contract_admin_still_imports_and_exports(administrator_client):
    assert (
        administrator_client.get(reverse("admin:commissioning_contract_import")).status_code == 200
    )
    assert (
        administrator_client.get(reverse("admin:commissioning_contract_export")).status_code == 200
    )
