"""The steps of a decommissioning plan, and what completing it needs: one table, in order.

    step                       done when
    -------------------------  ----------------------------------------------------------------
    who is affected            the client groups are named and at least one child or family
                               is counted (counts by age band only, never identities)
    impact assessment          the equality and impact assessment is written and dated
    consultation               at least one participation record with the children and
                               families affected is linked, held on or before the decision
    exit plan: transition      how current service users move to other support is written
    exit plan: notice          the date notice was served on the provider is recorded, and it
                               gives the contract's notice period before the service ends
    exit plan: communication   the communication plan is written

The review after the service ends is asked for at the activity's Review stage (cycle.py),
since it can only happen once the service has ended. The consultations are participation
records, linked from the participation app (participation.models.DecommissioningConsultation);
this module reads them through the plan's reverse relation `consultations`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from commissioning.models import DecommissioningPlan


@dataclass(frozen=True)
class Step:
    name: str
    done: Callable[[DecommissioningPlan], bool]
    # Shown when the step is not done: what to add, by name.
    missing: Callable[[DecommissioningPlan], str]


def _affected(plan: DecommissioningPlan) -> bool:
    return bool(plan.client_groups.strip()) and plan.affected_total > 0


def _impact(plan: DecommissioningPlan) -> bool:
    return bool(plan.impact_assessment.strip()) and plan.impact_assessed_on is not None


def consultations_before_decision(plan: DecommissioningPlan) -> list:
    """The linked consultations held on or before the decision (through any prefetch)."""
    return [link for link in plan.consultations.all() if link.record.date <= plan.decision_date]


def _consulted(plan: DecommissioningPlan) -> bool:
    return bool(consultations_before_decision(plan))


def _notice_enough(plan: DecommissioningPlan) -> bool:
    ends = plan.notice_ends_on()
    return ends is not None and ends <= plan.service_end_date


def _notice_missing(plan: DecommissioningPlan) -> str:
    months = plan.contract.notice_period_months
    if plan.notice_served_on is None:
        return "Record the date notice was served on the provider."
    return (
        f"Notice served on {plan.notice_served_on:%-d %B %Y} gives the provider "
        f"{months} months' notice only until {plan.notice_ends_on():%-d %B %Y}, after the "
        f"service ends ({plan.service_end_date:%-d %B %Y}): serve notice earlier or end the "
        "service later."
    )


STEPS: tuple[Step, ...] = (
    Step(
        "Who is affected",
        _affected,
        lambda plan: (
            "Say who is affected: name the client groups and count the children and families, "
            "by age band."
        ),
    ),
    Step(
        "Equality and impact assessment",
        _impact,
        lambda plan: "Write the equality and impact assessment and give its date.",
    ),
    Step(
        "Consultation",
        _consulted,
        lambda plan: (
            "Link at least one consultation with the children and families affected, held on "
            f"or before the decision to decommission ({plan.decision_date:%-d %B %Y})."
        ),
    ),
    Step(
        "Exit plan: transition of current service users",
        lambda plan: bool(plan.transition_plan.strip()),
        lambda plan: "Write how the current service users move to other support.",
    ),
    Step("Exit plan: notice to the provider", _notice_enough, _notice_missing),
    Step(
        "Exit plan: communication plan",
        lambda plan: bool(plan.communication_plan.strip()),
        lambda plan: "Write the communication plan: who is told what, and when.",
    ),
)


def plan_progress(plan: DecommissioningPlan) -> list[tuple[str, bool, str]]:
    """Each step's name, whether it is done, and if not what it needs."""
    progress = []
    for step in STEPS:
        done = step.done(plan)
        progress.append((step.name, done, "" if done else step.missing(plan)))
    return progress


def plan_missing(plan: DecommissioningPlan) -> list[str]:
    """What completing the plan still needs, by name, in the order of the steps."""
    return [step.missing(plan) for step in STEPS if not step.done(plan)]
