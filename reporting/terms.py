"""The seeded school terms, shared by the data migration and the demo loader.

The dates are approximate and contiguous, so every day falls in one term: autumn 1 September
to 31 December, spring 1 January to 31 March (Easter moves), summer 1 April to 31 August.
Administrators correct them in Django admin.
"""

import datetime

FIRST_ACADEMIC_YEAR = 2017
LAST_ACADEMIC_YEAR = 2027


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
