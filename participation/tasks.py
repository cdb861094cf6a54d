"""The participation app's background job: the retention of records (participation/retention.py),
put on the schedule by reporting/schedule.py."""

import datetime

from core.jobs import retried_task
from participation.retention import anonymise_due_records


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=30))
def anonymise_records_past_retention() -> str:
    """Anonymise the participation records past their retention date; idempotent."""
    logs = anonymise_due_records()
    return f"{len(logs)} record(s) anonymised"
