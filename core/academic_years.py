"""Academic years, as schools and the product's terms count them: from 1 September to 31 August,
named by the year they start in (2026 is "2026/27")."""

import datetime


def academic_year_of(day: datetime.date) -> int:
    """The academic year `day` falls in by the standard dates: 2030 for 1 January 2031."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_label(year: int) -> str:
    """How a person reads the academic year starting in `year`: "2026/27"."""
    return f"{year}/{(year + 1) % 100:02d}"


def academic_year_dates(year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the academic year starting in `year`."""
    return datetime.date(year, 9, 1), datetime.date(year + 1, 8, 31)
