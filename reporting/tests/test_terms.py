"""School terms: seeded from 2017/18 to 2027/28, contiguous, created for any later year when
first needed, and the current term found by date."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reporting.models import Term
from reporting.terms import academic_year_of, add_missing_terms, seed_terms, term_dates

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_the_migrations_seed_three_terms_a_year_from_2017_18_to_2027_28():
    terms = list(Term.objects.all())
    assert len(terms) == 33
    assert str(terms[0]) == "Autumn term 2017/18"
    assert str(terms[-1]) == "Summer term 2027/28"
    assert (terms[-1].start_date, terms[-1].end_date) == (
        datetime.date(2028, 4, 1),
        datetime.date(2028, 8, 31),
    )


def test_the_seeded_terms_leave_no_gap_so_every_day_has_a_term():
    terms = list(Term.objects.all())
    for earlier, later in zip(terms, terms[1:], strict=False):
        assert later.start_date == earlier.end_date + datetime.timedelta(days=1)


def test_seeding_again_creates_nothing():
    assert seed_terms(Term) == 0


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 11, 25), "Autumn term 2026/27"),
        (datetime.date(2027, 1, 1), "Spring term 2026/27"),
        (datetime.date(2027, 8, 31), "Summer term 2026/27"),
        (datetime.date(2028, 9, 15), "Autumn term 2028/29"),
        (datetime.date(2031, 1, 1), "Spring term 2030/31"),
        (datetime.date(2040, 1, 1), "Spring term 2039/40"),
    ],
)
def test_the_current_term_contains_the_day_or_is_the_latest_started(day, expected):
    assert str(Term.objects.current(day)) == expected


def test_the_previous_term_is_the_one_before():
    spring = Term.objects.get(academic_year=2025, season="spring")
    assert str(spring.previous()) == "Autumn term 2025/26"
    assert Term.objects.order_by("start_date").first().previous() is None


def test_a_term_cannot_end_before_it_starts():
    term = Term(academic_year=2030, season="autumn", start_date=datetime.date(2030, 9, 1))
    term.end_date = datetime.date(2030, 8, 1)
    with pytest.raises(ValidationError, match="cannot be before the start date"):
        term.full_clean()


def test_term_dates_are_autumn_spring_summer():
    assert [season for season, _, _ in term_dates(2020)] == ["autumn", "spring", "summer"]


@pytest.mark.parametrize(
    ("day", "academic_year"),
    [
        (datetime.date(2028, 8, 31), 2027),
        (datetime.date(2028, 9, 1), 2028),
        (datetime.date(2029, 2, 28), 2028),
        (datetime.date(2031, 1, 1), 2030),
    ],
)
def test_the_academic_year_of_a_day_starts_on_1_september(day, academic_year):
    assert academic_year_of(day) == academic_year


def _years() -> dict[int, list[str]]:
    years: dict[int, list[str]] = {}
    for term in Term.objects.order_by("start_date"):
        years.setdefault(term.academic_year, []).append(term.season)
    return years


def test_after_the_seeded_years_the_current_term_is_created_with_the_years_before_it():
    """From September 2028 current() answered the summer term of 2027/28 for ever."""
    assert not Term.objects.filter(academic_year__gt=2027).exists()
    spring = Term.objects.current(datetime.date(2031, 1, 1))
    assert str(spring) == "Spring term 2030/31"
    assert (spring.start_date, spring.end_date) == (
        datetime.date(2031, 1, 1),
        datetime.date(2031, 3, 31),
    )
    seasons = ["autumn", "spring", "summer"]
    assert {year: _years()[year] for year in range(2027, 2031)} == dict.fromkeys(
        range(2027, 2031), seasons
    )
    test_the_seeded_terms_leave_no_gap_so_every_day_has_a_term()
    assert str(spring.previous()) == "Autumn term 2030/31"


def test_asking_again_creates_no_duplicates():
    first = Term.objects.current(datetime.date(2028, 9, 15))
    count = Term.objects.count()
    assert Term.objects.current(datetime.date(2028, 9, 15)) == first
    add_missing_terms(Term, 2028)  # as a second request racing the first would
    assert Term.objects.count() == count == 36
    assert str(first) == "Autumn term 2028/29"


def test_an_administrators_corrected_dates_are_kept():
    corrected = Term.objects.create(
        academic_year=2030,
        season="autumn",
        start_date=datetime.date(2030, 9, 4),
        end_date=datetime.date(2030, 12, 19),
    )
    assert Term.objects.current(datetime.date(2031, 1, 1)).season == "spring"
    corrected.refresh_from_db()
    assert (corrected.start_date, corrected.end_date) == (
        datetime.date(2030, 9, 4),
        datetime.date(2030, 12, 19),
    )
    # Between the corrected autumn term and spring, the autumn term is still the current one.
    assert Term.objects.current(datetime.date(2030, 12, 24)) == corrected
    assert Term.objects.filter(academic_year=2030).count() == 3


def test_the_previous_term_is_created_when_its_year_is_missing():
    Term.objects.all().delete()
    autumn = Term.objects.create(
        academic_year=2030,
        season="autumn",
        start_date=datetime.date(2030, 9, 1),
        end_date=datetime.date(2030, 12, 31),
    )
    assert str(autumn.previous()) == "Summer term 2029/30"
    assert _years() == {2029: ["autumn", "spring", "summer"], 2030: ["autumn"]}
