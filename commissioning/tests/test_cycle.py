"""The cycle's transition table: every move allowed with its evidence, refused without it."""

import datetime
import threading
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from commissioning import services
from commissioning.cycle import TRANSITIONS, check_next_move
from commissioning.models import CommissioningActivity, Contract, ContractReview, StageMove
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    NeedsAssessmentFactory,
)
from core.choices import Stage
from core.edit_conflicts import EditConflict

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _move(activity, to_stage, note=""):
    activity.refresh_from_db()
    return services.activity_move_to_stage(
        activity=activity,
        to_stage=to_stage,
        moved_by=activity.lead_commissioner,
        expected_version=activity.version,
        seen_stage=activity.stage,
        note=note,
    )


def _at(stage, **kwargs) -> CommissioningActivity:
    activity = ActivityFactory(stage=stage, **kwargs)
    return activity


def test_the_table_covers_every_stage_once_in_cycle_order():
    assert [t.source for t in TRANSITIONS.values()] == list(Stage)
    assert [t.target for t in TRANSITIONS.values()] == [*list(Stage)[1:], Stage.ANALYSE]
    assert [t.new_cycle for t in TRANSITIONS.values()] == [False, False, False, True]


def test_analyse_to_plan_refused_without_a_needs_assessment():
    activity = _at(Stage.ANALYSE)
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.PLAN)
    assert "Add a needs assessment" in refused.value.messages[0]
    activity.refresh_from_db()
    assert activity.stage == Stage.ANALYSE
    assert not StageMove.objects.exists()


def test_analyse_to_plan_allowed_with_a_needs_assessment_and_recorded():
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    move = _move(activity, Stage.PLAN, note="JSNA agreed by the partnership")
    activity.refresh_from_db()
    assert activity.stage == Stage.PLAN
    assert activity.version == 2
    assert (move.from_stage, move.to_stage, move.from_cycle, move.to_cycle) == (
        Stage.ANALYSE,
        Stage.PLAN,
        1,
        1,
    )
    assert move.moved_by == activity.lead_commissioner
    assert move.note == "JSNA agreed by the partnership"


def test_plan_to_do_needs_a_specification_text_or_link():
    activity = _at(Stage.PLAN)
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.DO)
    assert "service specification" in refused.value.messages[0]
    CommissioningActivity.objects.filter(pk=activity.pk).update(
        specification_url="https://example.org/spec.pdf", specification_cycle=1
    )
    _move(activity, Stage.DO)
    activity.refresh_from_db()
    assert activity.stage == Stage.DO


def test_plan_to_do_with_specification_text():
    activity = _at(Stage.PLAN, specification_text="Outcomes: fewer referrals to CAMHS.")
    _move(activity, Stage.DO)


def test_do_to_review_refused_without_a_contract_or_decommissioning():
    activity = _at(Stage.DO)
    ContractFactory(activity=activity, status=Contract.Status.PIPELINE)
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.REVIEW)
    assert "live contract" in refused.value.messages[0]


@pytest.mark.parametrize(
    "status", [Contract.Status.LIVE, Contract.Status.ENDING, Contract.Status.DECOMMISSIONED]
)
def test_do_to_review_allowed_with_a_contract_in_force_or_decommissioned(status):
    activity = _at(Stage.DO)
    ContractFactory(activity=activity, status=status)
    _move(activity, Stage.REVIEW)


def test_do_to_review_allowed_with_a_review_deciding_to_decommission():
    activity = _at(Stage.DO)
    contract = ContractFactory(activity=activity, status=Contract.Status.EXPIRED)
    ContractReviewFactory(contract=contract, decision=ContractReview.Decision.DECOMMISSION)
    _move(activity, Stage.REVIEW)


def test_review_to_analyse_needs_a_review_with_a_decision_since_entering_review():
    activity = _at(Stage.REVIEW)
    contract = ContractFactory(activity=activity)
    ContractReviewFactory(contract=contract, decision="", decision_date=None)
    ContractReviewFactory(
        contract=contract, date=timezone.localdate() - datetime.timedelta(days=400)
    )
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.ANALYSE)
    assert "contract review with a decision" in refused.value.messages[0]
    ContractReviewFactory(contract=contract)
    move = _move(activity, Stage.ANALYSE)
    activity.refresh_from_db()
    assert (activity.stage, activity.cycle_number) == (Stage.ANALYSE, 2)
    assert (move.from_cycle, move.to_cycle) == (1, 2)


def test_a_round_trip_raises_the_cycle_number_and_asks_for_fresh_evidence():
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    _move(activity, Stage.PLAN)
    CommissioningActivity.objects.filter(pk=activity.pk).update(
        specification_text="Spec", specification_cycle=1
    )
    _move(activity, Stage.DO)
    contract = ContractFactory(activity=activity)
    _move(activity, Stage.REVIEW)
    ContractReviewFactory(contract=contract)
    _move(activity, Stage.ANALYSE)
    activity.refresh_from_db()
    assert activity.cycle_number == 2
    assert activity.stage_moves.count() == 4
    # Cycle 1's needs assessment does not let cycle 2 leave Analyse.
    assert not check_next_move(activity).allowed


def test_a_move_that_skips_a_stage_is_refused():
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.DO)
    assert "can only move on to Plan" in refused.value.messages[0]


@pytest.mark.parametrize(
    "status", [CommissioningActivity.Status.PAUSED, CommissioningActivity.Status.CLOSED]
)
def test_a_paused_or_closed_activity_does_not_move(status):
    activity = _at(Stage.ANALYSE, status=status)
    NeedsAssessmentFactory(activity=activity)
    with pytest.raises(services.MoveRefused) as refused:
        _move(activity, Stage.PLAN)
    assert "make it active first" in refused.value.messages[0]


def test_a_stale_move_is_refused_saying_what_changed():
    """Two people press "move" on the same page: the second must not move it again."""
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    seen_version, seen_stage = activity.version, activity.stage
    _move(activity, Stage.PLAN)
    with pytest.raises(EditConflict) as conflict:
        services.activity_move_to_stage(
            activity=activity,
            to_stage=Stage.PLAN,
            moved_by=activity.lead_commissioner,
            expected_version=seen_version,
            seen_stage=seen_stage,
        )
    assert "moved from Analyse to Plan, cycle 1" in conflict.value.messages[0]
    activity.refresh_from_db()
    assert activity.stage == Stage.PLAN
    assert activity.stage_moves.count() == 1


def test_the_move_locks_the_row_before_reading_its_version():
    """Without the lock two simultaneous moves could both read version 1 and both advance."""
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    manager = CommissioningActivity.objects
    with mock.patch.object(
        type(manager), "select_for_update", autospec=True, side_effect=lambda self: self.all()
    ) as lock:
        _move(activity, Stage.PLAN)
    assert lock.called


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no row locks to race against"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_moves_advance_once():
    activity = _at(Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def press_move() -> None:
        try:
            start.wait()
            services.activity_move_to_stage(
                activity=activity,
                to_stage=Stage.PLAN,
                moved_by=activity.lead_commissioner,
                expected_version=1,
                seen_stage=Stage.ANALYSE,
            )
            outcomes.append("moved")
        except EditConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=press_move) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["moved", "refused"]
    activity.refresh_from_db()
    assert (activity.stage, activity.version) == (Stage.PLAN, 2)
    assert activity.stage_moves.count() == 1
