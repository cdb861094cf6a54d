"""Dates typed as GOV.UK's date pattern asks: day, month and year boxes, and clear errors."""

import datetime

import pytest
from django import forms

from core.date_input import DateField


class _DueForm(forms.Form):
    due_date = DateField(label="Due date")
    review_date = DateField(label="Review date", required=False)


def _errors(data: dict) -> dict:
    form = _DueForm(data)
    assert not form.is_valid()
    return form.errors


def test_three_boxes_make_a_date():
    form = _DueForm({"due_date_day": "1", "due_date_month": "12", "due_date_year": "2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due_date": datetime.date(2026, 12, 1), "review_date": None}


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "", "2026", "Due date must include a month"),
        ("", "", "2026", "Due date must include a day and a month"),
        ("31", "2", "2026", "Due date must be a real date"),
        ("1", "Dec", "2026", "Due date must be a real date"),
        ("1", "12", "26", "Due date year must include 4 numbers"),
        ("", "", "", "This field is required."),
    ],
)
def test_a_wrong_or_partial_date_says_what_is_wrong(day, month, year, message):
    data = {"due_date_day": day, "due_date_month": month, "due_date_year": year}
    assert _errors(data)["due_date"] == [message]


def test_one_value_under_the_fields_name_is_still_read():
    """Pages and scripts posted one ISO (or day/month/year) value before the three boxes."""
    form = _DueForm({"due_date": "2026-12-01", "review_date": "31/03/2027"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["review_date"] == datetime.date(2027, 3, 31)
    assert _errors({"due_date": "2026-02-31"})["due_date"] == ["Due date must be a real date"]


def test_three_empty_boxes_of_a_required_date_are_no_change():
    """A required date left empty counted as changed: an empty extra formset row was refused."""
    empty = {"due_date_day": "", "due_date_month": "", "due_date_year": ""}
    assert "due_date" not in _DueForm(empty).changed_data
    assert "due_date" in _DueForm({**empty, "due_date_day": "3"}).changed_data
