"""The suggested RAG at its boundaries: the straight line, 20 and 21 points behind, overdue,
complete, due today, start on the due date, no dates and a start still to come."""

import datetime

import pytest
from django.utils import timezone

from priorities.models import Action
from priorities.rag_suggestion import suggest_rag

pytestmark = pytest.mark.dates


def _action(today: datetime.date, *, start: int | None, due: int | None) -> Action:
    """An unsaved action starting and due `start` and `due` days from `today`."""

    def day(offset):
        return None if offset is None else today + datetime.timedelta(days=offset)

    return Action(start_date=day(start), due_date=day(due))


def test_exactly_on_the_line_is_green(today):
    action = _action(today, start=-120, due=80)
    suggestion = suggest_rag(action, 60, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("green", 60)
    assert suggestion.reason == (
        "Expected 60 % by today (day 120 of 200); logged 60 %: on the line → Green"
    )


def test_ahead_of_the_line_is_green(today):
    suggestion = suggest_rag(_action(today, start=-120, due=80), 75, today)
    assert suggestion.rag == "green"
    assert suggestion.reason.endswith("logged 75 %: 15 points ahead → Green")


def test_twenty_points_behind_is_amber(today):
    suggestion = suggest_rag(_action(today, start=-120, due=80), 40, today)
    assert suggestion.rag == "amber"
    assert suggestion.reason == (
        "Expected 60 % by today (day 120 of 200); logged 40 %: 20 points behind → Amber"
    )


def test_twenty_one_points_behind_is_red(today):
    suggestion = suggest_rag(_action(today, start=-120, due=80), 39, today)
    assert suggestion.rag == "red"
    assert suggestion.reason.endswith("logged 39 %: 21 points behind → Red")


def test_the_brief_s_example_reads_as_written(today):
    suggestion = suggest_rag(_action(today, start=-120, due=80), 35, today)
    assert suggestion.reason == (
        "Expected 60 % by today (day 120 of 200); logged 35 %: 25 points behind → Red"
    )


def test_the_amber_band_is_a_setting(today, settings):
    settings.RAG_SUGGESTION_AMBER_POINTS = 10
    action = _action(today, start=-120, due=80)
    assert suggest_rag(action, 50, today).rag == "amber"
    assert suggest_rag(action, 49, today).rag == "red"
    assert suggest_rag(action, 49, today, amber_points=11).rag == "amber"


def test_overdue_and_not_complete_is_red_however_far_on(today):
    suggestion = suggest_rag(_action(today, start=-200, due=-12), 95, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("red", None)
    due = today - datetime.timedelta(days=12)
    assert suggestion.reason == (
        f"Due on {due:%-d %B %Y}, 12 days overdue by today; logged 95 %, not complete → Red"
    )


def test_one_day_overdue_says_one_day(today):
    assert (
        "1 day overdue by today" in suggest_rag(_action(today, start=-9, due=-1), 50, today).reason
    )


@pytest.mark.parametrize("due", [-30, 0, 30])
def test_complete_is_green_overdue_or_not(today, due):
    suggestion = suggest_rag(_action(today, start=-60, due=due), 100, today)
    assert (suggestion.rag, suggestion.reason) == ("green", "Logged 100 %: complete → Green")


def test_due_today_expects_everything(today):
    action = _action(today, start=-50, due=0)
    assert suggest_rag(action, 80, today).rag == "amber"
    suggestion = suggest_rag(action, 79, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("red", 100)
    assert suggestion.reason.startswith("Expected 100 % by today (day 50 of 50)")


def test_starting_and_due_today_expects_everything(today):
    suggestion = suggest_rag(_action(today, start=0, due=0), 80, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("amber", 100)
    assert f"(starts and is due on {today:%-d %B %Y})" in suggestion.reason


def test_starting_and_due_on_a_day_to_come_expects_nothing_yet(today):
    suggestion = suggest_rag(_action(today, start=5, due=5), 0, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("green", 0)


def test_a_start_to_come_expects_nothing_yet(today):
    start = today + datetime.timedelta(days=10)
    suggestion = suggest_rag(_action(today, start=10, due=100), 0, today)
    assert (suggestion.rag, suggestion.expected_percent) == ("green", 0)
    assert suggestion.reason == (
        f"Expected 0 % by today (starts on {start:%-d %B %Y}); logged 0 %: on the line → Green"
    )


def test_without_a_due_date_there_is_no_suggestion(today):
    for start in (None, -30):
        suggestion = suggest_rag(_action(today, start=start, due=None), 10, today)
        assert (suggestion.rag, suggestion.expected_percent) == ("", None)
        assert suggestion.reason == "No suggestion: the action has no due date."
        assert not suggestion.overruled_by("red")


def test_without_a_start_date_the_creation_date_stands_in(today):
    action = _action(today, start=None, due=60)
    action.created_at = timezone.now() - datetime.timedelta(days=40)
    suggestion = suggest_rag(action, 40, today)
    assert suggestion.expected_percent == 40
    assert "(day 40 of 100)" in suggestion.reason


def test_expected_percent_rounds_half_up(today):
    # Day 1 of 8 is 12.5 %: 13 expected, so 13 points behind at 0 % (amber), green at 13 %.
    action = _action(today, start=-1, due=7)
    assert suggest_rag(action, 0, today).expected_percent == 13
    assert suggest_rag(action, 13, today).rag == "green"


def test_a_past_day_is_named_by_its_date(today):
    last_week = today - datetime.timedelta(days=7)
    suggestion = suggest_rag(_action(today, start=-127, due=73), 60, last_week)
    assert suggestion.reason.startswith(f"Expected 60 % by {last_week:%-d %B %Y} (day 120 of 200)")
