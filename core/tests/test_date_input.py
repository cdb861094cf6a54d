"""Dates typed as GOV.UK's date pattern asks: day, month and year boxes, and clear errors."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from core.date_input import DateField
from priorities.tests.factories import OrganisationFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db


class _DueForm(forms.Form):
    due_date = DateField(label="Due date")
    review_date = DateField(label="Review date", required=False)


def _errors(data: dict) -> dict:
    form = _DueForm(data)
    assert not form.is_valid()
    return form.errors


def test_three_boxes_make_a_date():
    form = _DueForm({"due_date_day": "1", "due_date_month": "12", "due_date_year": "2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due_date": datetime.date(2026, 12, 1), "review_date": None}


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "", "2026", "Due date must include a month"),
        ("", "", "2026", "Due date must include a day and a month"),
        ("31", "2", "2026", "Due date must be a real date"),
        ("1", "Dec", "2026", "Due date must be a real date"),
        ("1", "12", "26", "Due date year must include 4 numbers"),
        ("", "", "", "This field is required."),
    ],
)
def test_a_wrong_or_partial_date_says_what_is_wrong(day, month, year, message):
    data = {"due_date_day": day, "due_date_month": month, "due_date_year": year}
    assert _errors(data)["due_date"] == [message]


def test_one_value_under_the_fields_name_is_still_read():
    """Pages and scripts posted one ISO (or day/month/year) value before the three boxes."""
    form = _DueForm({"due_date": "2026-12-01", "review_date": "31/03/2027"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["review_date"] == datetime.date(2027, 3, 31)
    assert _errors({"due_date": "2026-02-31"})["due_date"] == ["Due date must be a real date"]


def test_the_action_form_shows_three_labelled_boxes_in_a_fieldset(
    commissioner_client, commissioner
):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    OrganisationFactory(short_name="CWaC")
    page = commissioner_client.get(reverse("priorities:action_create", args=[area.pk]))
    html = page.content.decode()
    start = html.index('<div class="jcm-date-input" id="id_due_date">')
    fieldset = html[html.rindex("<fieldset", 0, start) : html.index("</fieldset>", start)]
    assert "<legend" in fieldset and "Due date" in fieldset
    for number, part in enumerate(("Day", "Month", "Year")):
        assert f'for="id_due_date_{number}">{part}</label>' in fieldset
        assert f'name="due_date_{part.lower()}"' in fieldset
        assert f'id="id_due_date_{number}"' in fieldset
    assert 'type="date"' not in html


def test_a_partial_due_date_is_refused_beside_the_field(commissioner_client, commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    organisation = OrganisationFactory(short_name="CWaC")
    response = commissioner_client.post(
        reverse("priorities:action_create", args=[area.pk]),
        {
            "title": "Retain TAF advisors",
            "owner": commissioner.pk,
            "lead_organisation": organisation.pk,
            "start_date_day": "1",
            "start_date_month": "9",
            "start_date_year": "2026",
            "due_date_day": "30",
            "due_date_month": "",
            "due_date_year": "2027",
            "status": "not_started",
            "stage": "plan",
        },
    )
    assert response.status_code == 200
    assert "Due date must include a month" in response.content.decode()
    assert not area.actions.exists()
