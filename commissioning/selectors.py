"""Reads of the commissioning app, each with the joins and prefetches that fix its query count."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    DecommissioningPlan,
    ExtensionOption,
    Provider,
    StageMove,
)
from commissioning.models.contracts import add_months
from core.choices import Stage

# The pipeline's horizons, in months; a contract sits in the first one it ends within.
PIPELINE_HORIZONS = (3, 6, 12, 18)


def activity_board() -> QuerySet[CommissioningActivity]:
    """Activities with what a card shows: priority, framework, lead, partners."""
    return (
        CommissioningActivity.objects.select_related(
            "priority_area__framework", "lead_commissioner", "recommissions"
        )
        .prefetch_related("commissioning_organisations")
        .order_by("stage_entered_at", "pk")
    )


# A column shows the activities longest in its stage; the rest are a "show all" link away.
CARDS_PER_COLUMN = 10


@dataclass
class BoardColumn:
    stage: Stage
    total: int = 0
    activities: list[CommissioningActivity] = field(default_factory=list)

    @property
    def hidden_count(self) -> int:
        return self.total - len(self.activities)


def board_columns(
    activities: QuerySet[CommissioningActivity], per_column: int = CARDS_PER_COLUMN
) -> list[BoardColumn]:
    """One column per stage, in the cycle's order, each with how many activities it holds and
    the first `per_column` of them (longest in the stage first): two queries and a prefetch,
    however many activities there are."""
    columns = {stage: BoardColumn(stage=stage) for stage in Stage}
    for row in activities.order_by().values("stage").annotate(total=Count("pk")):
        columns[Stage(row["stage"])].total = row["total"]
    first_of_each_stage = activities.annotate(
        place=Window(
            RowNumber(), partition_by=F("stage"), order_by=[F("stage_entered_at"), F("pk")]
        )
    ).filter(place__lte=per_column)
    for activity in first_of_each_stage:
        columns[Stage(activity.stage)].activities.append(activity)
    return list(columns.values())


def activity_detail() -> QuerySet[CommissioningActivity]:
    """An activity with its timeline, evidence, contracts and their reviews."""
    return CommissioningActivity.objects.select_related(
        "priority_area__framework", "lead_commissioner", "recommissions__provider"
    ).prefetch_related(
        "priority_area__lead_commissioners",
        "commissioning_organisations",
        "needs_assessments",
        Prefetch("stage_moves", queryset=StageMove.objects.select_related("moved_by")),
        Prefetch(
            "contracts",
            queryset=Contract.objects.select_related("provider", "service").prefetch_related(
                "reviews"
            ),
        ),
    )


def activity_for_edit() -> QuerySet[CommissioningActivity]:
    """An activity with what the permission check reads."""
    return CommissioningActivity.objects.select_related(
        "priority_area", "lead_commissioner"
    ).prefetch_related("priority_area__lead_commissioners", "commissioning_organisations")


def _recommissioning_exists() -> Exists:
    return Exists(
        CommissioningActivity.objects.filter(recommissions=OuterRef("pk")).exclude(
            status=CommissioningActivity.Status.CLOSED
        )
    )


def contract_register() -> QuerySet[Contract]:
    """Contracts with what a register row shows."""
    return (
        Contract.objects.select_related("service", "provider", "lead_organisation", "activity")
        .prefetch_related("co_commissioners", "extension_options")
        .annotate(has_recommissioning=_recommissioning_exists())
    )


def contract_totals(contracts: QuerySet[Contract]) -> dict[str, Decimal | int]:
    """The number of contracts and the sum of their annual and total values, in one query."""
    totals = contracts.order_by().aggregate(
        count=Count("pk"), annual=Sum("annual_value"), total=Sum("total_value")
    )
    return {
        "count": totals["count"],
        "annual": totals["annual"] or Decimal("0"),
        "total": totals["total"] or Decimal("0"),
    }


def contract_detail() -> QuerySet[Contract]:
    """A contract with its reviews and any activity re-commissioning it."""
    return Contract.objects.select_related(
        "service",
        "provider",
        "lead_organisation",
        "activity__priority_area",
        "priority_area__framework",
        "owner",
        "decommissioning_plan__activity",
    ).prefetch_related(
        "co_commissioners",
        "priority_area__lead_commissioners",
        Prefetch(
            "extension_options",
            queryset=ExtensionOption.objects.select_related("taken_by").order_by("order"),
        ),
        "variations",
        "activity__priority_area__lead_commissioners",
        "service__priority_areas__framework",
        Prefetch("reviews", queryset=ContractReview.objects.order_by("-date", "-pk")),
        Prefetch(
            "recommissioning_activities",
            queryset=CommissioningActivity.objects.select_related("priority_area"),
        ),
    )


@dataclass
class PipelineBand:
    months: int
    after_months: int
    contracts: list[Contract] = field(default_factory=list)

    @property
    def annual_value(self) -> Decimal:
        return sum((c.annual_value for c in self.contracts), Decimal("0"))

    @property
    def without_recommissioning(self) -> int:
        return sum(1 for c in self.contracts if not c.has_recommissioning)


def expiry_pipeline(today: datetime.date | None = None) -> list[PipelineBand]:
    """Contracts in force ending within 3, 6, 12 and 18 months, each in its nearest band."""
    today = today or timezone.localdate()
    contracts = (
        contract_register()
        .ending_within(PIPELINE_HORIZONS[-1], today=today)
        .order_by("end_date", "reference")
    )
    bands = []
    previous = 0
    for months in PIPELINE_HORIZONS:
        bands.append(PipelineBand(months=months, after_months=previous))
        previous = months
    limits = [(add_months(today, band.months), band) for band in bands]
    for contract in contracts:
        for limit, band in limits:
            if contract.end_date <= limit:
                band.contracts.append(contract)
                break
    return bands


def decommissioning_plan_detail() -> QuerySet[DecommissioningPlan]:
    """A plan with its contract (and who keeps it), activity, decision and consultations."""
    return DecommissioningPlan.objects.select_related(
        "contract__provider", "contract__priority_area", "activity", "review"
    ).prefetch_related(
        "contract__priority_area__lead_commissioners",
        "consultations__record__groups",
    )


def provider_directory() -> QuerySet[Provider]:
    """Providers with their contracts in force counted and their annual value summed."""
    in_force = Q(contracts__status__in=Contract.IN_FORCE_STATUSES)
    return Provider.objects.annotate(
        contracts_in_force=Count("contracts", filter=in_force),
        annual_value_in_force=Sum("contracts__annual_value", filter=in_force),
    ).order_by("name")


def provider_detail() -> QuerySet[Provider]:
    """A provider with its contracts, newest ending last."""
    return Provider.objects.prefetch_related(
        Prefetch(
            "contracts",
            queryset=Contract.objects.select_related("service", "lead_organisation")
            .prefetch_related("extension_options")
            .order_by("-end_date", "reference"),
        )
    )
