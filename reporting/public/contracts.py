"""The public contracts register and its Transparency Code CSV download (README,
"Transparency Code contracts"): the fields of commissioning.transparency, nothing else."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from commissioning import transparency
from commissioning.transparency import Quarter
from core.public import public_page, render_public
from reporting.public.views import public_partnership

PAGE_SIZE = 50
QUARTERS_OFFERED = 8  # the current quarter and the seven before it: two years of files
NOT_GIVEN = "Not given"


class BadPeriod(ValueError):
    """The address asks for a period that is not one; its message says how to ask."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    quarter: Quarter | None = None

    @property
    def label(self) -> str:
        if self.quarter is not None:
            return f"in force in {self.quarter}"
        if self.start == self.end:
            return f"in force on {self.start:%-d %B %Y}"
        return f"in force from {self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    @property
    def query(self) -> dict[str, str]:
        if self.quarter is not None:
            return {"quarter": self.quarter.code}
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def _date(request: HttpRequest, name: str) -> datetime.date:
    text = request.GET.get(name, "")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadPeriod(
            f"“{text[:40]}” is not a date: give {name} as YYYY-MM-DD, e.g. 2026-07-01."
        ) from None


def requested_period(request: HttpRequest, default: Period) -> Period:
    """The period the address asks for (?quarter=2026-27-Q2, or ?from=...&to=...); an empty
    quarter (the register's "In force today") is none."""
    has_quarter = bool(request.GET.get("quarter"))
    has_dates = "from" in request.GET or "to" in request.GET
    if has_quarter and has_dates:
        raise BadPeriod("Ask for a quarter or for from and to dates, not both.")
    if has_quarter:
        try:
            quarter = Quarter.parse(request.GET["quarter"])
        except ValueError as error:
            raise BadPeriod(str(error)) from None
        return Period(quarter.start_date, quarter.end_date, quarter)
    if has_dates:
        start, end = _date(request, "from"), _date(request, "to")
        if start > end:
            raise BadPeriod(f"The period starts ({start}) after it ends ({end}).")
        return Period(start, end)
    return default


def display(value: Any) -> str:
    """A published value as the page shows it."""
    if value is None or value == "":
        return NOT_GIVEN
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, Decimal):
        return f"£{value:,.2f}"
    return str(value)


def _bad_period(partnership, error: BadPeriod) -> HttpResponse:
    return render_public(
        "reporting/public/contracts_bad_period.html",
        {"partnership": partnership, "message": str(error)},
        status=400,
    )


def _offered(slug: str, today: datetime.date) -> list[dict[str, Any]]:
    register = reverse("public:contracts", args=[slug])
    download = reverse("public:contracts_csv", args=[slug])
    return [
        {
            "quarter": quarter,
            "register_url": f"{register}?quarter={quarter.code}",
            "csv_url": f"{download}?quarter={quarter.code}",
        }
        for quarter in transparency.recent_quarters(today, QUARTERS_OFFERED)
    ]


@public_page
def contracts_register(request: HttpRequest, slug: str) -> HttpResponse:
    """The contracts over the threshold in force today, or in the quarter asked for."""
    partnership = public_partnership(slug)
    today = timezone.localdate()
    try:
        period = requested_period(request, Period(today, today))
    except BadPeriod as error:
        return _bad_period(partnership, error)
    published = transparency.published_contracts(partnership, period.start, period.end)
    page = Paginator(published, PAGE_SIZE).get_page(request.GET.get("page"))
    register = reverse("public:contracts", args=[slug])

    def page_url(number: int) -> str:
        return f"{register}?{urlencode({**period.query, 'page': number})}"

    entries = [
        {
            "reference": row["Reference number"],
            "title": row["Title of agreement"],
            "fields": [(field, display(row[field])) for field in transparency.CODE_FIELDS],
        }
        for row in transparency.rows(page.object_list)
    ]
    return render_public(
        "reporting/public/contracts.html",
        {
            "partnership": partnership,
            "period": period,
            "page_obj": page,
            "entries": entries,
            "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
            "next_url": page_url(page.next_page_number()) if page.has_next() else "",
            "csv_url": f"{reverse('public:contracts_csv', args=[slug])}?{urlencode(period.query)}",
            "offered": _offered(slug, today),
            "threshold": transparency.publication_threshold(),
            "not_given": NOT_GIVEN,
        },
    )


@public_page
def contracts_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The Transparency Code file of a quarter (this one unless asked) or of from-to dates."""
    partnership = public_partnership(slug)
    current = Quarter.of(timezone.localdate())
    try:
        period = requested_period(request, Period(current.start_date, current.end_date, current))
    except BadPeriod as error:
        return _bad_period(partnership, error)
    out = io.StringIO()
    published = transparency.published_contracts(partnership, period.start, period.end)
    transparency.write_csv(transparency.rows(published), out)
    name = f"{slug}-contracts-{period.start.isoformat()}-to-{period.end.isoformat()}.csv"
    return HttpResponse(
        out.getvalue().encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
