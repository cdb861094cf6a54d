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
def report_sections(content: dict) -> list[dict]:
    """The sections of a report's content in REPORT_SECTIONS order, each with its partial;
    a section the content lacks (an older snapshot) is left out."""
    from priorities.reports.assemble import REPORT_SECTIONS

    return [
        {
            "name": name,
            "template": f"priorities/reports/_section_{name}.html",
            "data": content[name],
        }
        for name, _ in REPORT_SECTIONS
        if name in content
    ]
