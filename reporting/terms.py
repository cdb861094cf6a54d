"""The school terms' standard dates: seeded by the data migration and the demo loader up to
2027/28, and for any later academic year created when it is first needed (`add_missing_terms`).

The dates are approximate and contiguous, so every day falls in one term: autumn 1 September
to 31 December, spring 1 January to 31 March (Easter moves), summer 1 April to 31 August.
Administrators correct them in Django admin; a term that exists is never given them again.
"""

import datetime

from django.db.models import Count, Max, Q

# Kept here too, where the terms' callers have always found it.
from core.academic_years import academic_year_of as academic_year_of
from core.cache_versions import bump_model

FIRST_ACADEMIC_YEAR = 2017
LAST_ACADEMIC_YEAR = 2027
# The cache version that saving, deleting or adding a term bumps (reporting/apps.py).
TERMS_VERSION = "terms"


def term_dates(academic_year: int) -> list[tuple[str, datetime.date, datetime.date]]:
    """(season, start, end) of the three terms of the academic year starting in `academic_year`."""
    year, following = academic_year, academic_year + 1
    return [
        ("autumn", datetime.date(year, 9, 1), datetime.date(year, 12, 31)),
        ("spring", datetime.date(following, 1, 1), datetime.date(following, 3, 31)),
        ("summer", datetime.date(following, 4, 1), datetime.date(following, 8, 31)),
    ]


def seed_terms(term_model) -> int:
    """Create the terms of 2017/18 to 2027/28 that are missing; return how many were made."""
    created = 0
    for academic_year in range(FIRST_ACADEMIC_YEAR, LAST_ACADEMIC_YEAR + 1):
        for season, start, end in term_dates(academic_year):
            _, made = term_model.objects.get_or_create(
                academic_year=academic_year,
                season=season,
                defaults={"start_date": start, "end_date": end},
            )
            created += int(made)
    return created


def add_missing_terms(term_model, academic_year: int) -> None:
    """Create, with the standard dates, the terms of `academic_year` that are missing, and of
    any year between it and the latest year that has terms, so that the years stay contiguous.

    A term that exists keeps its dates. The insert skips what the unique constraint on year and
    season already holds, so two requests creating the same year at once make no duplicates.
    """
    manager = term_model._default_manager
    found = manager.aggregate(
        latest=Max("academic_year"), this_year=Count("pk", filter=Q(academic_year=academic_year))
    )
    latest = found["latest"]
    if (
        latest is not None
        and latest >= academic_year
        and found["this_year"] == len(term_dates(academic_year))
    ):
        return
    first = academic_year if latest is None or latest >= academic_year else latest + 1
    manager.bulk_create(
        [
            term_model(academic_year=year, season=season, start_date=start, end_date=end)
            for year in range(first, academic_year + 1)
            for season, start, end in term_dates(year)
        ],
        ignore_conflicts=True,
    )
    # bulk_create sends no post_save: what is cached from the terms (TERMS_VERSION) is read again.
    bump_model(term_model)
