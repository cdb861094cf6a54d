"""The figure filter prints numbers as the seeds do."""

from decimal import Decimal

import pytest

from priorities.templatetags.priorities_tags import figure


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("129.60"), "129.6"),
        (Decimal("71.00"), "71"),
        (Decimal("37.85"), "37.85"),
        (Decimal("1250.00"), "1,250"),
        (Decimal("100"), "100"),
        (0, "0"),
        (None, ""),
    ],
)
def test_figure(value, shown):
    assert figure(value) == shown
