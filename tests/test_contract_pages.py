"""The contract pages: adding and editing (with options), two editors of one contract in the
product and in the admin, the review form taking a decision, and the decommissioning plan."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from commissioning.models import Contract, ContractReview, DecommissioningPlan
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ContractFactory,
    DecommissioningPlanFactory,
    ExtensionOptionFactory,
    PriorityAreaFactory,
)
from core.tests.helpers import admin_change_data, form_data
from participation.tests.factories import ParticipationRecordFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(lead_commissioners=[commissioner])


@pytest.fixture
def contract(area, commissioner, today):
    contract = ContractFactory(
        priority_area=area, owner=commissioner, end_date=today + datetime.timedelta(days=120)
    )
    ExtensionOptionFactory(contract=contract, months=12)
    ExtensionOptionFactory(contract=contract, months=12)
    return contract


def _options(*months) -> dict:
    data = {
        "options-TOTAL_FORMS": "3",
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "10",
    }
    for index in range(3):
        data[f"options-{index}-months"] = str(months[index]) if index < len(months) else ""
    return data


def _edit_page(client: Client, contract: Contract) -> dict:
    response = client.get(reverse("commissioning:contract_update", args=[contract.pk]))
    assert response.status_code == 200
    return form_data(response.context["form"]) | form_data(
        response.context["form"].options.management_form
    )


def _new_contract(area, today, **overrides) -> dict:
    """What the add page posts for a 3 + 1 + 1 year contract under `area`."""
    template = ContractFactory()
    return {
        "reference": "HBC-SEND-0999",
        "title": "Short breaks for disabled children",
        "service": template.service.pk,
        "provider": template.provider.pk,
        "priority_area": area.pk,
        "form": "call_off",
        "procurement_route": "framework",
        "lead_organisation": template.lead_organisation.pk,
        "annual_value": "410000",
        "total_value": "1230000",
        "start_date": f"{today:%Y-%m-%d}",
        "initial_end_date": f"{add_months(today, 36):%Y-%m-%d}",
        "notice_period_months": "6",
        "status": "live",
        "safeguarding_clause": "on",
        **_options(12, 12),
        **overrides,
    }


def test_lead_adds_a_contract_with_options_and_sees_it_in_the_register(
    commissioner_client, area, today
):
    data = _new_contract(area, today)
    response = commissioner_client.post(reverse("commissioning:contract_create"), data)
    assert response.status_code == 302
    created = Contract.objects.get(reference="HBC-SEND-0999")
    assert created.end_date == add_months(today, 36)
    register = commissioner_client.get(reverse("commissioning:contract_list")).content.decode()
    assert "1 + 1 years" in register
    assert f"{add_months(today, 60):%-d %b %Y}" in register


def test_contract_form_explains_bad_dates_values_and_options(commissioner_client, area, today):
    data = _new_contract(
        area,
        today,
        reference="X-1",
        annual_value="-1",
        initial_end_date=f"{today - datetime.timedelta(days=1):%Y-%m-%d}",
        **_options(0),
    )
    response = commissioner_client.post(reverse("commissioning:contract_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "The initial term cannot end before it starts." in page
    assert "The annual value cannot be negative." in page
    assert "An extension option lasts at least a month." in page
    assert not Contract.objects.filter(reference="X-1").exists()


def test_commissioner_cannot_add_under_a_priority_they_do_not_lead(commissioner_client, area):
    form = commissioner_client.get(reverse("commissioning:contract_create")).context["form"]
    assert list(form.fields["priority_area"].queryset) == [area]


def test_two_editors_of_one_contract_the_second_is_told_what_changed(
    commissioner_client, administrator_client, contract
):
    first, second = (
        _edit_page(commissioner_client, contract),
        _edit_page(administrator_client, contract),
    )
    url = reverse("commissioning:contract_update", args=[contract.pk])
    saved = commissioner_client.post(url, first | {"title": "Young carers (Widnes)"} | _options(12))
    assert saved.status_code == 302
    refused = administrator_client.post(url, second | {"annual_value": "99000"} | _options(12, 12))
    assert refused.status_code == 409
    assert ("Title", "Young carers (Widnes)") in refused.context["conflict_changes"]
    contract.refresh_from_db()
    assert (contract.title, contract.version, len(contract.options_left)) == (
        "Young carers (Widnes)",
        2,
        1,
    )
    kept = refused.context["form"]
    again = second | {"annual_value": "99000", "version": kept["version"].value()}
    again["snapshot"] = kept["snapshot"].value()
    assert administrator_client.post(url, again | _options(12, 12)).status_code == 302


def test_an_admin_save_and_a_site_edit_of_one_contract_never_overwrite(
    commissioner_client, administrator_client, contract
):
    site = _edit_page(commissioner_client, contract)
    admin_url = reverse("admin:commissioning_contract_change", args=[contract.pk])
    opened = admin_change_data(administrator_client.get(admin_url))
    assert administrator_client.post(admin_url, opened | {"title": "Admin's"}).status_code == 302
    refused = commissioner_client.post(
        reverse("commissioning:contract_update", args=[contract.pk]), site | _options(12, 12)
    )
    assert refused.status_code == 409
    contract.refresh_from_db()
    assert contract.title == "Admin's"


def _review_data(contract, today, decision, **extra) -> dict:
    return {
        "date": f"{today:%Y-%m-%d}",
        "performance_rag": "green",
        "outcomes_achieved": "Young carers report feeling better supported.",
        "value_for_money": "good",
        "decision": decision,
        "decision_date": f"{today:%Y-%m-%d}",
        "version": contract.version,
        **extra,
    }


def test_review_deciding_to_extend_moves_the_end_date_in_the_register(
    commissioner_client, contract, today
):
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    form_page = commissioner_client.get(url).content.decode()
    new_end = add_months(contract.end_date, 12)
    assert f"the contract then ends on {new_end:%-d %B %Y}" in form_page
    response = commissioner_client.post(
        url, _review_data(contract, today, "extend", extend_with="next_option")
    )
    assert response.status_code == 302
    register = commissioner_client.get(reverse("commissioning:contract_list")).content.decode()
    assert f"{new_end:%-d %b %Y}" in register
    # Submitting the same page again is refused as stale: no second option is taken.
    again = commissioner_client.post(
        url, _review_data(contract, today, "extend", extend_with="next_option")
    )
    assert again.status_code == 409
    assert "someone changed" in again.content.decode()
    assert ContractReview.objects.count() == 1


def test_a_decision_the_contract_does_not_allow_is_refused_on_the_form(
    commissioner_client, area, commissioner, today
):
    contract = ContractFactory(priority_area=area, owner=commissioner)
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    response = commissioner_client.post(url, _review_data(contract, today, "extend"))
    assert response.status_code == 200
    assert "has no extension option left" in response.content.decode()
    assert not ContractReview.objects.exists()


def test_decommission_decision_leads_to_the_plan_and_the_plan_to_the_end(
    commissioner_client, contract, today
):
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    ends = today + datetime.timedelta(days=100)
    response = commissioner_client.post(
        url, _review_data(contract, today, "decommission", service_end_date=f"{ends:%Y-%m-%d}")
    )
    plan = DecommissioningPlan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    page = commissioner_client.get(plan.get_absolute_url()).content.decode()
    assert "Link at least one consultation with the children and families affected" in page
    record = ParticipationRecordFactory(date=today - datetime.timedelta(days=3))
    link_url = reverse("participation:decommissioning_consultation_link", args=[plan.pk])
    assert commissioner_client.post(link_url, {"record": record.pk}).status_code == 302
    late = ParticipationRecordFactory(date=today)
    plan.decision_date = today - datetime.timedelta(days=1)
    DecommissioningPlan.objects.filter(pk=plan.pk).update(decision_date=plan.decision_date)
    refused = commissioner_client.post(link_url, {"record": late.pk})
    assert "after the decision to decommission" in refused.content.decode()


def test_plan_page_shows_the_steps_to_every_role_and_the_form_to_keepers(
    board_member_client, commissioner_client
):
    plan = DecommissioningPlanFactory()
    page = board_member_client.get(plan.get_absolute_url()).content.decode()
    assert "Equality and impact assessment" in page
    assert "Complete the plan" not in page
    edit = reverse("commissioning:decommissioning_plan_update", args=[plan.pk])
    assert commissioner_client.get(edit).status_code == 403
