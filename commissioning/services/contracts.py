"""Writes of contracts: creating and editing them with their extension options, and the
decisions of their reviews, each of which acts on the contract in one transaction.

    decision       what it does to the contract (all under a row lock, the version bumped)
    -------------  ---------------------------------------------------------------------------
    continue       nothing: the review is recorded
    extend         takes the next extension option (or the options up to a stated new end
                   date, never beyond the latest possible end) and moves the end date
    vary           records a ContractVariation (value, end date, scope; why; who agreed) and
                   applies it
    re-commission  links the open activity re-commissioning the contract (or the open activity
                   that let it), else opens one at Analyse for the same service; the review's
                   outcomes and the latest needs evidence are carried into its description
    decommission   opens a decommissioning activity at Do with its decommissioning plan; the
                   contract is marked ending, and ends when the plan completes
"""

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.decommissioning import plan_missing
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    ContractVariation,
    DecommissioningPlan,
    ExtensionOption,
)
from commissioning.models.contracts import add_months
from core import roles
from core.choices import Stage
from core.edit_conflicts import locked_for_edit, save_edit
from governance.models import Organisation
from priorities.models import PriorityArea

CONTRACT_EDITABLE_FIELDS = (
    "reference",
    "title",
    "service",
    "provider",
    "activity",
    "priority_area",
    "owner",
    "form",
    "procurement_route",
    "quotes_invited",
    "lead_organisation",
    "department",
    "annual_value",
    "total_value",
    "non_recoverable_vat",
    "start_date",
    "initial_end_date",
    "end_date",
    "review_date",
    "notice_period_months",
    "status",
    "safeguarding_clause",
    "social_value_clause",
)
CONTRACT_REVIEW_FIELDS = (
    "date",
    "performance_rag",
    "outcomes_achieved",
    "value_for_money",
    "decision",
    "decision_date",
)
# The details each decision reads, by name (the review form's fields of the same names).
DECISION_DETAILS = (
    "extend_with",
    "new_end_date",
    "variation_agreed_by",
    "variation_reason",
    "variation_scope",
    "variation_annual_value",
    "variation_total_value",
    "variation_end_date",
    "recommission_priority",
    "service_end_date",
)
PLAN_EDITABLE_FIELDS = (
    "service_end_date",
    "client_groups",
    "affected_0_4",
    "affected_5_10",
    "affected_11_15",
    "affected_16_17",
    "affected_18_25",
    "affected_families",
    "impact_assessment",
    "impact_assessed_on",
    "transition_plan",
    "notice_served_on",
    "communication_plan",
    "post_end_review",
    "post_end_reviewed_on",
)

Decision = ContractReview.Decision
EXTEND_NEXT_OPTION = "next_option"
EXTEND_TO_DATE = "date"


def _only(data: dict[str, Any], allowed: Iterable[str], what: str) -> dict[str, Any]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"Not editable fields of {what}: {sorted(unknown)}")
    return dict(data)


def _fmt(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


# Creating and editing


def _set_options(contract: Contract, months: Sequence[int]) -> None:
    """Make the options not yet taken those of `months`, in that order, after the taken ones.
    Taken options are history and stay as they are; so every option left starts after the
    term it extends ends."""
    options = list(contract.extension_options.order_by("order"))
    taken = [o for o in options if o.taken_on is not None]
    left = [o for o in options if o.taken_on is None]
    for length in months:
        if length is None or length < 1:
            raise ValidationError("An extension option lasts at least a month.")
    # Move the options left out of the way of the orders they will take.
    offset = len(options) + len(months) + 1
    for option in left:
        ExtensionOption.objects.filter(pk=option.pk).update(order=option.order + offset)
    for place, length in enumerate(months):
        order = len(taken) + place + 1
        if place < len(left):
            option = left[place]
            option.order, option.months = order, length
            option.full_clean(exclude=["contract"])
            option.save(update_fields=["order", "months"])
        else:
            option = ExtensionOption(contract=contract, order=order, months=length)
            option.full_clean()
            option.save()
    for option in left[len(months) :]:
        option.delete()


SHARE_NOT_LEAD_MESSAGE = "Share it with other partnerships: its lead partnership already has it."


def share_with(record: Contract | CommissioningActivity, partnerships: Iterable | None) -> None:
    """Share a saved contract or activity with `partnerships` (None: leave it as it is): they
    see it, its lead partnership edits it."""
    if partnerships is None:
        return
    partnerships = list(partnerships)
    if any(p.pk == record.partnership_id for p in partnerships):
        raise ValidationError({"shared_with": SHARE_NOT_LEAD_MESSAGE})
    record.shared_with.set(partnerships)


def _check_may_keep(contract: Contract, user: AbstractBaseUser) -> None:
    if not roles.can_edit_contract(user, contract):
        raise ValidationError(
            {
                "priority_area": "Choose a priority you lead: its lead commissioners keep "
                "the contract."
            }
        )


@transaction.atomic
def contract_create(
    *,
    data: dict[str, Any],
    co_commissioners: Iterable[Organisation] = (),
    options: Sequence[int] = (),
    created_by: AbstractBaseUser,
    shared_with: Iterable | None = None,
    is_sample: bool = False,
) -> Contract:
    """Add a contract, with its extension options (their lengths in months, in order), shared
    with `shared_with` (other partnerships). Its current end date starts as the end of its
    initial term; it is led by the partnership of its priority (else its service)."""
    data = _only(data, CONTRACT_EDITABLE_FIELDS, "a contract")
    if not data.get("end_date"):
        data["end_date"] = data.get("initial_end_date")
    if not data.get("initial_end_date"):
        data["initial_end_date"] = data.get("end_date")
    contract = Contract(**data, is_sample=is_sample)
    contract.take_partnership_from_parents()
    if contract.activity_id:
        contract.activity_cycle = contract.activity.cycle_number
    _check_may_keep(contract, created_by)
    contract.full_clean()
    contract.save()
    contract.co_commissioners.set(co_commissioners)
    share_with(contract, shared_with)
    _set_options(contract, options)
    return contract


@transaction.atomic
def contract_update(
    *,
    contract: Contract,
    data: dict[str, Any],
    co_commissioners: Iterable[Organisation],
    options: Sequence[int],
    updated_by: AbstractBaseUser,
    expected_version: int,
    shared_with: Iterable | None = None,
) -> Contract:
    """Change a contract and its options left; refused (EditConflict) if it changed since it
    was read."""
    current = locked_for_edit(
        Contract,
        pk=contract.pk,
        expected_version=-1 if expected_version is None else expected_version,
    )
    changes = _only(data, CONTRACT_EDITABLE_FIELDS, "a contract")
    if "activity" in changes and getattr(changes["activity"], "pk", None) != current.activity_id:
        current.activity_cycle = changes["activity"].cycle_number if changes["activity"] else None
        changes["activity_cycle"] = current.activity_cycle
    for name, value in changes.items():
        setattr(current, name, value)
    _check_may_keep(current, updated_by)
    save_edit(current, changes, also_update=["updated_at"])
    current.co_commissioners.set(co_commissioners)
    share_with(current, shared_with)
    _set_options(current, options)
    return current


# Decisions


def decision_refusal(
    contract: Contract, decision: str, today: datetime.date | None = None
) -> str | None:
    """Why the contract does not allow `decision` now, or None if it does."""
    today = today or timezone.localdate()
    if decision in ("", Decision.CONTINUE):
        return None
    if contract.status == Contract.Status.DECOMMISSIONED:
        return f"{contract.reference} is decommissioned: no decision can act on it any more."
    if decision == Decision.RECOMMISSION:
        return None
    plan = DecommissioningPlan.objects.filter(contract=contract).first()
    if plan is not None:
        return (
            f"{contract.reference} is being decommissioned (its plan is in progress): finish "
            "the plan rather than take another decision."
        )
    if contract.has_ended(today):
        return (
            f"{contract.reference} ended on {_fmt(contract.end_date)}: a contract that has "
            f"ended cannot be {'extended' if decision == Decision.EXTEND else 'changed'}; "
            "re-commission the service instead."
        )
    if decision == Decision.EXTEND and contract.next_option is None:
        return (
            f"{contract.reference} has no extension option left: it can end on "
            f"{_fmt(contract.end_date)} at the latest. Vary it or re-commission it instead."
        )
    return None


def _extend(contract: Contract, review: ContractReview, details: dict, user) -> str:
    """Take the next option, or the options up to a stated end date."""
    left = contract.options_left
    latest = contract.latest_possible_end
    if details.get("extend_with") == EXTEND_TO_DATE:
        new_end = details.get("new_end_date")
        if new_end is None:
            raise ValidationError({"new_end_date": "Give the new end date."})
        if new_end <= contract.end_date:
            raise ValidationError(
                {
                    "new_end_date": (
                        "An extension starts when the current term ends "
                        f"({_fmt(contract.end_date)}): the new end date must be after it."
                    )
                }
            )
        if new_end > latest:
            raise ValidationError(
                {
                    "new_end_date": (
                        f"The options left ({contract.options_left_label}) allow an end on "
                        f"{_fmt(latest)} at the latest."
                    )
                }
            )
        # Options are taken whole, in order, until they reach the new end date; what an
        # option allows beyond that date is given up.
        reached, taken = contract.end_date, []
        for option in left:
            if reached >= new_end:
                break
            taken.append(option)
            reached = add_months(reached, option.months)
    else:
        taken = left[:1]
        new_end = add_months(contract.end_date, taken[0].months)
    previous = contract.end_date
    for option in taken:
        option.taken_on = review.decision_date
        option.taken_by = review
        option.save(update_fields=["taken_on", "taken_by"])
    contract.end_date = new_end
    if contract.status == Contract.Status.ENDING:
        contract.status = Contract.Status.LIVE
    names = ", ".join(f"option {o.order} ({o.length_label})" for o in taken)
    return f"Extended from {_fmt(previous)} to {_fmt(new_end)}: took {names}."


def _vary(contract: Contract, review: ContractReview, details: dict, user) -> str:
    new_end = details.get("variation_end_date")
    if new_end is not None and new_end < timezone.localdate():
        raise ValidationError(
            {"variation_end_date": "A variation cannot move the end date into the past."}
        )
    variation = ContractVariation(
        contract=contract,
        review=review,
        agreed_on=review.decision_date,
        agreed_by=(details.get("variation_agreed_by") or "").strip(),
        reason=(details.get("variation_reason") or "").strip(),
        scope_change=(details.get("variation_scope") or "").strip(),
        previous_annual_value=contract.annual_value,
        new_annual_value=details.get("variation_annual_value"),
        previous_total_value=contract.total_value,
        new_total_value=details.get("variation_total_value"),
        previous_end_date=contract.end_date,
        new_end_date=new_end,
        is_sample=review.is_sample,
    )
    try:
        variation.full_clean(exclude=["contract", "review"])
    except ValidationError as error:
        raise _as_detail_errors(error) from error
    variation.save()
    if variation.new_annual_value is not None:
        contract.annual_value = variation.new_annual_value
    if variation.new_total_value is not None:
        contract.total_value = variation.new_total_value
    if variation.new_end_date is not None:
        contract.end_date = variation.new_end_date
    return "Varied: " + "; ".join(variation.changes()) + "."


_VARIATION_FIELDS = {
    "agreed_by": "variation_agreed_by",
    "reason": "variation_reason",
    "scope_change": "variation_scope",
    "new_annual_value": "variation_annual_value",
    "new_total_value": "variation_total_value",
    "new_end_date": "variation_end_date",
}


def _as_detail_errors(error: ValidationError) -> ValidationError:
    """A variation's errors named after the review form's fields."""
    if not hasattr(error, "error_dict"):
        return ValidationError({"variation_scope": error.messages})
    return ValidationError(
        {_VARIATION_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
    )


def _evidence_carried(contract: Contract, review: ContractReview) -> str:
    """The review's findings, and the latest needs evidence of the activity that let the
    contract, as a paragraph the new cycle starts from."""
    lines = [
        f"Carried forward from the review of {contract.reference} on {_fmt(review.date)} "
        f"(decided {_fmt(review.decision_date)}: re-commission): performance "
        f"{review.get_performance_rag_display()}, value for money "
        f"{review.get_value_for_money_display().lower()}. Outcomes achieved: "
        f"{review.outcomes_achieved}"
    ]
    if contract.activity_id:
        latest = contract.activity.needs_assessments.order_by("-date", "-pk").first()
        if latest is not None:
            lines.append(
                f"Needs evidence from “{latest.title}” ({_fmt(latest.date)}): "
                f"{latest.key_findings} (sources: {latest.evidence_sources})"
            )
    return "\n\n".join(lines)


def _recommission(contract: Contract, review: ContractReview, details: dict, user) -> str:
    from commissioning.services import activity_create

    evidence = _evidence_carried(contract, review)
    open_ones = CommissioningActivity.objects.exclude(status=CommissioningActivity.Status.CLOSED)
    existing = (
        open_ones.filter(recommissions=contract).order_by("pk").first()
        or open_ones.filter(pk=contract.activity_id, purpose="commission").first()
    )
    if existing is not None:
        activity = locked_for_edit(CommissioningActivity, pk=existing.pk, expected_version=None)
        activity.description = "\n\n".join(p for p in (activity.description, evidence) if p)
        activity.recommissions = activity.recommissions or contract
        activity.version += 1
        activity.full_clean()
        activity.save(update_fields=["description", "recommissions", "version", "updated_at"])
        review.opened_activity = activity
        return (
            f"Linked to “{activity.title}” ({activity.get_stage_display()}), which "
            "re-commissions it."
        )
    priority = details.get("recommission_priority") or contract.priority_area
    allowed = roles.activity_priority_areas_for(user, PriorityArea.objects.all())
    if priority is None or not allowed.filter(pk=priority.pk).exists():
        raise ValidationError(
            {
                "recommission_priority": "Choose a priority you lead: you will lead the "
                "re-commissioning."
            }
        )
    activity = activity_create(
        data={
            "title": f"Re-commission: {contract.title}",
            "description": (
                f"Re-commissioning of {contract.reference} ({contract.service.name}) with "
                f"{contract.provider}, which ends on {_fmt(contract.end_date)}.\n\n{evidence}"
            ),
            "priority_area": priority,
            "lead_commissioner": user,
            "budget": contract.annual_value,
        },
        organisations=[contract.lead_organisation, *contract.co_commissioners.all()],
        recommissions=contract,
        is_sample=review.is_sample,
    )
    review.opened_activity = activity
    return f"Opened “{activity.title}” at Analyse, carrying the review's evidence forward."


def _decommission(contract: Contract, review: ContractReview, details: dict, user) -> str:
    ends = details.get("service_end_date")
    if ends is None:
        raise ValidationError({"service_end_date": "Give the date the service will end."})
    if ends < review.decision_date:
        raise ValidationError(
            {"service_end_date": "The service cannot end before the decision to end it."}
        )
    if ends > contract.end_date:
        raise ValidationError(
            {
                "service_end_date": (
                    f"The contract ends on {_fmt(contract.end_date)}: the service cannot end "
                    "after it does."
                )
            }
        )
    if ends < contract.start_date:
        raise ValidationError(
            {"service_end_date": "The service cannot end before the contract starts."}
        )
    priority = contract.priority_area or (
        contract.activity.priority_area if contract.activity else None
    )
    if priority is None:
        raise ValidationError("Give the contract a priority first: its leads decommission it.")
    activity = CommissioningActivity(
        title=f"Decommission: {contract.title}",
        description=(
            f"Decommissioning of {contract.reference} with {contract.provider}, decided at the "
            f"review of {_fmt(review.date)}; the service is to end on {_fmt(ends)}."
        ),
        priority_area=priority,
        lead_commissioner=user,
        purpose=CommissioningActivity.Purpose.DECOMMISSION,
        # The decision is the analysis: the plan to end the service is the Do stage.
        stage=Stage.DO,
        budget=None,
        is_sample=review.is_sample,
        partnership_id=contract.partnership_id,
    )
    activity.full_clean()
    activity.save()
    activity.commissioning_organisations.set(
        [contract.lead_organisation, *contract.co_commissioners.all()]
    )
    plan = DecommissioningPlan(
        contract=contract,
        activity=activity,
        review=review,
        decision_date=review.decision_date,
        service_end_date=ends,
        is_sample=review.is_sample,
    )
    plan.full_clean()
    plan.save()
    review.opened_activity = activity
    if contract.status == Contract.Status.LIVE:
        contract.status = Contract.Status.ENDING
    return f"Decommissioning started: the plan ends the service on {_fmt(ends)} once complete."


def _continue(contract: Contract, review: ContractReview, details: dict, user) -> str:
    return f"Continues as it is, to {_fmt(contract.end_date)}."


ACTS = {
    Decision.CONTINUE: _continue,
    Decision.EXTEND: _extend,
    Decision.VARY: _vary,
    Decision.RECOMMISSION: _recommission,
    Decision.DECOMMISSION: _decommission,
}
# Decisions that change the contract itself: its keepers take them.
CHANGING_DECISIONS = (Decision.EXTEND, Decision.VARY, Decision.DECOMMISSION)


@transaction.atomic
def contract_review_decide(
    *,
    contract: Contract,
    data: dict[str, Any],
    details: dict[str, Any] | None = None,
    decided_by: AbstractBaseUser | None,
    expected_version: int | None,
    is_sample: bool = False,
) -> ContractReview:
    """Record a review of a contract and apply its decision, all or nothing: the contract is
    locked, the decision checked against what the contract allows now, and the version bumped.
    `expected_version` None acts on the contract as it is (the demo loader); a page passes the
    version it showed, and a stale one is refused (EditConflict)."""
    current = locked_for_edit(Contract, pk=contract.pk, expected_version=expected_version)
    details = _only(details or {}, DECISION_DETAILS, "a decision")
    review = ContractReview(
        contract=current, is_sample=is_sample, **_only(data, CONTRACT_REVIEW_FIELDS, "a review")
    )
    review.full_clean()
    decision = review.decision
    if decided_by is None and decision in (Decision.RECOMMISSION, Decision.DECOMMISSION):
        raise ValidationError(
            {"decision": "Say who takes this decision: they will lead the new activity."}
        )
    if (
        decided_by is not None
        and decision in CHANGING_DECISIONS
        and not roles.can_edit_contract(decided_by, current)
    ):
        raise ValidationError(
            {
                "decision": (
                    "Only administrators and the lead commissioners of the contract's priority "
                    f"take the decision to {review.get_decision_display().lower()} it."
                )
            }
        )
    refusal = decision_refusal(current, decision)
    if refusal:
        raise ValidationError({"decision": refusal})
    review.save()
    if decision:
        review.decision_note = ACTS[decision](current, review, details, decided_by)
        review.save(update_fields=["decision_note", "opened_activity"])
    current.version += 1
    current.full_clean()
    current.save()
    return review


# Decommissioning plans


def _locked_plan(plan: DecommissioningPlan, expected_version: int | None) -> DecommissioningPlan:
    return locked_for_edit(
        DecommissioningPlan,
        pk=plan.pk,
        expected_version=-1 if expected_version is None else expected_version,
    )


@transaction.atomic
def decommissioning_plan_update(
    *, plan: DecommissioningPlan, data: dict[str, Any], expected_version: int
) -> DecommissioningPlan:
    """Fill in a decommissioning plan; refused (EditConflict) if saved meanwhile."""
    current = _locked_plan(plan, expected_version)
    changes = _only(data, PLAN_EDITABLE_FIELDS, "a decommissioning plan")
    if (
        current.is_completed
        and "service_end_date" in changes
        and changes["service_end_date"] != current.service_end_date
    ):
        raise ValidationError(
            {"service_end_date": "The plan is complete: the service has ended on its date."}
        )
    reviewed_on = changes.get("post_end_reviewed_on")
    ends = changes.get("service_end_date", current.service_end_date)
    if reviewed_on and ends and reviewed_on < ends:
        raise ValidationError(
            {
                "post_end_reviewed_on": (
                    f"The review after the service ends cannot be before it ends ({_fmt(ends)})."
                )
            }
        )
    if ends and ends > current.contract.end_date and not current.is_completed:
        raise ValidationError(
            {
                "service_end_date": (
                    f"The contract ends on {_fmt(current.contract.end_date)}: the service "
                    "cannot end after it does."
                )
            }
        )
    notice = changes.get("notice_served_on")
    if notice and notice > timezone.localdate():
        raise ValidationError(
            {"notice_served_on": "Record the notice once it has been served, not before."}
        )
    return save_edit(current, changes, also_update=["updated_at"])


@transaction.atomic
def decommissioning_plan_complete(
    *, plan: DecommissioningPlan, completed_by: AbstractBaseUser, expected_version: int
) -> DecommissioningPlan:
    """Complete the plan if every step is done, naming what is missing otherwise; the
    contract then ends: decommissioned, on the plan's service end date."""
    current = _locked_plan(plan, expected_version)
    if current.is_completed:
        raise ValidationError("This plan is already complete.")
    contract = locked_for_edit(Contract, pk=current.contract_id, expected_version=None)
    current.contract = contract
    missing = plan_missing(current)
    if missing:
        raise ValidationError(missing)
    current.status = DecommissioningPlan.Status.COMPLETED
    current.completed_on = timezone.localdate()
    current.completed_by = completed_by
    current.version += 1
    current.full_clean()
    current.save(update_fields=["status", "completed_on", "completed_by", "version", "updated_at"])
    contract.status = Contract.Status.DECOMMISSIONED
    contract.end_date = current.service_end_date
    contract.version += 1
    contract.full_clean()
    contract.save(update_fields=["status", "end_date", "version", "updated_at"])
    return current
