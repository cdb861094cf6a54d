"""Dates written as the templates' `|date:"SHORT_DATE_FORMAT"` (or another named format) writes
them, for rows rendered in Python: each distinct day is formatted once per format and language,
since a list or a report shows the same few dozen dates again and again and Django's date
formatting is the dearest part of a cell."""

import datetime
from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language


@lru_cache(maxsize=4096)
def _written(day: datetime.date, format_name: str, language: str | None) -> str:
    return formats.date_format(day, format_name)


def written_date(day: datetime.date | None, format_name: str = "SHORT_DATE_FORMAT") -> str:
    """`day` in the named format ("1 Dec 2026" by default), or nothing for no date."""
    if day is None:
        return ""
    return _written(day, format_name, get_language())


def short_date(day: datetime.date | None) -> str:
    """ "1 Dec 2026", or nothing for no date."""
    return written_date(day)
