"""The commissioning cycle: the one table of allowed moves and the evidence each one needs.

    from     to        evidence needed to leave the stage, recorded in the CURRENT cycle
    -------  --------  ----------------------------------------------------------------------
    analyse  plan      a needs assessment recorded for this cycle
    plan     do        a service specification (text or a link) written or changed in this
                       cycle (`specification_cycle`, set by the services when it changes)
    do       review    a live (or ending) contract let by the activity in this cycle, or a
                       decommissioning decision: a contract of the activity let in this cycle
                       and since decommissioned, or a review of one of its contracts, dated in
                       this cycle, deciding to decommission; for a decommissioning activity,
                       its decommissioning plan completed
    review   analyse   a contract review with a decision, of a contract of the activity, dated
                       on or after the day the activity entered review; for a decommissioning
                       activity, the review after the service ends; the cycle number rises

Evidence from an earlier cycle is listed on the move page with its cycle, and does not count.
Moves go forward only, one stage at a time, and only while the activity is active. Each
move is recorded as a StageMove by `services.activity_move_to_stage`, which applies this table.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from commissioning.models import CommissioningActivity, Contract, ContractReview
from core.choices import Stage


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence a move reads, and the cycle it belongs to (None: not known)."""

    description: str
    cycle: int | None
    counts: bool

    @property
    def cycle_label(self) -> str:
        if self.cycle is None:
            return "cycle not recorded"
        return f"cycle {self.cycle}"


def cycle_started_on(activity: CommissioningActivity) -> datetime.date:
    """The day the activity's current cycle began: its last move into a new cycle, or the day
    it was created (read through the prefetch of `stage_moves`)."""
    starts = [
        move.moved_at
        for move in activity.stage_moves.all()
        if move.to_cycle == activity.cycle_number and move.from_cycle < move.to_cycle
    ]
    return timezone.localdate(max(starts) if starts else activity.created_at)


def _cycle_on(activity: CommissioningActivity, day: datetime.date) -> int:
    """The cycle the activity was in on `day`."""
    new_cycles = sorted(
        (timezone.localdate(move.moved_at), move.to_cycle)
        for move in activity.stage_moves.all()
        if move.from_cycle < move.to_cycle
    )
    cycle = 1
    for started, number in new_cycles:
        if started <= day:
            cycle = number
    return cycle


def _needs_assessments(activity: CommissioningActivity) -> list[Evidence]:
    return [
        Evidence(
            f"Needs assessment “{assessment.title}” ({assessment.date:%-d %B %Y})",
            assessment.cycle_number,
            assessment.cycle_number == activity.cycle_number,
        )
        for assessment in activity.needs_assessments.all()
    ]


def _specification(activity: CommissioningActivity) -> list[Evidence]:
    if not activity.has_specification:
        return []
    cycle = activity.specification_cycle
    return [Evidence("Service specification", cycle, cycle == activity.cycle_number)]


def _contract_evidence(contract: Contract, activity: CommissioningActivity) -> Evidence:
    return Evidence(
        f"Contract {contract.reference} ({contract.get_status_display().lower()})",
        contract.activity_cycle,
        contract.activity_cycle == activity.cycle_number,
    )


def _decommissioning_plan(activity: CommissioningActivity) -> Evidence | None:
    plan = getattr(activity, "decommissioning_plan", None)
    if plan is None:
        return None
    done = f"completed on {plan.completed_on:%-d %B %Y}" if plan.is_completed else "in progress"
    return Evidence(
        f"Decommissioning plan of {plan.contract.reference} ({done})",
        activity.cycle_number,
        plan.is_completed,
    )


def _live_contract_or_decommissioning(activity: CommissioningActivity) -> list[Evidence]:
    if activity.is_decommissioning:
        plan = _decommissioning_plan(activity)
        return [plan] if plan else []
    evidence = []
    started = cycle_started_on(activity)
    acting = {*Contract.IN_FORCE_STATUSES, Contract.Status.DECOMMISSIONED}
    for contract in activity.contracts.all():
        if contract.status in acting:
            evidence.append(_contract_evidence(contract, activity))
        for review in contract.reviews.all():
            if review.decision == ContractReview.Decision.DECOMMISSION:
                evidence.append(
                    Evidence(
                        f"Review of {contract.reference} on {review.date:%-d %B %Y} deciding "
                        "to decommission",
                        _cycle_on(activity, review.date),
                        review.date >= started,
                    )
                )
    return evidence


def _review_with_decision(activity: CommissioningActivity) -> list[Evidence]:
    if activity.is_decommissioning:
        plan = getattr(activity, "decommissioning_plan", None)
        if plan is None or not plan.post_end_review.strip() or not plan.post_end_reviewed_on:
            return []
        return [
            Evidence(
                f"Review after the service ended ({plan.post_end_reviewed_on:%-d %B %Y})",
                activity.cycle_number,
                True,
            )
        ]
    entered_on = timezone.localdate(activity.stage_entered_at)
    return [
        Evidence(
            f"Review of {contract.reference} on {review.date:%-d %B %Y}: "
            f"{review.get_decision_display().lower()}",
            _cycle_on(activity, review.date),
            review.date >= entered_on,
        )
        for contract in activity.contracts.all()
        for review in contract.reviews.all()
        if review.decision
    ]


@dataclass(frozen=True)
class Transition:
    source: Stage
    target: Stage
    evidence: Callable[[CommissioningActivity], list[Evidence]]
    # Shown when the evidence is missing: what to add before the move is allowed.
    missing: str
    new_cycle: bool = False
    # Shown instead of `missing` for a decommissioning activity.
    missing_decommissioning: str = ""


TRANSITIONS: dict[str, Transition] = {
    t.source: t
    for t in (
        Transition(
            Stage.ANALYSE,
            Stage.PLAN,
            _needs_assessments,
            "Add a needs assessment for this cycle (for example from the JSNA) before "
            "moving to Plan.",
        ),
        Transition(
            Stage.PLAN,
            Stage.DO,
            _specification,
            "Add the service specification (its text or a link to it), or update it, in this "
            "cycle before moving to Do.",
        ),
        Transition(
            Stage.DO,
            Stage.REVIEW,
            _live_contract_or_decommissioning,
            "Record a live contract let by this activity in this cycle, or a decommissioning "
            "decision (a contract of this activity marked decommissioned, or a review deciding "
            "to decommission), before moving to Review.",
            missing_decommissioning=("Complete the decommissioning plan before moving to Review."),
        ),
        Transition(
            Stage.REVIEW,
            Stage.ANALYSE,
            _review_with_decision,
            "Record a contract review with a decision (continue, extend, vary, re-commission "
            "or decommission) since this activity entered Review, before starting a new cycle.",
            new_cycle=True,
            missing_decommissioning=(
                "Record the review after the service ends, on the decommissioning plan, before "
                "starting a new cycle."
            ),
        ),
    )
}


@dataclass(frozen=True)
class MoveCheck:
    """Whether an activity may move on now, where to, and if not, what is missing."""

    transition: Transition | None
    problems: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.problems

    @property
    def target(self) -> Stage | None:
        return self.transition.target if self.transition else None


def check_next_move(activity: CommissioningActivity) -> MoveCheck:
    """Check the move from the activity's stage to the next one, without making it."""
    transition = TRANSITIONS.get(activity.stage)
    if transition is None:
        return MoveCheck(None, (f"Unknown stage “{activity.stage}”.",))
    if activity.status != CommissioningActivity.Status.ACTIVE:
        return MoveCheck(
            transition,
            (f"This activity is {activity.get_status_display().lower()}: make it active first.",),
        )
    evidence = tuple(transition.evidence(activity))
    if not any(item.counts for item in evidence):
        missing = transition.missing
        if activity.is_decommissioning and transition.missing_decommissioning:
            missing = transition.missing_decommissioning
        if evidence:
            missing += (
                f" What is recorded belongs to an earlier cycle: this is cycle "
                f"{activity.cycle_number}."
            )
        return MoveCheck(transition, (missing,), evidence)
    return MoveCheck(transition, (), evidence)
