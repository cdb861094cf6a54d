"""What every section of a termly report is assembled for."""

import datetime
from dataclasses import dataclass

from priorities.models import PriorityArea
from reporting.models import Term


@dataclass(frozen=True)
class ReportScope:
    """A priority, a term, and the day the data stops (the term's end, or today if sooner);
    `cached`: whether sections may come from the cache (a draft's page) or must be read
    afresh (a snapshot)."""

    priority_area: PriorityArea
    term: Term
    previous_term: Term | None
    as_of: datetime.date
    cached: bool = False
