"""School terms: seeded from 2017/18 to 2027/28, contiguous, and the current term found by date."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reporting.models import Term
from reporting.terms import seed_terms, term_dates

pytestmark = pytest.mark.django_db


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
        (datetime.date(2040, 1, 1), "Summer term 2027/28"),
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
