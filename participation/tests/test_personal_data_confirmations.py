"""The personal-data check of participation records: refused with the field and the reason, or
confirmed "not about a child", which is recorded (who, when, the kinds found, never the words)
and shown on the record's page. Other forms keep no override."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.person_names import names_for
from core.personal_data import (
    CONFIRMATION_FIELD,
    CONFIRMATION_LABEL,
    PersonalDataFormMixin,
    find_personal_data,
)
from core.tests.factories import CommissionerFactory
from participation.forms import ParticipationRecordForm
from participation.models import ParticipationRecord, PersonalDataConfirmation
from participation.tests.factories import ParticipationRecordFactory
from participation.tests.helpers import item_form_data, record_form_data
from priorities.models import Action
from priorities.tests.helpers import new_action_post

pytestmark = pytest.mark.django_db

CREATE = reverse("participation:record_create")
KIND = "a person's name"
IDENTITY = "Jamie Smith, DOB 14/03/2015, said the bus is always late."


@pytest.fixture
def staff(area):
    """A colleague in the commissioner's partnership, whose name the check looks for."""
    partnership = area.framework.partnership
    return CommissionerFactory(
        first_name="Samira", last_name="Okafor", role__partnership=partnership
    )


def _errors(response, name: str) -> str:
    return " ".join(response.context["form"].errors.get(name, []))


def test_a_fresh_form_offers_no_confirmation(commissioner_client, area):
    page = commissioner_client.get(CREATE).content.decode()
    assert CONFIRMATION_LABEL not in page


def test_a_childs_identity_is_refused_with_the_confirmation_offered(
    commissioner_client, area, council
):
    data = record_form_data(priority_areas=[area], groups=[council], you_said=IDENTITY)
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 200
    assert "a date of birth ('DOB 14/03/2015')" in _errors(response, "you_said")
    page = response.content.decode()
    assert CONFIRMATION_LABEL in page
    assert escape(IDENTITY) in page
    assert not ParticipationRecord.objects.exists()


def test_a_colleagues_name_is_refused(commissioner_client, area, council, staff):
    data = record_form_data(
        priority_areas=[area], groups=[council], we_did="Samira wrote to the council."
    )
    response = commissioner_client.post(CREATE, data)
    assert "a person's name ('Samira')" in _errors(response, "we_did")
    assert not ParticipationRecord.objects.exists()


def test_a_configured_first_name_is_refused(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[council], you_said="Olivia asked.")
    response = commissioner_client.post(CREATE, data)
    assert "a person's name ('Olivia')" in _errors(response, "you_said")


def test_the_confirmation_saves_and_records_who_when_and_what_kinds(
    commissioner_client, commissioner, area, council, staff
):
    data = record_form_data(
        priority_areas=[area],
        groups=[council],
        you_said=IDENTITY,
        we_did="Samira wrote to the bus company.",
        **{CONFIRMATION_FIELD: "on"},
    )
    response = commissioner_client.post(CREATE, data)
    record = ParticipationRecord.objects.get()
    assert response.status_code == 302
    assert record.you_said == IDENTITY
    confirmations = {c.field_name: c for c in record.personal_data_confirmations.all()}
    assert set(confirmations) == {"you_said", "we_did"}
    assert confirmations["you_said"].kinds == (
        "a date of birth; a child's name beside a date of birth or age; a person's name"
    )
    assert confirmations["we_did"].kinds == "a person's name"
    for confirmation in confirmations.values():
        assert confirmation.confirmed_by == commissioner
        assert confirmation.confirmed_at == timezone.now()


def test_the_confirmation_never_holds_the_words_found(commissioner_client, area, council):
    data = record_form_data(
        priority_areas=[area], groups=[council], you_said=IDENTITY, **{CONFIRMATION_FIELD: "on"}
    )
    commissioner_client.post(CREATE, data)
    row = PersonalDataConfirmation.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    for words in ("Jamie", "Smith", "14/03/2015", "bus"):
        assert words not in stored


def test_a_tick_with_nothing_found_records_nothing(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[council], **{CONFIRMATION_FIELD: "on"})
    assert commissioner_client.post(CREATE, data).status_code == 302
    assert ParticipationRecord.objects.count() == 1
    assert not PersonalDataConfirmation.objects.exists()


def test_an_edit_confirmed_is_recorded_for_the_editor(
    commissioner_client, commissioner, area, council
):
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council])
    url = reverse("participation:record_update", args=[record.pk])
    form = commissioner_client.get(url).context["form"]
    data = record_form_data(
        priority_areas=[area],
        groups=[council],
        you_said=IDENTITY,
        version=form["version"].value(),
        snapshot=form["snapshot"].value(),
    )
    refused = commissioner_client.post(url, data)
    assert "a date of birth" in _errors(refused, "you_said")
    response = commissioner_client.post(url, data | {CONFIRMATION_FIELD: "on"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.you_said == IDENTITY
    confirmation = record.personal_data_confirmations.get()
    assert (confirmation.field_name, confirmation.confirmed_by) == ("you_said", commissioner)


def test_the_records_page_shows_who_checked_it(commissioner_client, commissioner, area):
    commissioner.first_name, commissioner.last_name = "Dee", "Nash"
    commissioner.save()
    record = ParticipationRecordFactory(priority_areas=[area])
    PersonalDataConfirmation.objects.create(
        record=record,
        field_name="you_said",
        kinds="a person's name",
        confirmed_by=commissioner,
        confirmed_at=timezone.now() - datetime.timedelta(days=2),
    )
    page = commissioner_client.get(record.get_absolute_url()).content.decode()
    day = f"{timezone.localdate() - datetime.timedelta(days=2):%-d %B %Y}"
    assert (
        f"Checked by Dee Nash on {day}: not about a child (field: what we heard (you said); "
        f"found: {escape(KIND)})"
    ) in page


def test_a_record_with_nothing_confirmed_shows_no_check(commissioner_client, area):
    record = ParticipationRecordFactory(priority_areas=[area])
    page = commissioner_client.get(record.get_absolute_url()).content.decode()
    assert "Personal data check" not in page


def test_other_forms_keep_no_override(commissioner_client, commissioner, area):
    """A ticked box on another app's form does not let a child's identity through."""
    url = reverse("priorities:action_create", args=[area.pk])
    data = new_action_post(commissioner, description=IDENTITY) | {CONFIRMATION_FIELD: "on"}
    response = commissioner_client.post(url, data)
    assert "Remove anything that could identify a child." in _errors(response, "description")
    assert CONFIRMATION_FIELD not in response.context["form"].fields
    assert CONFIRMATION_LABEL not in response.content.decode()
    assert not Action.objects.exists()


def test_the_admins_record_form_keeps_no_override():
    form_class = admin.site._registry[ParticipationRecord].form
    assert issubclass(form_class, PersonalDataFormMixin)
    assert CONFIRMATION_FIELD not in form_class.base_fields
    assert not hasattr(form_class, "confirmed_findings")


def test_the_admin_lists_confirmations_read_only(administrator_client, commissioner, area):
    record = ParticipationRecordFactory(priority_areas=[area], title="Bus passes")
    confirmation = PersonalDataConfirmation.objects.create(
        record=record, field_name="you_said", kinds="a person's name", confirmed_by=commissioner
    )
    listing = administrator_client.get(
        reverse("admin:participation_personaldataconfirmation_changelist"), {"q": "Bus"}
    )
    assert "Bus passes" in listing.content.decode()
    assert (
        administrator_client.get(
            reverse("admin:participation_personaldataconfirmation_add")
        ).status_code
        == 403
    )
    change = administrator_client.get(
        reverse("admin:participation_personaldataconfirmation_change", args=[confirmation.pk])
    )
    assert change.status_code == 200
    assert 'name="kinds"' not in change.content.decode()


def test_every_demo_record_passes_with_its_partnerships_names(demo):
    """The names of the partnership's users and the first names list refuse no demo record."""
    fields = ParticipationRecordForm.personal_data_fields(ParticipationRecordForm.base_fields)
    refused = []
    records = list(ParticipationRecord.objects.all())
    assert len(records) > 10
    for record in records:
        names = names_for(record.partnership_id)
        for name in fields:
            found = find_personal_data(getattr(record, name), names=names)
            if found:
                refused.append((record.title, name, found))
    assert refused == []


def test_a_colleagues_name_in_a_you_said_item_is_refused_without_a_confirmation(
    commissioner_client, area, council, staff
):
    """An item's words go to the public page as written: what the check finds is rewritten."""
    row = {
        "you_said": "You want to text your advocate.",
        "outcome": "we_did",
        "response": "Samira opened a text line.",
        "by_date": timezone.localdate().isoformat(),
    }
    data = item_form_data(record_form_data(priority_areas=[area], groups=[council]), [row])
    response = commissioner_client.post(CREATE, {**data, CONFIRMATION_FIELD: "on"})
    assert response.status_code == 200
    item_errors = " ".join(response.context["items"].forms[0].errors.get("response", []))
    assert "a person's name ('Samira')" in item_errors
    assert not ParticipationRecord.objects.exists()

    row["response"] = "The advocacy service opened a text line."
    data = item_form_data(record_form_data(priority_areas=[area], groups=[council]), [row])
    assert commissioner_client.post(CREATE, data).status_code == 302
    assert ParticipationRecord.objects.get().you_said_items.get().response == row["response"]
