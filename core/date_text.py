"""Dates written as the templates' `|date:"SHORT_DATE_FORMAT"` writes them, for rows rendered in
Python: each distinct day is formatted once per language, since a list shows the same few
dozen due dates again and again and Django's date formatting is the dearest part of a cell."""

import datetime
from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language


@lru_cache(maxsize=4096)
def _written(day: datetime.date, format_name: str, language: str | None) -> str:
    return formats.date_format(day, format_name)


def short_date(day: datetime.date | None) -> str:
    """ "1 Dec 2026", or nothing for no date."""
    if day is None:
        return ""
    return _written(day, "SHORT_DATE_FORMAT", get_language())
