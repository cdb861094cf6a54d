"""Fixtures of the participation tests: a priority the commissioner leads, and a group."""

import pytest

from participation.tests.factories import StakeholderGroupFactory
from priorities.tests.factories import PriorityAreaFactory


@pytest.fixture
def area(commissioner):
    """Children in Care, led by the `commissioner` fixture."""
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def council():
    return StakeholderGroupFactory(name="Children in Care Council")
