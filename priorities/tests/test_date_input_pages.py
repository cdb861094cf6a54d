"""The action form's dates as GOV.UK's date pattern: three labelled boxes and clear errors."""

import pytest
from django.urls import reverse

from priorities.tests.factories import OrganisationFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db


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
