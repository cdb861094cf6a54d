"""Services: each write validates before it saves, and a refused write saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from commissioning import services
from commissioning.models import CommissioningActivity, Contract, ContractReview, NeedsAssessment
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)
from core.choices import Stage
from core.edit_conflicts import EditConflict

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _activity_data(priority_area, lead, **overrides):
    data = {
        "title": "Short breaks market development",
        "priority_area": priority_area,
        "lead_commissioner": lead,
        "budget": Decimal("410000"),
    }
    data.update(overrides)
    return data


def test_activity_create_starts_at_analyse_cycle_one(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    council = OrganisationFactory()
    activity = services.activity_create(
        data=_activity_data(area, commissioner), organisations=[council]
    )
    assert (activity.stage, activity.cycle_number, activity.version) == (Stage.ANALYSE, 1, 1)
    assert list(activity.commissioning_organisations.all()) == [council]


def test_activity_create_needs_an_organisation_and_saves_nothing_without(commissioner):
    area = PriorityAreaFactory()
    with pytest.raises(ValidationError) as error:
        services.activity_create(data=_activity_data(area, commissioner), organisations=[])
    assert "at least one commissioning organisation" in str(error.value)
    assert not CommissioningActivity.objects.exists()


def test_activity_create_refuses_a_negative_budget(commissioner):
    area = PriorityAreaFactory()
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            data=_activity_data(area, commissioner, budget=Decimal("-1")),
            organisations=[OrganisationFactory()],
        )
    assert "budget" in error.value.message_dict
    assert not CommissioningActivity.objects.exists()


def test_activity_update_bumps_the_version_and_refuses_a_stale_edit():
    activity = ActivityFactory()
    organisations = list(activity.commissioning_organisations.all())
    updated = services.activity_update(
        activity=activity,
        data={"title": "Renamed"},
        organisations=organisations,
        expected_version=1,
    )
    assert updated.version == 2
    with pytest.raises(EditConflict) as conflict:
        services.activity_update(
            activity=activity,
            data={"title": "Stale"},
            organisations=organisations,
            expected_version=1,
        )
    assert conflict.value.current.title == "Renamed"
    activity.refresh_from_db()
    assert activity.title == "Renamed"


def test_activity_update_refuses_fields_of_the_cycle():
    activity = ActivityFactory()
    with pytest.raises(TypeError):
        services.activity_update(
            activity=activity,
            data={"stage": Stage.DO},
            organisations=activity.commissioning_organisations.all(),
            expected_version=1,
        )


def test_needs_assessment_is_filed_under_the_current_cycle():
    activity = ActivityFactory(cycle_number=3)
    assessment = services.needs_assessment_add(
        activity=activity,
        data={
            "title": "JSNA refresh",
            "date": datetime.date(2026, 10, 1),
            "evidence_sources": "JSNA",
            "population": "0-19",
            "key_findings": "More demand",
        },
    )
    assert assessment.cycle_number == 3
    assert NeedsAssessment.objects.count() == 1


def test_contract_review_with_a_decision_needs_its_date():
    contract = ContractFactory()
    with pytest.raises(ValidationError) as error:
        services.contract_review_add(
            contract=contract,
            data={
                "date": datetime.date(2026, 11, 1),
                "performance_rag": "green",
                "outcomes_achieved": "All met",
                "value_for_money": "good",
                "decision": ContractReview.Decision.EXTEND,
                "decision_date": None,
            },
        )
    assert error.value.message_dict["decision_date"] == ["Give the date of the decision."]
    assert not ContractReview.objects.exists()


def test_start_recommissioning_creates_an_activity_linked_to_the_contract(commissioner):
    co = OrganisationFactory()
    contract = ContractFactory(co_commissioners=[co])
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    activity = services.contract_start_recommissioning(
        contract=contract, priority_area=area, lead_commissioner=commissioner
    )
    assert activity.recommissions == contract
    assert activity.stage == Stage.ANALYSE
    assert activity.title == f"Re-commission: {contract.title}"
    assert set(activity.commissioning_organisations.all()) == {contract.lead_organisation, co}
    with pytest.raises(ValidationError) as error:
        services.contract_start_recommissioning(
            contract=contract, priority_area=area, lead_commissioner=commissioner
        )
    assert "already re-commissions" in error.value.messages[0]
    assert CommissioningActivity.objects.count() == 1


def test_mark_decommissioned_changes_only_those_not_already():
    live, ending = ContractFactory(), ContractFactory(status=Contract.Status.ENDING)
    ContractFactory(status=Contract.Status.DECOMMISSIONED)
    changed = services.contracts_mark_decommissioned(contracts=Contract.objects.all())
    assert changed == 2
    live.refresh_from_db()
    ending.refresh_from_db()
    assert live.status == ending.status == Contract.Status.DECOMMISSIONED


def test_a_decommissioned_contract_is_not_recommissioned(commissioner):
    contract = ContractFactory(reference="OLD-1", status=Contract.Status.DECOMMISSIONED)
    with pytest.raises(ValidationError) as error:
        services.contract_start_recommissioning(
            contract=contract,
            priority_area=PriorityAreaFactory(lead_commissioners=[commissioner]),
            lead_commissioner=commissioner,
        )
    assert "OLD-1 is decommissioned" in error.value.messages[0]
    assert not CommissioningActivity.objects.exists()
