"""The decision form's "What it concerns" offers the records priorities registers
(governance.subjects), of the partnership one works in only, and saves the link and the forward
plan entry the decision settles."""

import pytest
from django.urls import reverse

from core.tests.factories import PartnershipFactory
from governance.forms import DecisionForm
from governance.models import Decision
from governance.tests.factories import (
    ForwardPlanEntryFactory,
    MeetingFactory,
    OrganisationFactory,
    RecordingSeatFactory,
)
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db


def _offered(form: DecisionForm) -> set[str]:
    choices = form.fields["concerns"].widget.choices[1:]
    return {label for _, group in choices for _, label in group}


def test_the_form_offers_only_records_of_the_current_partnership(commissioner):
    mine = PriorityAreaFactory(title="Children in Care")
    other_partnership = PartnershipFactory(short_name="West Cheshire")
    theirs = PriorityAreaFactory(
        title="Their SEND priority", framework__partnership=other_partnership
    )
    form = DecisionForm(instance=Decision(meeting=MeetingFactory()), user=commissioner)
    assert "Children in Care" in _offered(form)
    assert "Their SEND priority" not in _offered(form)

    forged = DecisionForm(
        data={
            "text": "Do it.",
            "owner_user": commissioner.pk,
            "status": "open",
            "concerns": f"priorities.priorityarea:{theirs.pk}",
        },
        instance=Decision(meeting=MeetingFactory()),
        user=commissioner,
    )
    assert not forged.is_valid()
    assert forged.errors["concerns"] == ["Choose one of the records offered."]
    assert mine.pk  # offered, above


def test_the_secretary_links_a_decision_to_a_priority_and_an_entry(
    commissioner_client, commissioner
):
    meeting = MeetingFactory()
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    area = PriorityAreaFactory(title="Children in Care")
    entry = ForwardPlanEntryFactory(board=meeting.board, title="Refresh the sufficiency statement")
    council = OrganisationFactory(name="Halton Borough Council")
    response = commissioner_client.post(
        reverse("governance:decision_create", args=[meeting.pk]),
        {
            "text": "Refresh the children in care sufficiency statement.",
            "owner_organisation": council.pk,
            "status": "open",
            "concerns": f"priorities.priorityarea:{area.pk}",
            "forward_plan_entry": entry.pk,
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.concerns, decision.owner_name) == (area, "Halton Borough Council")
    entry.refresh_from_db()
    assert entry.decision == decision
