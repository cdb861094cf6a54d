"""A child's identity typed into free text is refused on the site, in the admin and in imports:
the message names what was found, beside the field, and what the user typed is kept."""

import pytest
import tablib
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from commissioning.models import Contract, Provider
from commissioning.resources import ContractResource, ProviderResource
from commissioning.tests.factories import ActivityFactory, ContractFactory
from core.tests.helpers import admin_change_data
from participation.models import ParticipationRecord, VoiceAnswer, VoiceQuestion
from participation.tests.factories import StakeholderGroupFactory
from participation.tests.helpers import record_form_data
from priorities.imports import preview_rows
from priorities.models import Action, ProgressUpdate
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from priorities.tests.helpers import new_action_post

pytestmark = pytest.mark.django_db

IDENTITY = "Jamie Example-Child, DOB 03/04/2012, 12 Acacia Road"
FOUND = escape("This looks like a date of birth ('DOB 03/04/2012')")


def _error_beside(response, name: str) -> str:
    return " ".join(response.context["form"].errors[name])


@pytest.fixture
def led_area(commissioner):
    return PriorityAreaFactory(lead_commissioners=[commissioner], title="Children in Care")


def test_an_action_description_with_a_childs_identity_is_refused(
    commissioner_client, commissioner, led_area
):
    """An action's description accepted a child's name, date of birth and address."""
    url = reverse("priorities:action_create", args=[led_area.pk])
    response = commissioner_client.post(url, new_action_post(commissioner, description=IDENTITY))
    assert "Remove anything that could identify a child." in _error_beside(response, "description")
    page = response.content.decode()
    assert FOUND in page
    assert escape(IDENTITY) in page  # the input is kept
    assert not Action.objects.exists()


def test_a_progress_narrative_with_a_childs_identity_is_refused(commissioner_client, led_area):
    """A progress narrative accepted a child's name, date of birth and address."""
    action = ActionFactory(priority_area=led_area)
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[action.pk]),
        {
            "date": timezone.localdate().isoformat(),
            "rag": "amber",
            "percent_complete": "45",
            "narrative": IDENTITY,
        },
    )
    page = response.content.decode()
    assert FOUND in page
    assert escape(IDENTITY) in page
    assert not ProgressUpdate.objects.exists()


def test_a_voice_answer_with_a_childs_identity_is_refused(commissioner_client, commissioner):
    """A voice-of-the-child answer accepted a child's identity, and a refused answer was lost."""
    activity = ActivityFactory(stage="plan", lead_commissioner=commissioner)
    url = reverse("participation:voice_answers", args=[activity.pk])
    count = VoiceQuestion.objects.filter(stage="plan").count()
    data = {"form-TOTAL_FORMS": count, "form-INITIAL_FORMS": count, "form-0-answer": IDENTITY}
    response = commissioner_client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert FOUND in page
    assert escape(IDENTITY) in page
    assert not VoiceAnswer.objects.exists()


def test_a_participation_record_with_a_childs_identity_is_refused(commissioner_client, led_area):
    """A participation record's "you said" accepted a child's identity."""
    data = record_form_data(
        priority_areas=[led_area], groups=[StakeholderGroupFactory()], you_said=IDENTITY
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert "a date of birth ('DOB 03/04/2012')" in _error_beside(response, "you_said")
    assert escape(IDENTITY) in response.content.decode()
    assert not ParticipationRecord.objects.exists()


def test_an_admin_change_with_a_childs_identity_is_refused(administrator_client):
    """The admin's change form of an action accepted a child's identity."""
    action = ActionFactory(description="Plain words.")
    url = reverse("admin:priorities_action_change", args=[action.pk])
    data = admin_change_data(administrator_client.get(url)) | {"description": IDENTITY}
    response = administrator_client.post(url, data)
    assert response.status_code == 200
    assert "Remove anything that could identify a child." in " ".join(
        response.context["adminform"].form.errors["description"]
    )
    action.refresh_from_db()
    assert action.description == "Plain words."


def test_a_providers_address_is_kept_in_the_admin(administrator_client):
    """An organisation's own address and phone number are contact details, not a child's."""
    url = reverse("admin:commissioning_provider_add")
    data = admin_change_data(administrator_client.get(url)) | {
        "name": "Halton Youth Service",
        "kind": "vcfs",
        "address": "12 Acacia Road, Runcorn WA7 2GW",
        "contact_phone": "01928 123456",
    }
    response = administrator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_an_import_row_with_a_childs_identity_is_refused(commissioner, led_area):
    """An action plan import accepted a child's identity in a text cell."""
    row = {
        "title": "Renew the guidance",
        "description": IDENTITY,
        "owner": commissioner.username,
        "lead_organisation": "HBC",
        "start_date": "01/09/2026",
        "due_date": "31/03/2027",
    }
    preview = preview_rows(priority_area=led_area, rows=[(2, row)])
    assert not preview.is_valid
    assert any(
        error.startswith("Description: This looks like a date of birth ('DOB 03/04/2012')")
        for error in preview.rows[0].errors
    )


def test_an_admin_import_row_with_a_childs_identity_is_refused():
    """The admin's contract import accepted a child's identity in a title."""
    ContractFactory(reference="KEEP-1")
    exported = ContractResource().export()
    exported.append(
        [
            "NEW-1" if h == "reference" else IDENTITY if h == "title" else value
            for h, value in zip(exported.headers, exported[0], strict=True)
        ]
    )
    result = ContractResource().import_data(exported, dry_run=False, raise_errors=False)
    assert result.has_validation_errors()
    errors = result.invalid_rows[0].error_dict
    assert "This looks like a date of birth ('DOB 03/04/2012')" in errors["title"][0]
    assert list(Contract.objects.values_list("reference", flat=True)) == ["KEEP-1"]


def test_a_providers_address_imports_in_the_admin():
    """A provider's address and phone number are its contact details, not a child's."""
    dataset = tablib.Dataset(
        ["Halton Youth Service", "vcfs", "12 Acacia Road, Runcorn WA7 2GW", "01928 123456"],
        headers=["name", "kind", "address", "contact_phone"],
    )
    result = ProviderResource().import_data(dataset, dry_run=False, raise_errors=False)
    assert not result.has_validation_errors() and not result.has_errors()
    assert Provider.objects.get().contact_phone == "01928 123456"
