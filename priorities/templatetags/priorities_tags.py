"""Template filters of the priorities pages."""

import datetime
from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value: Decimal | float | int | None) -> str:
    """A figure as the seeds print it: 129.6, 71, 1,250 (up to two decimals, no trailing zeros)."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(value):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def isodate(value: str | None):
    """A date kept as ISO text (as the report snapshots keep them) back as a date, to format."""
    if not value:
        return None
    return datetime.date.fromisoformat(value)


@register.filter
def with_values(comparisons) -> list:
    """The comparisons (assemble's `latest.comparisons`, or an indicator's) that have a
    comparator's value to compare with."""
    return [
        c
        for c in comparisons or ()
        if (c.get("value") if isinstance(c, dict) else c.value) is not None
    ]
