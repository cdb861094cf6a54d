"""Money on the pages: pounds with thousands separators."""

from decimal import Decimal

import pytest

from commissioning.templatetags.commissioning_tags import gbp


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("2350000"), "£2,350,000"),
        (Decimal("2350000.00"), "£2,350,000"),
        (Decimal("1250.5"), "£1,250.50"),
        (Decimal("0"), "£0"),
        (None, "–"),
    ],
)
def test_gbp(value, shown):
    assert gbp(value) == shown
