"""Create an action from a board's decision: the form prefilled from the decision, the action
linked to it, and offered on the meeting page."""

import datetime as dt

import pytest
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from core.tests.helpers import form_data
from governance.tests.factories import DecisionFactory, MeetingFactory, OrganisationFactory
from priorities.decisions import CREATE_ACTION
from priorities.models import Action
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def decision(area, commissioner, today):
    return DecisionFactory(
        meeting=MeetingFactory(),
        text="Refresh the children in care sufficiency statement.",
        owner_user=commissioner,
        due_date=today + dt.timedelta(days=60),
        concerns=area,
    )


def test_the_form_is_prefilled_from_the_decision(commissioner_client, commissioner, decision):
    url = reverse("priorities:action_from_decision", args=[decision.pk])
    response = commissioner_client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == "Refresh the children in care sufficiency statement."
    assert form["owner"].value() == commissioner.pk
    assert form["due_date"].value() == decision.due_date
    assert "Add an action to Children in Care" in response.content.decode()


def test_saving_it_links_the_action_to_the_decision(
    commissioner_client, commissioner, decision, area
):
    url = reverse("priorities:action_from_decision", args=[decision.pk])
    data = form_data(commissioner_client.get(url).context["form"])
    data["lead_organisation"] = OrganisationFactory().pk
    response = commissioner_client.post(url, data, follow=True)
    assert "a matter arising at the board" in response.content.decode()
    action = Action.objects.get()
    assert (action.from_decision, action.priority_area, action.owner) == (
        decision,
        area,
        commissioner,
    )
    assert action.due_date == decision.due_date


def test_a_decision_about_nothing_asks_which_priority(commissioner_client, area):
    decision = DecisionFactory(text="Review Short Breaks.")
    url = reverse("priorities:action_from_decision", args=[decision.pk])
    page = commissioner_client.get(url).content.decode()
    assert "Priority whose action plan it goes in" in page
    assert "Children in Care" in page
    chosen = commissioner_client.get(url, {"area": area.pk})
    assert chosen.context["form"]["title"].value() == "Review Short Breaks."


def test_a_priority_someone_else_leads_is_refused(commissioner_client, decision):
    other_area = PriorityAreaFactory(lead_commissioners=[CommissionerFactory()])
    url = reverse("priorities:action_from_decision", args=[decision.pk])
    assert commissioner_client.get(url, {"area": other_area.pk}).status_code == 403


def test_the_meeting_page_offers_the_step_on_open_decisions_only(
    commissioner_client, board_member_client, decision
):
    DecisionFactory(meeting=decision.meeting, status="done", text="Approve the framework.")
    page = commissioner_client.get(decision.meeting.get_absolute_url()).content.decode()
    assert page.count(CREATE_ACTION) == 1
    assert reverse("priorities:action_from_decision", args=[decision.pk]) in page
    read_only = board_member_client.get(decision.meeting.get_absolute_url()).content.decode()
    assert CREATE_ACTION not in read_only
