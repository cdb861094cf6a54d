"""The database constraints behind the forms' rules: they hold even when validation is skipped."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    ServiceFactory,
)
from core.tests.factories import PartnershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _violates(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContractFactory(**kwargs)


def test_contract_end_before_start_is_refused_by_the_database():
    _violates(start_date=datetime.date(2026, 4, 1), end_date=datetime.date(2026, 3, 31))


def test_contract_negative_values_are_refused_by_the_database():
    _violates(annual_value=Decimal("-1"))
    _violates(total_value=Decimal("-0.01"))


def test_contract_initial_term_ending_before_start_is_refused_by_the_database():
    _violates(start_date=datetime.date(2026, 4, 1), initial_end_date=datetime.date(2026, 1, 1))


def test_contract_reference_is_unique():
    ContractFactory(reference="HBC-001")
    _violates(reference="HBC-001")


def test_contract_full_clean_explains_each_problem():
    contract = ContractFactory.build(
        reference="X-1",
        start_date=datetime.date(2026, 4, 1),
        end_date=datetime.date(2026, 3, 1),
        initial_end_date=datetime.date(2026, 2, 1),
        annual_value=Decimal("-5"),
    )
    contract.service.save()
    contract.provider.save()
    contract.lead_organisation.save()
    contract.service_id, contract.provider_id = contract.service.pk, contract.provider.pk
    contract.lead_organisation_id = contract.lead_organisation.pk
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    messages = error.value.message_dict
    assert messages["end_date"] == [
        "The end date (1 March 2026) cannot be before the start date (1 April 2026)."
    ]
    assert messages["initial_end_date"] == [
        "The initial term cannot end (1 February 2026) before the contract starts (1 April 2026)."
    ]
    assert messages["annual_value"] == ["The annual value cannot be negative."]


def test_activity_budget_cannot_be_negative():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(budget=Decimal("-100"))


def test_review_decision_needs_its_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ContractReviewFactory(decision="extend", decision_date=None)


def test_service_name_unique_per_partnership_and_client_group():
    ServiceFactory(name="Advocacy")
    ServiceFactory(name="Advocacy", partnership=PartnershipFactory(short_name="West Cheshire"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFactory(name="Advocacy")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 11, 25), 3, datetime.date(2027, 2, 25)),
        (datetime.date(2026, 11, 25), 18, datetime.date(2028, 5, 25)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected
