"""A decision's owner is a person or an organisation of the partnership; free-text owners of
old were matched on migration."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from core.tests.factories import (
    PartnershipFactory,
    UserFactory,
    default_partnership,
    give_role,
)
from governance.forms import DecisionForm
from governance.migration_owners import match_text_owners
from governance.models import Decision
from governance.tests.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_a_person_and_an_organisation_together_are_refused(commissioner):
    form = DecisionForm(
        data={
            "text": "Do it.",
            "owner_user": commissioner.pk,
            "owner_organisation": OrganisationFactory().pk,
            "status": "open",
        },
        instance=Decision(meeting=MeetingFactory()),
        user=commissioner,
    )
    assert not form.is_valid()
    assert form.errors["owner_organisation"] == ["Choose a person or an organisation, not both."]


def test_an_owner_of_another_partnership_is_not_offered(commissioner):
    outsider = UserFactory(first_name="Outside", last_name="Partnership")
    give_role(outsider, "Commissioner", PartnershipFactory(short_name="West Cheshire"))
    form = DecisionForm(instance=Decision(meeting=MeetingFactory()), user=commissioner)
    assert outsider not in form.fields["owner_user"].queryset
    assert commissioner in form.fields["owner_user"].queryset


def test_text_owners_are_matched_to_people_and_organisations_or_kept():
    board = BoardFactory()
    person = UserFactory(first_name="Aisha", last_name="Khan")
    give_role(person, "Commissioner", default_partnership())
    council = OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    by_name = DecisionFactory(meeting__board=board, owner_user=None, owner_note="aisha  KHAN")
    by_org = DecisionFactory(
        meeting__board=board, owner_user=None, owner_note="Halton Borough Council"
    )
    by_short = DecisionFactory(meeting__board=board, owner_user=None, owner_note="HBC")
    kept = DecisionFactory(meeting__board=board, owner_user=None, owner_note="Head of Early Help")
    elsewhere = DecisionFactory(
        meeting__board=BoardFactory(partnership=PartnershipFactory(short_name="West Cheshire")),
        owner_user=None,
        owner_note="Aisha Khan",
    )

    match_text_owners(apps)

    for decision in (by_name, by_org, by_short, kept, elsewhere):
        decision.refresh_from_db()
    assert (by_name.owner_user, by_name.owner_note) == (person, "")
    assert (by_org.owner_organisation, by_org.owner_note) == (council, "")
    assert by_short.owner_organisation == council
    assert (kept.owner_user, kept.owner_organisation, kept.owner_note) == (
        None,
        None,
        "Head of Early Help",
    )
    assert (elsewhere.owner_user, elsewhere.owner_note) == (None, "Aisha Khan")


def test_a_decision_about_a_termly_report_keeps_it_on_edit(commissioner):
    """A subject no app offers in the form (set where a report was presented) is kept."""
    organisation = OrganisationFactory()
    decision = DecisionFactory(concerns=organisation)
    form = DecisionForm(instance=decision, user=commissioner)
    value = f"governance.organisation:{organisation.pk}"
    assert form.initial["concerns"] == value
    bound = DecisionForm(
        data={
            "text": decision.text,
            "owner_user": decision.owner_user_id,
            "status": "open",
            "concerns": value,
        },
        instance=decision,
        user=commissioner,
    )
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["concerns"] == organisation
    assert ContentType.objects.get_for_model(organisation) == decision.concerns_type
