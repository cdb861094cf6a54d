"""What a report's page shows of its content (assembled live, or a snapshot of any schema).

A priority may have over a thousand red, amber and overdue actions: the page lists the most
urgent of them (assemble.most_urgent), says how many there are, and
links to the action list filtered to the same exceptions. A snapshot keeps every exception, as
the report said it; the board pack's full plan, which is printed, lists them all.
"""

import datetime
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from core.date_text import written_date
from reporting.assemble import exception_urgency, most_urgent


class DateText:
    """ISO dates as the pages write them, in one named format (core.date_text formats each
    distinct date once)."""

    def __init__(self, format_name: str = "SHORT_DATE_FORMAT") -> None:
        self.format_name = format_name

    def __call__(self, iso: str | None) -> str:
        if not iso:
            return ""
        return written_date(datetime.date.fromisoformat(iso), self.format_name)


def exceptions_url(content: dict[str, Any]) -> str:
    """The action list filtered to the report's exceptions: the priority's actions red or amber
    on the report's day, or open and due before it (priorities/filters.py)."""
    query = {"priority_area": content["priority"]["id"], "exceptions_on": content["as_of"]}
    return f"{reverse('priorities:action_list')}?{urlencode(query)}"


def shown_actions(
    data: dict[str, Any], content: dict[str, Any], *, every_exception: bool = False
) -> dict[str, Any]:
    """The actions section with `shown_exceptions` (the most urgent, or all of them), their
    dates written out, `exception_count`, `more_exceptions` and `exceptions_url`."""
    rows = data["exceptions"]
    chosen = sorted(rows, key=exception_urgency) if every_exception else most_urgent(rows)
    # A page's content keeps only the most urgent exceptions, and counts them all.
    count = data.get("exception_count", len(rows))
    short = DateText()
    long = DateText("DATE_FORMAT")
    return {
        **data,
        "shown_exceptions": [
            {
                **row,
                "due_text": short(row["due"]),
                "narrative_on_text": short(row["narrative_on"]),
            }
            for row in chosen
        ],
        "exception_count": count,
        "more_exceptions": count - len(chosen),
        "exceptions_url": exceptions_url(content),
        "completed": [{**row, "on_text": long(row["on"])} for row in data["completed"]],
        "as_of_text": long(content["as_of"]),
    }
