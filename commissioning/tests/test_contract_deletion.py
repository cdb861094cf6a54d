"""A contract with a record of its management (reviews, KPIs, variations, board decisions) is
ended, never deleted: refused at the model and explained in the admin."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from commissioning.models import Contract, ContractReview, ContractVariation
from commissioning.tests.factories import ContractFactory, ContractReviewFactory, KpiFactory
from governance.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def _variation(contract: Contract) -> ContractVariation:
    return ContractVariation.objects.create(
        contract=contract,
        agreed_on=contract.start_date + datetime.timedelta(days=30),
        agreed_by="The Children's Trust Executive",
        reason="More young carers referred than planned.",
        previous_annual_value=contract.annual_value,
        new_annual_value=Decimal("130000"),
        previous_total_value=contract.total_value,
        previous_end_date=contract.end_date,
    )


def _decision_on(contract: Contract):
    return DecisionFactory(
        concerns_type=ContentType.objects.get_for_model(Contract), concerns_id=contract.pk
    )


def _give(contract: Contract, record: str) -> None:
    if record == "review":
        ContractReviewFactory(contract=contract)
    elif record == "KPI":
        KpiFactory(contract=contract)
    elif record == "variation":
        _variation(contract)
    else:
        _decision_on(contract)


@pytest.mark.parametrize("record", ["review", "KPI", "variation", "board decision"])
def test_a_contract_with_a_record_cannot_be_deleted(record):
    """Deleting a contract deleted its reviews (and KPIs, variations) with it."""
    contract = ContractFactory(reference="HBC-CYP-DEL")
    _give(contract, record)
    with pytest.raises(ProtectedError) as refused:
        contract.delete()
    assert f"HBC-CYP-DEL cannot be deleted: it has 1 {record}" in str(refused.value.args[0])
    assert Contract.objects.filter(pk=contract.pk).exists()


def test_a_queryset_delete_is_refused_for_a_contract_with_a_board_decision():
    """A bulk delete skipped the check of the boards' decisions, which no foreign key protects."""
    contract = ContractFactory()
    _decision_on(contract)
    with pytest.raises(ProtectedError), transaction.atomic():
        Contract.objects.filter(pk=contract.pk).delete()
    assert Contract.objects.filter(pk=contract.pk).exists()


def test_a_contract_without_records_can_still_be_deleted():
    contract = ContractFactory()
    contract.delete()
    assert not Contract.objects.filter(pk=contract.pk).exists()


def test_the_admin_delete_page_explains_why_and_what_to_do(administrator_client):
    """The admin's delete of a contract with reviews answered a ProtectedError, or deleted them."""
    contract = ContractFactory(reference="HBC-CYP-ADM")
    ContractReviewFactory(contract=contract)
    ContractReviewFactory(contract=contract)
    KpiFactory(contract=contract)
    url = reverse("admin:commissioning_contract_delete", args=[contract.pk])
    response = administrator_client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "HBC-CYP-ADM cannot be deleted: it has 2 reviews and 1 KPI" in page
    assert "set its status to Expired or Decommissioned instead" in page
    assert "would require deleting the following protected related objects" in page
    assert "Yes, I’m sure" not in page
    # Posting the confirmation anyway deletes nothing.
    response = administrator_client.post(url, {"post": "yes"})
    assert response.status_code in (200, 403)
    assert Contract.objects.filter(pk=contract.pk).exists()
    assert ContractReview.objects.filter(contract=contract).count() == 2


def test_the_admin_bulk_delete_lists_the_board_decisions(administrator_client):
    """A contract's board decisions did not stop its deletion in the admin."""
    contract = ContractFactory()
    decision = _decision_on(contract)
    response = administrator_client.post(
        reverse("admin:commissioning_contract_changelist"),
        {"action": "delete_selected", "_selected_action": [contract.pk], "post": "yes"},
    )
    page = response.content.decode()
    assert f"Board decision: {decision}" in page
    assert Contract.objects.filter(pk=contract.pk).exists()
