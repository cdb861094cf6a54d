"""The demo data: complete, idempotent, and with contracts ending soon."""

import pytest

from commissioning import demo
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    NeedsAssessment,
    Provider,
    Service,
    StageMove,
)
from core.choices import Stage
from core.seed_files import read_seed

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


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_adds_nothing(loaded):
    before = _counts()
    assert demo.load() == 0
    assert _counts() == before


def test_every_seed_service_is_present(loaded):
    names = set(Service.objects.values_list("partnership", "name"))
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
