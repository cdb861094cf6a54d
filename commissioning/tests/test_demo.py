"""The demo data: complete, idempotent, and with contracts ending soon."""

import pytest
from django.test import Client
from django.urls import reverse

from commissioning import demo, selectors
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    Contribution,
    FundingAgreement,
    KeyPerformanceIndicator,
    KpiValue,
    NeedsAssessment,
    PerformanceAssessment,
    Provider,
    Service,
    StageMove,
)
from core import roles
from core.choices import Stage
from core.models import Partnership
from core.seed_files import read_seed
from core.tests.factories import UserFactory, give_role

pytestmark = pytest.mark.django_db

MODELS = (
    Service,
    Provider,
    Contract,
    ContractReview,
    CommissioningActivity,
    NeedsAssessment,
    StageMove,
)


@pytest.fixture
def loaded(demo):
    """The shared demo, loaded once for the session."""
    return demo


@pytest.fixture
def halton_user(loaded):
    """A board member working in Halton."""
    return give_role(
        UserFactory(), roles.BOARD_MEMBER, Partnership.objects.get(short_name="Halton")
    )


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_adds_nothing(loaded):
    before = _counts()
    assert demo.load() == 0
    assert _counts() == before


def test_every_seed_service_is_present(loaded):
    names = set(Service.objects.values_list("partnership__short_name", "name"))
    seed = read_seed("commissioning", "services")
    listed = {(partnership, row["name"]) for partnership, rows in seed.items() for row in rows}
    assert listed <= names
    assert {"Halton", "West Cheshire"} <= {p for p, _ in names}


@pytest.mark.dates
def test_contracts_ending_within_six_months_exist_and_are_sample(loaded):
    assert Contract.objects.ending_within(6).count() >= 3
    assert not Contract.objects.filter(is_sample=False).exists()


def test_activities_sit_in_every_stage(loaded):
    stages = set(CommissioningActivity.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert CommissioningActivity.objects.filter(cycle_number=2).exists()


def test_demo_has_shares_an_agreement_kpis_and_assessments(loaded, halton_user):
    assert FundingAgreement.objects.filter(kind="section_75").count() == 2
    assert Contribution.objects.filter(contract__isnull=False).count() >= 10
    assert Contribution.objects.filter(activity__isnull=False).exists()
    short = selectors.contract_register(halton_user).get(reference="HBC-SEND-0201")
    assert short.shares_difference == 10000
    assert (
        KeyPerformanceIndicator.objects.filter(contract__reference="HCCG-CAMHS-0301").count() == 2
    )
    assert KpiValue.objects.count() >= 20
    assert PerformanceAssessment.objects.count() == 11
    assert not Contribution.objects.filter(is_sample=False).exists()


@pytest.mark.dates
def test_demo_has_one_contract_due_an_assessment_and_decisions_to_take(loaded, halton_user):
    due = selectors.contracts_due_assessment()
    assert [c.reference for c in due] == ["HBC-CYP-0102"]
    plan = selectors.pipeline()
    assert plan.overdue and len(plan.entries) > len(plan.overdue)
    flagged = [e.contract.reference for e in plan.entries if e.contract.needs_more_kpis]
    assert flagged == ["HCCG-CAMHS-0301"]
    data = selectors.partner_commitments(user=halton_user)
    assert {p.short_name for p in data["partners"]} >= {"HBC", "NHS Halton CCG"}
    west = Partnership.objects.get(short_name="West Cheshire")
    data = selectors.partner_commitments(user=give_role(UserFactory(), roles.BOARD_MEMBER, west))
    assert "CWaC" in {p.short_name for p in data["partners"]}


def test_the_demos_shared_activity_is_seen_by_west_cheshire_and_kept_by_halton(loaded):
    activity = CommissioningActivity.objects.get(title="Pan-Cheshire CSE and Missing service")
    west = Partnership.objects.get(short_name="West Cheshire")
    client = Client()
    client.force_login(give_role(UserFactory(), roles.COMMISSIONER, west))
    page = client.get(activity.get_absolute_url()).content.decode()
    assert (
        "Led by Halton Children&#x27;s Trust, shared with West Cheshire Children&#x27;s Trust."
        in page
    )
    assert "Only Halton Children&#x27;s Trust edits it." in page
    edit = reverse("commissioning:activity_update", args=[activity.pk])
    assert client.get(edit).status_code == 403
    board = client.get(reverse("commissioning:cycle_board")).content.decode()
    assert "Pan-Cheshire CSE and Missing service" in board
    assert (
        "HBC-SEND-0201" not in client.get(reverse("commissioning:contract_list")).content.decode()
    )
