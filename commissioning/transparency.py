"""The contracts a partnership publishes under the Local Government Transparency Code 2015,
as the Code's fields in the Code's order, and the quarterly CSV file of them.

What is published for a period: every contract the partnership leads (a partnership it is
shared with does not publish it again), not in the pipeline, in force at some point of the
period (it starts on or before the period's last day and ends on or after its first), and
whose value exceeds CONTRACT_PUBLICATION_THRESHOLD (£5,000). The Code publishes "the sum to
be paid over the length of the contract or the estimated annual spending": a contract is over
the threshold when either exceeds it, so a part-year contract whose annual rate is over
£5,000, or a rolling one whose total is not yet known (0), is published too.
"""

import csv
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.db.models import Q, QuerySet

from commissioning.models import Contract
from commissioning.selectors import FinancialYear
from core.formulas import formula_safe
from core.models import Partnership

# The Code's fields (paragraph 37), in its order: the CSV's header and the public register's
# labels. Money is in pounds; a blank cell is a value the partnership does not hold.
CODE_FIELDS = (
    "Reference number",
    "Title of agreement",
    "Department responsible",
    "Description of goods and services",
    "Supplier name",
    "Supplier details",
    "Sum to be paid over the length of the contract",
    "Estimated annual spend",
    "Value added tax that cannot be recovered",
    "Start date",
    "End date",
    "Review date",
    "Invitation to quote or published invitation to tender",
    "Small or medium-sized enterprise",
    "Voluntary or community sector organisation",
    "Company registration number",
    "Charity registration number",
)

PUBLISHED_TENDER = "Published invitation to tender"
INVITATION_TO_QUOTE = "Invitation to quote"
TENDERED_ROUTES = (Contract.Route.OPEN, Contract.Route.RESTRICTED)

Row = dict[str, Any]


def publication_threshold() -> Decimal:
    return Decimal(settings.CONTRACT_PUBLICATION_THRESHOLD)


def published_contracts(
    partnership: Partnership, start: datetime.date, end: datetime.date
) -> QuerySet[Contract]:
    """The contracts `partnership` publishes for the period from `start` to `end` inclusive."""
    threshold = publication_threshold()
    return (
        Contract.objects.filter(partnership=partnership, start_date__lte=end, end_date__gte=start)
        .exclude(status=Contract.Status.PIPELINE)
        .filter(Q(total_value__gt=threshold) | Q(annual_value__gt=threshold))
        .select_related("service", "provider", "lead_organisation")
        .order_by("reference")
    )


def sourcing(contract: Contract) -> str:
    """Whether the contract came from a published tender or an invitation to quote."""
    if contract.procurement_route in TENDERED_ROUTES:
        return PUBLISHED_TENDER
    if contract.quotes_invited:
        return INVITATION_TO_QUOTE
    return f"Neither: {contract.get_procurement_route_display().lower()}"


def department(contract: Contract) -> str:
    organisation = contract.lead_organisation.name
    return f"{contract.department}, {organisation}" if contract.department else organisation


def description(contract: Contract) -> str:
    service = contract.service
    return f"{service.name}: {service.description}" if service.description else service.name


def supplier_details(contract: Contract) -> str:
    """The supplier's address on one line, and its NHS code; never a contact's details."""
    provider = contract.provider
    lines = [line.strip(" ,") for line in provider.address.splitlines() if line.strip(" ,")]
    details = [", ".join(lines)] if lines else []
    if provider.ods_code:
        details.append(f"NHS ODS code {provider.ods_code}")
    return "; ".join(details)


def _yes_no(value: bool | None) -> str:
    return "Not known" if value is None else "Yes" if value else "No"


def contract_row(contract: Contract) -> Row:
    """The contract's published fields, keyed by CODE_FIELDS, as typed values."""
    provider = contract.provider
    values = (
        contract.reference,
        contract.title,
        department(contract),
        description(contract),
        provider.name,
        supplier_details(contract),
        contract.total_value,
        contract.annual_value,
        contract.non_recoverable_vat,
        contract.start_date,
        contract.end_date,
        contract.review_date,
        sourcing(contract),
        _yes_no(provider.is_sme),
        _yes_no(provider.is_vcse),
        provider.company_number,
        provider.charity_number,
    )
    return dict(zip(CODE_FIELDS, values, strict=True))


def rows(contracts: Iterable[Contract]) -> list[Row]:
    return [contract_row(contract) for contract in contracts]


def csv_cell(value: Any) -> Any:
    """A value as the file holds it: dates ISO, money a plain number, text never a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return formula_safe(value)


def write_csv(published: Iterable[Row], out: IO[str]) -> None:
    """The CSV file (a header row, then a row per contract) written to `out`."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CODE_FIELDS)
    for row in published:
        writer.writerow([csv_cell(row[field]) for field in CODE_FIELDS])


# Financial-year quarters: what councils publish (April to June is the first).

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
QUARTER_FORMAT_HELP = (
    "Give the quarter as the financial year and its quarter, e.g. 2026-27-Q2 for July to "
    "September 2026 (quarter 1 is April to June)."
)


@dataclass(frozen=True)
class Quarter:
    """A quarter of a financial year: `year` the year starting in April, `number` 1 to 4."""

    year: FinancialYear
    number: int

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        year = FinancialYear.of(day)
        return cls(year, ((day.month - 4) % 12) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """`text` as "2026-27-Q2"; ValueError saying how to write it otherwise."""
        parts = text.strip().upper().split("-")
        if (
            len(parts) != 3
            or not (parts[0].isdigit() and len(parts[0]) == 4)
            or not (parts[1].isdigit() and len(parts[1]) == 2)
            or parts[2] not in ("Q1", "Q2", "Q3", "Q4")
        ):
            raise ValueError(f"“{text[:40]}” is not a quarter. {QUARTER_FORMAT_HELP}")
        starts = int(parts[0])
        if int(parts[1]) != (starts + 1) % 100 or not 1900 < starts < 9999:
            raise ValueError(
                f"“{text[:40]}” is not a financial year: {starts}/{(starts + 1) % 100:02d} "
                f"is written {starts}-{(starts + 1) % 100:02d}. {QUARTER_FORMAT_HELP}"
            )
        return cls(FinancialYear(starts), int(parts[2][1]))

    @property
    def start_date(self) -> datetime.date:
        month = 4 + 3 * (self.number - 1)
        return datetime.date(self.year.starts + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end_date(self) -> datetime.date:
        return self.next().start_date - datetime.timedelta(days=1)

    def next(self) -> "Quarter":
        if self.number == 4:
            return Quarter(FinancialYear(self.year.starts + 1), 1)
        return Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        if self.number == 1:
            return Quarter(FinancialYear(self.year.starts - 1), 4)
        return Quarter(self.year, self.number - 1)

    @property
    def code(self) -> str:
        """As the address gives it: 2026-27-Q2."""
        return f"{self.year.starts}-{(self.year.starts + 1) % 100:02d}-Q{self.number}"

    @property
    def months(self) -> str:
        """As people say it: "July to September 2026"."""
        start, end = self.start_date, self.end_date
        return f"{MONTHS[start.month - 1]} to {MONTHS[end.month - 1]} {end.year}"

    def __str__(self) -> str:
        return f"{self.months} ({self.year} Q{self.number})"


def recent_quarters(today: datetime.date, count: int = 8) -> list[Quarter]:
    """The quarter `today` is in, then the `count` - 1 before it, latest first."""
    quarters = [Quarter.of(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters
