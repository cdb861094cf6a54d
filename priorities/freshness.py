"""When an indicator's next value is due, and whether it is overdue ("stale").

A source publishes a period's figure some days after the period ends (the lag). The next value
covers the period after the latest one, so it is due one period and the lag after the latest
period's end. Pure functions of dates, so the boundaries are easy to test.
"""

import calendar
import datetime

# Months in one period of each publication frequency; "irregular" has none, so nothing is due.
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "termly": 4, "annual": 12}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved on by `months`, kept within the month (31 January + 1 month is 28/29 February);
    a period ending on a month's last day ends on the last day of the later month too."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return datetime.date(year, month, last_day if at_month_end else min(day.day, last_day))


def next_value_due(
    latest_period_end: datetime.date | None, frequency: str, lag_days: int
) -> datetime.date | None:
    """The day the next value should be out: the latest period's end, plus one period, plus the
    lag. None with no value yet, or when the source publishes irregularly."""
    months = PERIOD_MONTHS.get(frequency)
    if latest_period_end is None or months is None:
        return None
    return add_months(latest_period_end, months) + datetime.timedelta(days=lag_days)


def is_stale(due: datetime.date | None, today: datetime.date) -> bool:
    """Overdue once today is past the due day (on the day itself it is still on time)."""
    return due is not None and today > due
