"""Form validation: clear messages next to the fields."""

import datetime

import pytest
from django.utils import timezone

from priorities.forms import ActionForm, IndicatorValueForm, ProgressUpdateForm, changes_since
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _action_form(action=None, **overrides):
    action = action or ActionFactory()
    data = {
        "title": "Develop a feedback questionnaire as an online facility",
        "description": "",
        "objective": "",
        "owner": action.owner.pk,
        "lead_organisation": action.lead_organisation.pk,
        "start_date": "2026-01-10",
        "due_date": "2026-06-30",
        "status": "in_progress",
        "cancellation_reason": "",
        "stage": "plan",
    } | overrides
    return ActionForm(data, priority_area=action.priority_area)


def test_valid_action_form():
    form = _action_form()
    assert form.is_valid(), form.errors


def test_due_before_start_is_an_error_on_the_due_date():
    form = _action_form(start_date="2026-06-30", due_date="2026-01-10")
    assert not form.is_valid()
    assert form.errors["due_date"] == [
        "The due date (10 January 2026) cannot be before the start date (30 June 2026)."
    ]
    assert "__all__" not in form.errors  # said once, next to the field


def test_british_dates_are_accepted():
    form = _action_form(start_date="10/01/2026", due_date="30/06/2026")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due_date"] == datetime.date(2026, 6, 30)


def test_cancelled_needs_a_reason():
    form = _action_form(status="cancelled")
    assert not form.is_valid()
    assert form.errors["cancellation_reason"] == ["Give the reason the action was cancelled."]


def test_objectives_offered_are_the_priority_areas_own():
    area = PriorityAreaFactory()
    own = ObjectiveFactory(priority_area=area)
    ObjectiveFactory()
    form = ActionForm(priority_area=area)
    assert list(form.fields["objective"].queryset) == [own]


def test_snapshot_names_the_fields_changed_meanwhile():
    """A fixed new due date went unseen on the day the factory's due date was that day."""
    action = ActionFactory(title="Before")
    form = ActionForm(instance=action, priority_area=action.priority_area)
    bound = ActionForm(
        {"snapshot": form.fields["snapshot"].initial}, priority_area=action.priority_area
    )
    bound.is_valid()
    action.title = "After"
    action.due_date += datetime.timedelta(days=7)  # never the date it had
    assert changes_since(bound.loaded_snapshot(), action) == [
        ("Title", "After"),
        ("Due date", f"{action.due_date:%-d %B %Y}"),
    ]


def test_tampered_snapshot_is_ignored():
    action = ActionFactory()
    bound = ActionForm({"snapshot": "forged"}, priority_area=action.priority_area)
    bound.is_valid()
    assert bound.loaded_snapshot() is None


@pytest.mark.parametrize("percent", ["-1", "101"])
def test_percent_outside_0_to_100_is_refused(percent, today):
    form = ProgressUpdateForm(
        {"date": today.isoformat(), "rag": "green", "percent_complete": percent, "narrative": "x"},
        action=ActionFactory(),
    )
    assert not form.is_valid()
    assert form.errors["percent_complete"] == ["Percent complete must be between 0 and 100."]


def test_progress_cannot_be_dated_in_the_future(today):
    tomorrow = today + datetime.timedelta(days=1)
    form = ProgressUpdateForm(
        {"date": tomorrow.isoformat(), "rag": "red", "percent_complete": "5", "narrative": "x"},
        action=ActionFactory(),
    )
    assert not form.is_valid()
    assert form.errors["date"] == ["The date of an update cannot be in the future."]


def test_indicator_value_once_per_period():
    value = IndicatorValueFactory(period_label="2017")
    form = IndicatorValueForm(
        {"period_label": "2017", "period_end": "2017-08-31", "value": "63"},
        indicator=value.indicator,
    )
    assert not form.is_valid()
    assert form.errors["period_label"] == [
        "This indicator already has a value for 2017: values are kept per period."
    ]


def test_the_value_form_asks_for_no_comparator_the_partnership_has_not_chosen():
    form = IndicatorValueForm(
        {"period_label": "2018", "period_end": "2018-08-31", "value": "63"},
        indicator=IndicatorFactory(),
    )
    assert form.is_valid(), form.errors
    assert form.comparator_values() == {}
    assert not any(name.startswith("comparator_") for name in form.fields)


def test_edit_form_keeps_an_owner_who_has_lost_their_role():
    from core.tests.factories import UserFactory

    former = UserFactory(first_name="Former", last_name="Commissioner")
    action = ActionFactory(owner=former)
    form = ActionForm(instance=action, priority_area=action.priority_area)
    assert former in form.fields["owner"].queryset
    assert former not in ActionForm(priority_area=action.priority_area).fields["owner"].queryset


def _progress_form(action, **overrides) -> ProgressUpdateForm:
    data = {
        "date": timezone.localdate().isoformat(),
        "rag": "red",
        "percent_complete": "35",
        "narrative": "Key post vacant since the spring.",
    } | overrides
    return ProgressUpdateForm(data, action=action)


def _day_120_of_200(today) -> Action:
    return ActionFactory(
        start_date=today - datetime.timedelta(days=120),
        due_date=today + datetime.timedelta(days=80),
    )


def test_a_rag_other_than_the_suggested_one_needs_a_reason(today):
    form = _progress_form(_day_120_of_200(today), rag="amber")
    assert not form.is_valid()
    assert form.errors == {
        "rag_override_reason": ["Say why you chose Amber rather than the suggested Red."]
    }
    # The suggestion beside the RAG is the one for the percent entered.
    assert form.fields["rag"].help_text == (
        "Suggestion: Expected 60 % by today (day 120 of 200); logged 35 %: 25 points behind → Red."
    )


def test_a_blank_reason_is_no_reason(today):
    form = _progress_form(_day_120_of_200(today), rag="green", rag_override_reason="   ")
    assert form.errors["rag_override_reason"] == [
        "Say why you chose Green rather than the suggested Red."
    ]


def test_a_rag_overruled_with_a_reason_is_accepted(today):
    why = "The post is filled from next week; the milestones that matter are met."
    form = _progress_form(_day_120_of_200(today), rag="amber", rag_override_reason=why)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rag_override_reason"] == why


def test_the_suggested_rag_needs_no_reason_and_keeps_none(today):
    form = _progress_form(_day_120_of_200(today), rag="red", rag_override_reason="Just because.")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rag_override_reason"] == ""


def test_a_late_entry_is_measured_on_its_own_day(today):
    """An update dated 20 days back is held to the line as it stood then: 50 %, not 60 %."""
    earlier = today - datetime.timedelta(days=20)
    form = _progress_form(
        _day_120_of_200(today), date=earlier.isoformat(), rag="green", percent_complete="50"
    )
    assert form.is_valid(), form.errors
    assert form.suggestion.reason.startswith(f"Expected 50 % by {earlier:%-d %B %Y} (day 100")


def test_the_unposted_form_suggests_for_the_latest_percent(today):
    action = _day_120_of_200(today)
    action.latest_percent = 45
    form = ProgressUpdateForm(action=action)
    assert form.suggestion.rag == "amber"
    assert "logged 45 %: 15 points behind → Amber" in form.fields["rag"].help_text
