"""Fixtures of the participation tests: a priority the commissioner leads, and a group."""

import pytest

from commissioning.tests.factories import PriorityAreaFactory
from participation.tests.factories import StakeholderGroupFactory


@pytest.fixture
def area(commissioner):
    """Children in Care, led by the `commissioner` fixture."""
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def council():
    return StakeholderGroupFactory(name="Children in Care Council")
