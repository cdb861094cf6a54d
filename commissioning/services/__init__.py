"""Writes of the commissioning app: activities and their moves round the cycle, evidence,
re-commissioning, bulk changes to contracts, partners' shares, KPIs and performance
assessments. Contracts, their options, their reviews' decisions and decommissioning plans are
in `commissioning.services.contracts`, re-exported here so that callers say
`services.contract_review_decide`."""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from commissioning.cycle import check_next_move
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    Contribution,
    KeyPerformanceIndicator,
    KpiValue,
    NeedsAssessment,
    PerformanceAssessment,
    StageMove,
)
from core.choices import Stage
from core.edit_conflicts import EditConflict, locked_for_edit, save_edit
from governance.models import Organisation
from priorities.models import PriorityArea

# The fields of an activity that people edit; stage, cycle and version belong to the cycle.
ACTIVITY_EDITABLE_FIELDS = (
    "title",
    "description",
    "priority_area",
    "lead_commissioner",
    "level",
    "footprint",
    "resourcing",
    "budget",
    "status",
    "specification_text",
    "specification_url",
)
NEEDS_ASSESSMENT_FIELDS = ("title", "date", "evidence_sources", "population", "key_findings")
SPECIFICATION_FIELDS = ("specification_text", "specification_url")
CONTRIBUTION_FIELDS = ("organisation", "annual_amount", "arrangement", "agreement", "note")
KPI_FIELDS = ("name", "target", "unit", "polarity", "frequency")
KPI_VALUE_FIELDS = ("period_end", "value", "note")
ASSESSMENT_FIELDS = ("date", "rating", "summary")


class MoveRefused(ValidationError):
    """The move is not allowed now; the messages say what is missing."""


def _only(data: dict[str, Any], allowed: Iterable[str], what: str) -> dict[str, Any]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"Not editable fields of {what}: {sorted(unknown)}")
    return dict(data)


def _locked(
    activity: CommissioningActivity,
    expected_version: int,
    conflict: Callable[[CommissioningActivity], EditConflict] = EditConflict,
) -> CommissioningActivity:
    # The row lock makes concurrent moves and edits of one activity wait for each other,
    # so the second sees the first's new version and is refused instead of double-advancing.
    # A missing version is refused as stale, never taken as "the activity as it is now".
    return locked_for_edit(
        CommissioningActivity,
        pk=activity.pk,
        expected_version=-1 if expected_version is None else expected_version,
        conflict=conflict,
    )


@transaction.atomic
def activity_create(
    *,
    data: dict[str, Any],
    organisations: Iterable[Organisation],
    recommissions: Contract | None = None,
    shared_with: Iterable | None = None,
    is_sample: bool = False,
) -> CommissioningActivity:
    """Start a commissioning activity at Analyse, cycle 1, led by its priority's partnership
    and shared with `shared_with` (other partnerships)."""
    organisations = list(organisations)
    if not organisations:
        raise ValidationError(
            {"commissioning_organisations": "Choose at least one commissioning organisation."}
        )
    activity = CommissioningActivity(
        **_only(data, ACTIVITY_EDITABLE_FIELDS, "an activity"),
        stage=Stage.ANALYSE,
        cycle_number=1,
        recommissions=recommissions,
        is_sample=is_sample,
    )
    if activity.has_specification:
        activity.specification_cycle = activity.cycle_number
    activity.take_partnership_from_priority()
    activity.full_clean()
    activity.save()
    activity.commissioning_organisations.set(organisations)
    share_with(activity, shared_with)
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: CommissioningActivity,
    data: dict[str, Any],
    organisations: Iterable[Organisation],
    expected_version: int,
    shared_with: Iterable | None = None,
) -> CommissioningActivity:
    """Change an activity's details, refusing (EditConflict) the save if it changed since it
    was read."""
    current = _locked(activity, expected_version)
    organisations = list(organisations)
    if not organisations:
        raise ValidationError(
            {"commissioning_organisations": "Choose at least one commissioning organisation."}
        )
    changes = _only(data, ACTIVITY_EDITABLE_FIELDS, "an activity")
    if any(
        name in changes and changes[name] != getattr(current, name) for name in SPECIFICATION_FIELDS
    ):
        # The specification now belongs to this cycle: the Plan to Do gate reads the cycle.
        changes["specification_cycle"] = current.cycle_number
    save_edit(current, changes, also_update=["updated_at"])
    current.commissioning_organisations.set(organisations)
    share_with(current, shared_with)
    return current


def _stale_move_message(current: CommissioningActivity, seen_stage: str | None) -> str:
    now = f"{current.get_stage_display()}, cycle {current.cycle_number}"
    if seen_stage and seen_stage != current.stage:
        last = current.stage_moves.select_related("moved_by").first()
        who = ""
        if last is not None:
            name = last.moved_by.get_full_name() or last.moved_by.username
            when = timezone.localtime(last.moved_at)
            who = f" {name} moved it at {when:%H:%M on %-d %B %Y}."
        return (
            f"Not moved: while you were looking at it this activity moved from "
            f"{Stage(seen_stage).label} to {now}.{who} Check what it needs now."
        )
    return (
        f"Not moved: someone changed this activity while you were looking at it (it is now at "
        f"{now}). Check its details and try again."
    )


@transaction.atomic
def activity_move_to_stage(
    *,
    activity: CommissioningActivity,
    to_stage: str,
    moved_by: AbstractBaseUser,
    expected_version: int,
    seen_stage: str | None = None,
    note: str = "",
) -> StageMove:
    """Move an activity to the next stage of the cycle if its evidence is there; record it.
    A move based on a stale read is refused (EditConflict, saying where the activity is now)."""
    current = _locked(
        activity,
        expected_version,
        lambda current: EditConflict(current, message=_stale_move_message(current, seen_stage)),
    )
    check = check_next_move(current)
    if check.target is not None and check.target != to_stage:
        raise MoveRefused(
            f"{current.get_stage_display()} can only move on to {check.target.label}, "
            f"one stage at a time."
        )
    if not check.allowed:
        raise MoveRefused(list(check.problems))
    move = StageMove(
        activity=current,
        from_stage=current.stage,
        to_stage=check.target,
        from_cycle=current.cycle_number,
        to_cycle=current.cycle_number + int(check.transition.new_cycle),
        moved_at=timezone.now(),
        moved_by=moved_by,
        note=note,
    )
    move.full_clean()
    move.save()
    current.stage = move.to_stage
    current.cycle_number = move.to_cycle
    current.stage_entered_at = move.moved_at
    current.version += 1
    current.full_clean()
    current.save(
        update_fields=["stage", "cycle_number", "stage_entered_at", "version", "updated_at"]
    )
    return move


@transaction.atomic
def needs_assessment_add(
    *, activity: CommissioningActivity, data: dict[str, Any], is_sample: bool = False
) -> NeedsAssessment:
    """Record a needs assessment for the activity's current cycle."""
    assessment = NeedsAssessment(
        activity=activity,
        cycle_number=activity.cycle_number,
        is_sample=is_sample,
        **_only(data, NEEDS_ASSESSMENT_FIELDS, "a needs assessment"),
    )
    assessment.full_clean()
    assessment.save()
    return assessment


def contract_review_add(
    *,
    contract: Contract,
    data: dict[str, Any],
    details: dict[str, Any] | None = None,
    decided_by: AbstractBaseUser | None = None,
    is_sample: bool = False,
) -> ContractReview:
    """Record a review of a contract as it is now and apply its decision (the demo loader's
    and the tests' shorthand for contract_review_decide without a version)."""
    # Without a user, the decision is the contract manager's, else the activity lead's.
    keeper = contract.owner or (contract.activity.lead_commissioner if contract.activity else None)
    return contract_review_decide(
        contract=contract,
        data=data,
        details=details,
        decided_by=decided_by or keeper,
        expected_version=None,
        is_sample=is_sample,
    )


@transaction.atomic
def contract_start_recommissioning(
    *,
    contract: Contract,
    priority_area: PriorityArea,
    lead_commissioner: AbstractBaseUser,
) -> CommissioningActivity:
    """Start a new activity, at Analyse, to re-commission a contract that is ending."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.status == Contract.Status.DECOMMISSIONED:
        raise ValidationError(
            f"{contract.reference} is decommissioned: there is no service left to re-commission.",
            code="decommissioned",
        )
    existing = contract.recommissioning_activities.exclude(
        status=CommissioningActivity.Status.CLOSED
    ).first()
    if existing is not None:
        raise ValidationError(
            f"“{existing.title}” already re-commissions this contract.", code="exists"
        )
    organisations = [contract.lead_organisation, *contract.co_commissioners.all()]
    return activity_create(
        data={
            "title": f"Re-commission: {contract.title}",
            "description": (
                f"Re-commissioning of {contract.reference} with {contract.provider}, which ends "
                f"on {contract.end_date:%-d %B %Y}."
            ),
            "priority_area": priority_area,
            "lead_commissioner": lead_commissioner,
            "budget": contract.annual_value,
        },
        organisations=organisations,
        recommissions=contract,
    )


@transaction.atomic
def contracts_mark_decommissioned(*, contracts: QuerySet[Contract]) -> int:
    """Mark contracts decommissioned (an administrators' bulk action); return how many changed."""
    changed = 0
    # Lock by primary key: the admin's queryset may be ordered, joined or distinct, which
    # PostgreSQL does not allow with FOR UPDATE.
    pks = list(contracts.values_list("pk", flat=True))
    locked = Contract.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    for contract in locked.exclude(status=Contract.Status.DECOMMISSIONED):
        contract.status = Contract.Status.DECOMMISSIONED
        # A new version: an edit or decision open on the site meanwhile is refused as stale.
        contract.version += 1
        contract.full_clean()
        contract.save(update_fields=["status", "version", "updated_at"])
        changed += 1
    return changed


# Partners' shares of contracts and activities


@transaction.atomic
def contribution_add(
    *,
    data: dict[str, Any],
    contract: Contract | None = None,
    activity: CommissioningActivity | None = None,
    is_sample: bool = False,
) -> Contribution:
    """Record a partner's yearly share of a contract or (exclusively) of an activity."""
    contribution = Contribution(
        contract=contract,
        activity=activity,
        is_sample=is_sample,
        **_only(data, CONTRIBUTION_FIELDS, "a contribution"),
    )
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def contribution_update(
    *, contribution: Contribution, data: dict[str, Any], expected_version: int
) -> Contribution:
    """Change a share, refusing (EditConflict) a save based on a stale copy."""
    current = locked_for_edit(Contribution, pk=contribution.pk, expected_version=expected_version)
    changes = _only(data, CONTRIBUTION_FIELDS, "a contribution")
    return save_edit(current, changes, also_update=["updated_at"])


@transaction.atomic
def contribution_remove(*, contribution: Contribution, expected_version: int) -> None:
    """Remove a share, unless it changed since the person removing it read it."""
    current = locked_for_edit(Contribution, pk=contribution.pk, expected_version=expected_version)
    current.delete()


# KPIs and performance assessments


@transaction.atomic
def kpi_add(*, contract: Contract, data: dict[str, Any], is_sample: bool = False):
    """Give a contract a KPI."""
    kpi = KeyPerformanceIndicator(
        contract=contract, is_sample=is_sample, **_only(data, KPI_FIELDS, "a KPI")
    )
    kpi.full_clean()
    kpi.save()
    return kpi


@transaction.atomic
def kpi_update(
    *, kpi: KeyPerformanceIndicator, data: dict[str, Any], expected_version: int
) -> KeyPerformanceIndicator:
    """Change a KPI's definition, refusing (EditConflict) a save based on a stale copy."""
    current = locked_for_edit(KeyPerformanceIndicator, pk=kpi.pk, expected_version=expected_version)
    return save_edit(current, _only(data, KPI_FIELDS, "a KPI"))


@transaction.atomic
def kpi_value_add(
    *,
    kpi: KeyPerformanceIndicator,
    data: dict[str, Any],
    recorded_by: AbstractBaseUser,
    is_sample: bool = False,
) -> KpiValue:
    """Record a KPI's value for a period (one value per period)."""
    value = KpiValue(
        kpi=kpi,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
        is_sample=is_sample,
        **_only(data, KPI_VALUE_FIELDS, "a KPI value"),
    )
    value.full_clean()
    value.save()
    return value


@transaction.atomic
def performance_assessment_add(
    *,
    contract: Contract,
    data: dict[str, Any],
    assessed_by: AbstractBaseUser,
    is_sample: bool = False,
) -> PerformanceAssessment:
    """Record a contract performance assessment."""
    assessment = PerformanceAssessment(
        contract=contract,
        assessed_by=assessed_by,
        is_sample=is_sample,
        **_only(data, ASSESSMENT_FIELDS, "a performance assessment"),
    )
    assessment.full_clean()
    assessment.save()
    return assessment


# Contracts, their reviews' decisions and decommissioning plans (imported last: they use
# activity_create above).
from commissioning.services.contracts import (  # noqa: E402
    CONTRACT_EDITABLE_FIELDS,
    CONTRACT_REVIEW_FIELDS,
    DECISION_DETAILS,
    EXTEND_NEXT_OPTION,
    EXTEND_TO_DATE,
    PLAN_EDITABLE_FIELDS,
    contract_create,
    contract_review_decide,
    contract_update,
    decision_refusal,
    decommissioning_plan_complete,
    decommissioning_plan_update,
    share_with,
)

__all__ = [
    "ACTIVITY_EDITABLE_FIELDS",
    "ASSESSMENT_FIELDS",
    "CONTRIBUTION_FIELDS",
    "KPI_FIELDS",
    "KPI_VALUE_FIELDS",
    "CONTRACT_EDITABLE_FIELDS",
    "CONTRACT_REVIEW_FIELDS",
    "DECISION_DETAILS",
    "EXTEND_NEXT_OPTION",
    "EXTEND_TO_DATE",
    "MoveRefused",
    "NEEDS_ASSESSMENT_FIELDS",
    "PLAN_EDITABLE_FIELDS",
    "activity_create",
    "share_with",
    "activity_move_to_stage",
    "activity_update",
    "contract_create",
    "contract_review_add",
    "contract_review_decide",
    "contract_start_recommissioning",
    "contract_update",
    "contracts_mark_decommissioned",
    "contribution_add",
    "contribution_remove",
    "contribution_update",
    "decision_refusal",
    "decommissioning_plan_complete",
    "decommissioning_plan_update",
    "kpi_add",
    "kpi_update",
    "kpi_value_add",
    "needs_assessment_add",
    "performance_assessment_add",
]
