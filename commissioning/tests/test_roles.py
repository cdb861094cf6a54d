"""The roles' permissions on the commissioning models, as the data migration grants them."""

import pytest

from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    PriorityAreaFactory,
)
from core import roles

pytestmark = pytest.mark.django_db


def test_commissioners_edit_the_cycle_records_and_view_the_rest(commissioner):
    for model in (
        "commissioningactivity",
        "stagemove",
        "needsassessment",
        "contractreview",
        "contract",
        "extensionoption",
        "contractvariation",
        "decommissioningplan",
    ):
        assert commissioner.has_perm(f"commissioning.change_{model}")
    # Which contracts a commissioner keeps is can_edit_contract's answer: their priorities'.
    assert not commissioner.has_perm("commissioning.delete_contract")
    assert not commissioner.has_perm("commissioning.add_provider")


def test_board_members_only_view(board_member):
    assert board_member.has_perm("commissioning.view_contract")
    assert not board_member.has_perm("commissioning.change_commissioningactivity")


def test_administrators_manage_providers_and_contracts(administrator):
    assert administrator.has_perm("commissioning.add_provider")
    assert administrator.has_perm("commissioning.delete_contract")


def test_can_edit_activity(commissioner, board_member, administrator):
    led = ActivityFactory(priority_area=PriorityAreaFactory(lead_commissioners=[commissioner]))
    own = ActivityFactory(lead_commissioner=commissioner)
    other = ActivityFactory()
    assert roles.can_edit_activity(commissioner, led)
    assert roles.can_edit_activity(commissioner, own)
    assert not roles.can_edit_activity(commissioner, other)
    assert not roles.can_edit_activity(board_member, led)
    assert roles.can_edit_activity(administrator, other)


def test_can_review_contract(commissioner, administrator):
    led = ActivityFactory(lead_commissioner=commissioner)
    assert roles.can_review_contract(commissioner, ContractFactory(activity=led))
    orphan = ContractFactory(activity=None)
    assert not roles.can_review_contract(commissioner, orphan)
    assert roles.can_review_contract(administrator, orphan)


def test_can_edit_contract_is_for_the_leads_of_its_priority(
    commissioner, board_member, administrator
):
    led = PriorityAreaFactory(lead_commissioners=[commissioner])
    contract = ContractFactory(priority_area=led)
    assert roles.can_edit_contract(commissioner, contract)
    assert not roles.can_edit_contract(board_member, contract)
    assert not roles.can_edit_contract(commissioner, ContractFactory(priority_area=None))
    assert roles.can_edit_contract(administrator, ContractFactory(priority_area=None))
    assert roles.can_review_contract(commissioner, contract)


def test_contracts_take_the_priority_and_lead_of_the_activity_that_let_them(commissioner):
    activity = ActivityFactory(lead_commissioner=commissioner)
    contract = ContractFactory(activity=activity)
    assert contract.priority_area == activity.priority_area
    assert contract.owner == commissioner


def test_commissioners_record_shares_kpis_and_assessments_but_not_agreements(
    commissioner, administrator
):
    for model in ("contribution", "keyperformanceindicator", "kpivalue", "performanceassessment"):
        assert commissioner.has_perm(f"commissioning.add_{model}")
        assert commissioner.has_perm(f"commissioning.change_{model}")
    for model in ("fundingagreement", "procurementleadtime"):
        assert commissioner.has_perm(f"commissioning.view_{model}")
        assert not commissioner.has_perm(f"commissioning.change_{model}")
        assert administrator.has_perm(f"commissioning.change_{model}")


def test_can_edit_contribution_follows_its_contract_or_activity(commissioner, administrator):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    mine = ContributionFactory(contract=ContractFactory(priority_area=area))
    theirs = ContributionFactory(contract=ContractFactory())
    activity_share = ContributionFactory(
        contract=None, activity=ActivityFactory(lead_commissioner=commissioner)
    )
    assert roles.can_edit_contribution(commissioner, mine)
    assert not roles.can_edit_contribution(commissioner, theirs)
    assert roles.can_edit_contribution(commissioner, activity_share)
    assert roles.can_edit_contribution(administrator, theirs)
