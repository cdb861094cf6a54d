"""Direction and RAG of an indicator by its polarity, at the boundaries of the amber tolerance."""

from decimal import Decimal

import pytest

from priorities import judgement


@pytest.mark.parametrize(
    ("polarity", "latest", "previous", "expected"),
    [
        ("higher", "61", "37", "improving"),
        ("higher", "37", "61", "worsening"),
        ("higher", "61", "61.00", "no change"),
        ("lower", "129.6", "144", "improving"),
        ("lower", "144", "129.6", "worsening"),
        ("lower", "144", "144", "no change"),
        ("higher", "61", None, "not enough data"),
        ("lower", None, None, "not enough data"),
    ],
)
def test_direction_between_the_last_two_values_follows_the_polarity(
    polarity, latest, previous, expected
):
    assert judgement.direction(polarity, latest, previous) == expected


# Against a reference of 100 with the default 5% tolerance: 95 and 105 are the last ambers.
@pytest.mark.parametrize(
    ("polarity", "value", "expected"),
    [
        ("higher", "100", "green"),
        ("higher", "100.01", "green"),
        ("higher", "95.01", "amber"),
        ("higher", "95", "amber"),
        ("higher", "94.99", "red"),
        ("lower", "100", "green"),
        ("lower", "99.99", "green"),
        ("lower", "104.99", "amber"),
        ("lower", "105", "amber"),
        ("lower", "105.01", "red"),
    ],
)
def test_rag_is_green_at_or_better_amber_within_the_tolerance_red_beyond(polarity, value, expected):
    assert judgement.rag(polarity, Decimal(value), Decimal("100")) == expected


def test_the_tolerance_is_a_percentage_of_the_reference(settings):
    settings.INDICATOR_AMBER_TOLERANCE_PERCENT = 10
    # England's 129.6 admissions per 10,000: 10% is 12.96, so 142.56 is the last amber.
    assert judgement.rag("lower", "142.56", "129.6") == "amber"
    assert judgement.rag("lower", "142.57", "129.6") == "red"
    assert judgement.rag("higher", "61", "71", tolerance_percent="15") == "amber"
    assert judgement.rag("higher", "61", "71", tolerance_percent="14") == "red"


def test_no_rag_without_both_figures():
    assert judgement.rag("higher", None, "71") == ""
    assert judgement.rag("lower", "144", None) == ""
    assert judgement.rag_label("") == "None"
    assert judgement.rag_label("amber") == "Amber"


def test_a_zero_reference_allows_no_amber():
    assert judgement.rag("lower", "0", "0") == "green"
    assert judgement.rag("lower", "0.01", "0") == "red"
    assert judgement.rag("higher", "-1", "0") == "red"


def test_compare_names_better_worse_or_level():
    assert judgement.compare("higher", 61, 71) == "worse"
    assert judgement.compare("lower", 61, 71) == "better"
    assert judgement.compare("lower", 71, Decimal("71.00")) == "level"
    assert judgement.compare("lower", "", 71) == ""


def test_off_track_is_judged_by_the_target_and_without_one_by_the_first_comparator():
    england = judgement.comparison("higher", 61, "England", 71)
    assert judgement.off_track(70, "worse", england) == (True, True)
    assert judgement.off_track(60, "better", england) == (True, False)
    assert judgement.off_track(None, "", england) == (True, True)
    assert judgement.off_track(None, "", judgement.comparison("higher", 75, "England", 71)) == (
        True,
        False,
    )
    assert judgement.off_track(None, "", None) == (False, False)
