"""The priorities models: their rules, backed by database constraints."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from priorities.models import Action, Indicator
from priorities.tests.factories import (
    ActionFactory,
    ComparatorFactory,
    ComparatorValueFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_database_refuses_a_due_date_before_the_start():
    action = ActionFactory()
    action.due_date = action.start_date - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()


def test_full_clean_explains_a_due_date_before_the_start(today):
    action = ActionFactory.build(
        priority_area=PriorityAreaFactory(),
        owner=ActionFactory().owner,
        lead_organisation=ActionFactory().lead_organisation,
        start_date=today,
        due_date=today - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="cannot be before the start date"):
        action.full_clean()


def test_database_refuses_a_cancelled_action_without_a_reason():
    action = ActionFactory()
    action.status = Action.Status.CANCELLED
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()


def test_database_refuses_percent_above_100():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdateFactory(percent_complete=101)


def test_one_value_per_indicator_and_period():
    value = IndicatorValueFactory(period_label="2017")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValueFactory(indicator=value.indicator, period_label="2017")


def test_objective_must_belong_to_the_actions_priority():
    action = ActionFactory()
    action.objective = ObjectiveFactory()
    with pytest.raises(ValidationError) as raised:
        action.full_clean()
    assert "objective" in raised.value.message_dict


def test_overdue_is_past_due_and_not_complete_or_cancelled():
    late = ActionFactory(overdue=True)
    done = ActionFactory(overdue=True, status=Action.Status.COMPLETE)
    dropped = ActionFactory(
        overdue=True, status=Action.Status.CANCELLED, cancellation_reason="Funding withdrawn."
    )
    on_time = ActionFactory()
    assert late.is_overdue and not done.is_overdue and not dropped.is_overdue
    assert not on_time.is_overdue
    assert list(Action.objects.overdue()) == [late]
    annotated = {a.pk: a.is_overdue for a in Action.objects.with_overdue()}
    assert annotated == {late.pk: True, done.pk: False, dropped.pk: False, on_time.pk: False}


def test_string_forms_and_urls():
    update = ProgressUpdateFactory(date=datetime.date(2026, 11, 2))
    assert str(update) == f"{update.action.title} – 2 November 2026 (Amber)"
    assert update.action.get_absolute_url() == f"/priorities/actions/{update.action.pk}/"
    area = update.action.priority_area
    assert area.get_absolute_url() == f"/priorities/areas/{area.pk}/"
    assert area.framework.get_absolute_url() == f"/priorities/frameworks/{area.framework.pk}/"


@pytest.mark.parametrize(
    ("polarity", "value", "reference", "judgement"),
    [
        ("higher", 61, 71, "worse"),
        ("higher", 75, 71, "better"),
        ("lower", 144, Decimal("129.6"), "worse"),
        ("lower", 120, Decimal("129.6"), "better"),
        ("lower", 5, 5, "level"),
        ("higher", 5, None, ""),
    ],
)
def test_indicator_judges_values_by_its_polarity(polarity, value, reference, judgement):
    assert Indicator(polarity=polarity).judge(value, reference) == judgement


def test_latest_value_against_target_and_each_comparator_of_its_period():
    indicator = IndicatorFactory(target=Decimal("70"))
    IndicatorValueFactory(indicator=indicator, period_label="2013", value=37, england=40)
    latest = IndicatorValueFactory(indicator=indicator, period_label="2017", value=61, england=71)
    region = ComparatorFactory(
        partnership=indicator.priority_area.framework.partnership, name="North West", order=2
    )
    ComparatorValueFactory(indicator=indicator, comparator=region, period_label="2017", value=60)
    assert indicator.latest_value == latest
    assert indicator.direction == "improving"
    assert (indicator.against_target, indicator.target_rag) == ("worse", "red")
    assert [
        (c["comparator"], c["value"], c["against"], c["rag"]) for c in indicator.latest_comparisons
    ] == [
        ("England", Decimal("71"), "worse", "red"),
        ("North West", Decimal("60"), "better", "green"),
    ]


def test_framework_review_is_overdue_after_its_date_unless_archived(today):
    past = datetime.date(2018, 9, 30)
    assert FrameworkFactory.build(review_date=past).is_review_overdue
    assert not FrameworkFactory.build(review_date=past, status="archived").is_review_overdue
    assert not FrameworkFactory.build(review_date=today).is_review_overdue
    assert not FrameworkFactory.build(review_date=None).is_review_overdue
