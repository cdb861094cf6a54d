"""The participation record form: every bad input gets a clear message next to its field."""

import datetime

import pytest
from django.utils import timezone

from participation.forms import PRIVACY_NOTICE, ParticipationRecordForm
from participation.tests.factories import ParticipationRecordFactory
from participation.tests.helpers import record_form_data
from priorities.tests.factories import PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _form(commissioner, area, council, **changes):
    data = record_form_data(priority_areas=[area], groups=[council])
    data.update(changes)
    return ParticipationRecordForm(data, user=commissioner)


def test_valid_data_passes(commissioner, area, council):
    form = _form(commissioner, area, council)
    assert form.is_valid(), form.errors


def test_negative_counts_are_refused(commissioner, area, council):
    form = _form(commissioner, area, council, age_11_15="-2")
    assert not form.is_valid()
    assert form.errors["age_11_15"] == [
        "Enter a number of people of 0 or more: a count cannot be negative."
    ]


def test_feedback_before_the_event_is_refused(commissioner, area, council):
    form = _form(
        commissioner,
        area,
        council,
        date="2026-03-10",
        feedback_date="2026-03-09",
        feedback_method="Letter to the council",
    )
    assert not form.is_valid()
    assert form.errors["feedback_date"] == [
        "The feedback date (9 March 2026) cannot be before the date it took place (10 March 2026)."
    ]


def test_a_record_with_no_group_is_refused(commissioner, area, council):
    form = _form(commissioner, area, council, groups=[])
    assert not form.is_valid()
    assert form.errors["groups"] == ["Choose at least one group that took part."]


def test_a_record_with_no_priority_is_refused(commissioner, area, council):
    form = _form(commissioner, area, council, priority_areas=[])
    assert not form.is_valid()
    assert form.errors["priority_areas"] == ["Choose at least one priority area this informed."]


def test_special_counts_above_the_total_are_refused(commissioner, area, council):
    form = _form(commissioner, area, council, children_in_care="10", send="12")
    assert not form.is_valid()
    assert "is more than the 9 taking part" in form.errors["children_in_care"][0]
    assert "is more than the 9 taking part" in form.errors["send"][0]


def test_nobody_taking_part_is_refused(commissioner, area, council):
    form = _form(commissioner, area, council, age_11_15="0", age_16_17="0", children_in_care="0")
    assert not form.is_valid()
    assert form.errors["age_0_4"] == ["Count at least one person taking part, in an age band."]


def test_a_changed_decision_must_say_which(commissioner, area, council):
    form = _form(commissioner, area, council, decision_changed="yes")
    assert not form.is_valid()
    assert form.errors["decision_description"] == ["Say which decision changed, and how."]


def test_feedback_needs_the_way_it_was_given(commissioner, area, council):
    today = timezone.localdate().isoformat()
    form = _form(commissioner, area, council, feedback_date=today)
    assert not form.is_valid()
    assert form.errors["feedback_method"] == [
        "Say how the outcome was fed back to the participants."
    ]


def test_form_offers_only_the_priorities_the_commissioner_leads(commissioner, area):
    other = PriorityAreaFactory(title="SEND")
    choices = list(ParticipationRecordForm(user=commissioner).fields["priority_areas"].queryset)
    assert area in choices
    assert other not in choices


def test_editing_keeps_the_records_own_priorities_on_offer(commissioner, area):
    other = PriorityAreaFactory(title="SEND")
    record = ParticipationRecordFactory(priority_areas=[area, other])
    form = ParticipationRecordForm(instance=record, user=commissioner)
    assert set(form.fields["priority_areas"].queryset) == {area, other}


def test_form_shows_the_privacy_notice(commissioner, area):
    html = ParticipationRecordForm(user=commissioner).helper.layout.fields[0].html
    assert PRIVACY_NOTICE in html
    assert PRIVACY_NOTICE == (
        "Do not record any child's name, date of birth or other identifying details: counts only."
    )


def test_a_negative_count_does_not_also_report_a_wrong_total(commissioner, area, council):
    """A refused age band used to count as 0, adding a misleading "more than the total"."""
    form = _form(commissioner, area, council, age_11_15="-1")
    assert not form.is_valid()
    assert set(form.errors) == {"age_11_15"}


def test_dates_in_the_future_are_refused(commissioner, area, council):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    form = _form(
        commissioner, area, council, date=tomorrow, feedback_date=tomorrow, feedback_method="Visit"
    )
    assert not form.is_valid()
    assert "the date is in the future" in form.errors["date"][0]
    assert "once it has been given" in form.errors["feedback_date"][0]
