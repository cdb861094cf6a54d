"""The commissioning cycle: the one table of allowed moves and the evidence each one needs.

    from     to        evidence needed to leave the stage (in the activity's current cycle)
    -------  --------  ----------------------------------------------------------------------
    analyse  plan      a needs assessment recorded for this cycle
    plan     do        a service specification: text or a link, on the activity
    do       review    a live (or ending) contract let by the activity, or a decommissioning
                       decision: a contract of the activity marked decommissioned, or a
                       contract review of it whose decision is "decommission"
    review   analyse   a contract review with a decision, of a contract of the activity, dated
                       on or after the day the activity entered review; the cycle number rises

Moves go forward only, one stage at a time, and only while the activity is active. Each
move is recorded as a StageMove by `services.activity_move_to_stage`, which applies this table.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from commissioning.models import CommissioningActivity, Contract, ContractReview
from core.choices import Stage


def _has_needs_assessment(activity: CommissioningActivity) -> bool:
    return activity.needs_assessments.filter(cycle_number=activity.cycle_number).exists()


def _has_specification(activity: CommissioningActivity) -> bool:
    return activity.has_specification


def _has_live_contract_or_decommissioning(activity: CommissioningActivity) -> bool:
    contracts = activity.contracts.all()
    return (
        contracts.filter(
            status__in=[*Contract.IN_FORCE_STATUSES, Contract.Status.DECOMMISSIONED]
        ).exists()
        or ContractReview.objects.filter(
            contract__activity=activity, decision=ContractReview.Decision.DECOMMISSION
        ).exists()
    )


def _has_review_with_decision(activity: CommissioningActivity) -> bool:
    entered_on = timezone.localdate(activity.stage_entered_at)
    return (
        ContractReview.objects.filter(contract__activity=activity, date__gte=entered_on)
        .exclude(decision="")
        .exists()
    )


@dataclass(frozen=True)
class Transition:
    source: Stage
    target: Stage
    evidence: Callable[[CommissioningActivity], bool]
    # Shown when the evidence is missing: what to add before the move is allowed.
    missing: str
    new_cycle: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.source: t
    for t in (
        Transition(
            Stage.ANALYSE,
            Stage.PLAN,
            _has_needs_assessment,
            "Add a needs assessment for this cycle (for example from the JSNA) before "
            "moving to Plan.",
        ),
        Transition(
            Stage.PLAN,
            Stage.DO,
            _has_specification,
            "Add the service specification (its text or a link to it) before moving to Do.",
        ),
        Transition(
            Stage.DO,
            Stage.REVIEW,
            _has_live_contract_or_decommissioning,
            "Record a live contract let by this activity, or a decommissioning decision (a "
            "contract of this activity marked decommissioned, or a review deciding to "
            "decommission), before moving to Review.",
        ),
        Transition(
            Stage.REVIEW,
            Stage.ANALYSE,
            _has_review_with_decision,
            "Record a contract review with a decision (continue, extend, vary, re-commission "
            "or decommission) since this activity entered Review, before starting a new cycle.",
            new_cycle=True,
        ),
    )
}


@dataclass(frozen=True)
class MoveCheck:
    """Whether an activity may move on now, where to, and if not, what is missing."""

    transition: Transition | None
    problems: tuple[str, ...]

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
    if not transition.evidence(activity):
        return MoveCheck(transition, (transition.missing,))
    return MoveCheck(transition, ())
