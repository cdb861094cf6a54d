"""ServiceFormMixin: a service's ValidationError comes back on the form, beside its field or on
top, and nothing is saved."""

import re

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.views.generic import FormView

from commissioning.models import CommissioningActivity
from commissioning.tests.factories import ActivityFactory, ContractFactory
from core.service_forms import ServiceFormMixin, add_service_errors
from participation.models import ParticipationRecord
from participation.tests.factories import StakeholderGroupFactory
from participation.tests.helpers import record_form_data
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db


class TitleForm(forms.Form):
    title = forms.CharField()


class Saved:
    def get_absolute_url(self) -> str:
        return "/saved/"


class TitlePage(ServiceFormMixin, FormView):
    """A page whose service refuses what `refusal` says, or saves."""

    form_class = TitleForm
    template_name = "never-rendered.html"
    success_message = "Saved."
    refusal: ValidationError | None = None

    def perform(self, form):
        if self.refusal is not None:
            raise self.refusal
        return Saved()


def _post(refusal: ValidationError | None = None):
    request = RequestFactory().post("/", {"title": "Advocacy"})
    request._messages = CookieStorage(request)
    return request, TitlePage.as_view(refusal=refusal)(request)


def test_a_service_that_saves_leads_to_the_saved_record_with_the_success_message():
    request, response = _post()
    assert response.status_code == 302
    assert response.url == "/saved/"
    assert [str(message) for message in get_messages(request)] == ["Saved."]


def test_a_field_error_of_the_service_comes_back_beside_that_field():
    request, response = _post(ValidationError({"title": "This title is taken."}))
    form = response.context_data["form"]
    assert response.status_code == 200
    assert form.errors == {"title": ["This title is taken."]}
    assert list(get_messages(request)) == []


def test_an_error_about_the_whole_record_comes_back_on_top_of_the_form():
    _, response = _post(ValidationError("This report has been submitted."))
    form = response.context_data["form"]
    assert form.non_field_errors() == ["This report has been submitted."]
    assert "title" not in form.errors


def test_errors_about_fields_the_form_does_not_show_come_back_on_top():
    form = TitleForm({"title": "Advocacy"})
    form.is_valid()
    add_service_errors(
        form,
        ValidationError(
            {
                "title": "Too long.",
                "lead_commissioner": "Choose a commissioner.",
                NON_FIELD_ERRORS: "Dates overlap.",
            }
        ),
    )
    assert form.errors["title"] == ["Too long."]
    assert sorted(form.non_field_errors()) == ["Choose a commissioner.", "Dates overlap."]


def test_a_services_field_error_shows_next_to_the_field_on_a_real_page(
    commissioner, commissioner_client
):
    """Participation: the service checks that a chosen activity serves a ticked priority."""
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    activity = ActivityFactory(title="Advocacy review")
    data = record_form_data(
        priority_areas=[area], groups=[StakeholderGroupFactory()], activity=activity.pk
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        r'<span id="error_1_id_activity"><strong>“Advocacy review” serves the priority', html
    )
    assert not ParticipationRecord.objects.exists()


def test_a_services_error_about_the_record_shows_on_top_of_a_real_page(
    commissioner, commissioner_client
):
    """Commissioning: a contract is re-commissioned by one activity at a time."""
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    contract = ContractFactory()
    ActivityFactory(title="Re-commission: advocacy", recommissions=contract)
    url = reverse("commissioning:contract_recommission", args=[contract.pk])
    response = commissioner_client.post(url, {"priority_area": area.pk})
    html = response.content.decode()
    message = "“Re-commission: advocacy” already re-commissions this contract."
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [message]
    assert html.index(message) < html.index('id="div_id_priority_area"')
    assert CommissioningActivity.objects.count() == 1
