"""An id too large for the database matches nothing instead of failing the query."""

import pytest
from django.urls import reverse

from commissioning.tests.factories import ActivityFactory, PriorityAreaFactory
from governance.models import Organisation
from governance.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = 2**63
TOO_SMALL = -(2**63) - 1


def test_in_lookup_leaves_out_ids_the_column_cannot_hold():
    organisation = OrganisationFactory()
    assert list(Organisation.objects.filter(pk__in=[organisation.pk, TOO_LARGE])) == [organisation]
    assert not Organisation.objects.filter(pk__in=[TOO_LARGE, TOO_SMALL]).exists()
    assert Organisation.objects.exclude(pk__in=[TOO_LARGE]).count() == 1


def test_a_forged_id_in_a_multiple_choice_is_a_form_error(commissioner_client, commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    activity = ActivityFactory(priority_area=area)
    url = reverse("commissioning:activity_update", args=[activity.pk])
    form = commissioner_client.get(url).context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() not in (None, False) and name != "commissioning_organisations"
    }
    data["commissioning_organisations"] = [str(TOO_LARGE)]
    response = commissioner_client.post(url, data)
    assert response.status_code in (200, 400)
    assert "commissioning_organisations" in response.context["form"].errors
