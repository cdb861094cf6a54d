"""Reads of the commissioning app, each with the joins and prefetches that fix its query count."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    Contribution,
    DecommissioningPlan,
    ExtensionOption,
    FundingAgreement,
    KeyPerformanceIndicator,
    KpiValue,
    PerformanceAssessment,
    ProcurementLeadTime,
    Provider,
    StageMove,
)
from commissioning.models.contracts import add_months
from commissioning.models.performance import (
    ASSESSMENT_EVERY_MONTHS,
    KPI_VALUE_THRESHOLD,
    KPIS_REQUIRED,
)
from commissioning.models.planning import DEFAULT_LEAD_MONTHS
from core.choices import Stage
from core.partnerships import scope

# The pipeline's horizons, in months; a contract sits in the first one it ends within.
PIPELINE_HORIZONS = (3, 6, 12, 18)


def visible_activities(user) -> QuerySet[CommissioningActivity]:
    """The activities `user` sees: their partnership's, and those shared with it."""
    return scope(CommissioningActivity.objects.all(), user)


def visible_contracts(user) -> QuerySet[Contract]:
    """The contracts `user` sees: their partnership's, and those shared with it."""
    return scope(Contract.objects.all(), user)


def visible_contributions(user) -> QuerySet[Contribution]:
    """The shares of the contracts and activities `user` sees."""
    return Contribution.objects.filter(
        Q(contract__in=visible_contracts(user).values("pk"))
        | Q(activity__in=visible_activities(user).values("pk"))
    )


def activity_board(user) -> QuerySet[CommissioningActivity]:
    """Activities with what a card shows: priority, framework, lead, partners."""
    return (
        visible_activities(user)
        .select_related(
            "priority_area__framework__partnership",
            "lead_commissioner",
            "recommissions",
            "partnership",
        )
        .prefetch_related("commissioning_organisations", "shared_with")
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


def activity_detail(user) -> QuerySet[CommissioningActivity]:
    """An activity with its timeline, evidence, contracts and their reviews."""
    return (
        visible_activities(user)
        .select_related(
            "priority_area__framework__partnership",
            "lead_commissioner",
            "recommissions__provider",
            "partnership",
        )
        .prefetch_related(
            "priority_area__lead_commissioners",
            "shared_with",
            "commissioning_organisations",
            "needs_assessments",
            Prefetch("stage_moves", queryset=StageMove.objects.select_related("moved_by")),
            Prefetch(
                "contracts",
                queryset=Contract.objects.select_related("provider", "service").prefetch_related(
                    "reviews"
                ),
            ),
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("organisation", "agreement"),
            ),
        )
    )


def activity_for_edit(user) -> QuerySet[CommissioningActivity]:
    """An activity with what the permission check reads."""
    return (
        visible_activities(user)
        .select_related("priority_area", "lead_commissioner", "partnership")
        .prefetch_related(
            "priority_area__lead_commissioners", "commissioning_organisations", "shared_with"
        )
    )


def contract_for_edit(user) -> QuerySet[Contract]:
    """A contract with what can_edit_contract reads."""
    return (
        visible_contracts(user)
        .select_related("priority_area", "partnership")
        .prefetch_related("priority_area__lead_commissioners")
    )


def contribution_for_edit(user) -> QuerySet[Contribution]:
    """A share with its contract or activity and what the permission check reads."""
    return (
        visible_contributions(user)
        .select_related(
            "organisation",
            "agreement",
            "contract__priority_area",
            "activity__priority_area",
        )
        .prefetch_related(
            "contract__priority_area__lead_commissioners",
            "activity__priority_area__lead_commissioners",
        )
    )


def _recommissioning_exists() -> Exists:
    return Exists(
        CommissioningActivity.objects.filter(recommissions=OuterRef("pk")).exclude(
            status=CommissioningActivity.Status.CLOSED
        )
    )


MONEY = DecimalField(max_digits=14, decimal_places=2)


def _per_contract(queryset: QuerySet, aggregate, output_field) -> Subquery:
    """One aggregate of a contract's related rows, as a subquery (no join to multiply rows)."""
    return Subquery(
        queryset.filter(contract=OuterRef("pk"))
        .order_by()
        .values("contract")
        .annotate(result=aggregate)
        .values("result"),
        output_field=output_field,
    )


def _assessment_due_q(today: datetime.date) -> Q:
    """In force, running for 12 months or more, and not assessed in the last 12 months."""
    since = add_months(today, -ASSESSMENT_EVERY_MONTHS)
    recent = PerformanceAssessment.objects.filter(contract=OuterRef("pk"), date__gt=since)
    return Q(status__in=Contract.IN_FORCE_STATUSES, start_date__lte=since) & ~Exists(recent)


def contracts_due_assessment(
    contracts: QuerySet[Contract] | None = None, today: datetime.date | None = None
) -> QuerySet[Contract]:
    """Contracts in force with no performance assessment in the last 12 months (and that have
    run that long), longest overdue first; `last_assessed` is annotated."""
    today = today or timezone.localdate()
    contracts = Contract.objects.all() if contracts is None else contracts
    return (
        contracts.filter(_assessment_due_q(today))
        .annotate(
            last_assessed=_per_contract(PerformanceAssessment.objects, Max("date"), DateField())
        )
        .select_related("provider", "owner")
        .order_by(Coalesce("last_assessed", "start_date"), "reference")
    )


def assessment_due_on(contract: Contract, last_assessed: datetime.date | None) -> datetime.date:
    """When a contract's next assessment is due: 12 months after the last, or after its start."""
    return add_months(last_assessed or contract.start_date, ASSESSMENT_EVERY_MONTHS)


def with_shares_and_performance(
    contracts: QuerySet[Contract], today: datetime.date | None = None
) -> QuerySet[Contract]:
    """Annotate each contract with its partners' shares (`shares_count`, `shares_total`,
    `shares_difference`: annual value less the shares), its `kpi_count`, the date it was
    `last_assessed`, and whether it is `assessment_due` (see contracts_due_assessment) and
    `needs_more_kpis` (over £5m total value with fewer than three KPIs)."""
    today = today or timezone.localdate()
    shares_total = Coalesce(
        _per_contract(Contribution.objects, Sum("annual_amount"), MONEY), Value(Decimal("0"))
    )
    kpi_count = Coalesce(
        _per_contract(KeyPerformanceIndicator.objects, Count("pk"), IntegerField()), Value(0)
    )
    return contracts.annotate(
        shares_count=Coalesce(
            _per_contract(Contribution.objects, Count("pk"), IntegerField()), Value(0)
        ),
        shares_total=shares_total,
        shares_difference=ExpressionWrapper(F("annual_value") - shares_total, output_field=MONEY),
        kpi_count=kpi_count,
        last_assessed=_per_contract(PerformanceAssessment.objects, Max("date"), DateField()),
        assessment_due=Case(
            When(_assessment_due_q(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    ).annotate(
        needs_more_kpis=Case(
            When(
                Q(total_value__gt=KPI_VALUE_THRESHOLD) & Q(kpi_count__lt=KPIS_REQUIRED),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def contract_register(user) -> QuerySet[Contract]:
    """Contracts `user` sees, with what a register row shows."""
    return _register(visible_contracts(user))


def _register(contracts: QuerySet[Contract]) -> QuerySet[Contract]:
    return with_shares_and_performance(
        contracts.select_related(
            "service__partnership",
            "provider",
            "lead_organisation",
            "activity",
            "owner",
            "partnership",
        )
        .prefetch_related("co_commissioners", "extension_options", "shared_with")
        .annotate(
            has_recommissioning=_recommissioning_exists(),
            has_decommissioning_plan=Exists(
                DecommissioningPlan.objects.filter(contract=OuterRef("pk"))
            ),
        )
    )


def partner_totals(contracts: QuerySet[Contract]) -> list[dict]:
    """Each partner's yearly shares of these contracts, pooled and aligned: one query."""
    rows = (
        Contribution.objects.filter(contract__in=contracts.order_by().values("pk"))
        .values("organisation", "organisation__name", "organisation__short_name")
        .annotate(
            pooled=Coalesce(
                Sum("annual_amount", filter=Q(arrangement=Contribution.Arrangement.POOLED)),
                Value(Decimal("0")),
                output_field=MONEY,
            ),
            aligned=Coalesce(
                Sum("annual_amount", filter=Q(arrangement=Contribution.Arrangement.ALIGNED)),
                Value(Decimal("0")),
                output_field=MONEY,
            ),
            total=Sum("annual_amount"),
            contracts=Count("contract", distinct=True),
        )
        .order_by("-total", "organisation__name")
    )
    return list(rows)


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


def contract_detail(user) -> QuerySet[Contract]:
    """A contract with its reviews, options, variations, decommissioning plan, any activity
    re-commissioning it, its partners' shares, its KPIs with their values and its performance
    assessments."""
    return with_shares_and_performance(
        visible_contracts(user)
        .select_related(
            "service__partnership",
            "provider",
            "lead_organisation",
            "partnership",
            "activity__priority_area",
            "priority_area__framework",
            "owner",
            "decommissioning_plan__activity",
        )
        .prefetch_related(
            "co_commissioners",
            "shared_with",
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
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("organisation", "agreement"),
            ),
            Prefetch(
                "kpis",
                queryset=KeyPerformanceIndicator.objects.prefetch_related(
                    Prefetch("values", queryset=KpiValue.objects.select_related("recorded_by"))
                ),
            ),
            Prefetch(
                "assessments", queryset=PerformanceAssessment.objects.select_related("assessed_by")
            ),
        )
    )


def lead_times() -> dict[str, int]:
    """Months each procurement route takes (ProcurementLeadTime, else the defaults): one query."""
    months = {route: int(default) for route, default in DEFAULT_LEAD_MONTHS.items()}
    months.update(ProcurementLeadTime.objects.values_list("route", "months"))
    return months


def decision_needed_by(
    contract: Contract, lead_months: dict[str, int] | None = None
) -> datetime.date:
    """The last day to decide a contract's future and still give notice and procure in time:
    its end date, less its notice period, less its route's procurement lead time.

    Pass `lead_months` (from lead_times()) when asking about many contracts.
    """
    lead_months = lead_times() if lead_months is None else lead_months
    lead = lead_months.get(contract.procurement_route, 0)
    return add_months(contract.end_date, -(contract.notice_period_months + lead))


@dataclass
class PipelineBand:
    months: int | None
    after_months: int
    contracts: list[Contract] = field(default_factory=list)

    @property
    def annual_value(self) -> Decimal:
        return sum((c.annual_value for c in self.contracts), Decimal("0"))

    @property
    def without_recommissioning(self) -> int:
        return sum(1 for c in self.contracts if not c.has_recommissioning)

    @property
    def label(self) -> str:
        if self.months is None:
            return f"Ending in more than {self.after_months} months"
        if self.after_months:
            return f"Ending in {self.after_months} to {self.months} months"
        return f"Ending within {self.months} months"


@dataclass
class PipelineEntry:
    """A contract in the pipeline with the date its decision is needed by."""

    contract: Contract
    decision_by: datetime.date
    lead_months: int
    band: PipelineBand
    today: datetime.date

    @property
    def overdue(self) -> bool:
        return self.decision_by < self.today

    @property
    def days_to_decision(self) -> int:
        return (self.decision_by - self.today).days

    @property
    def days_overdue(self) -> int:
        return -self.days_to_decision


@dataclass
class Pipeline:
    entries: list[PipelineEntry]
    bands: list[PipelineBand]

    @property
    def overdue(self) -> list[PipelineEntry]:
        return [entry for entry in self.entries if entry.overdue]


def pipeline_contracts(user) -> QuerySet[Contract]:
    """Contracts in force that `user` sees, with what a pipeline row shows (filter them, then
    `pipeline`)."""
    return contract_register(user).in_force()


def pipeline(
    contracts: QuerySet[Contract] | None = None, today: datetime.date | None = None
) -> Pipeline:
    """Contracts in force that end within 18 months, or whose decision is needed within 18
    months, each with its decision-needed-by date, soonest (so overdue) first; and the bands
    of 3, 6, 12 and 18 months (and later) they end in. A constant number of queries."""
    today = today or timezone.localdate()
    # Every partnership's (the reminders ask for all, and say each to its own people).
    contracts = _register(Contract.objects.all()).in_force() if contracts is None else contracts
    months = lead_times()
    horizon = add_months(today, PIPELINE_HORIZONS[-1])
    longest_notice = contracts.order_by().aggregate(n=Max("notice_period_months"))["n"] or 0
    # Enough to hold every contract whose decision falls within the horizon; the exact test
    # is below, on each contract's own notice period and lead time.
    reach = PIPELINE_HORIZONS[-1] + max(months.values(), default=0) + longest_notice + 1
    candidates = contracts.filter(
        end_date__gte=today, end_date__lte=add_months(today, reach)
    ).order_by("end_date", "reference")
    bands, previous = [], 0
    for limit in PIPELINE_HORIZONS:
        bands.append(PipelineBand(months=limit, after_months=previous))
        previous = limit
    later = PipelineBand(months=None, after_months=previous)
    limits = [(add_months(today, band.months), band) for band in bands]
    entries = []
    for contract in candidates:
        decision_by = decision_needed_by(contract, months)
        if contract.end_date > horizon and decision_by > horizon:
            continue
        band = next((b for limit, b in limits if contract.end_date <= limit), later)
        band.contracts.append(contract)
        entries.append(
            PipelineEntry(
                contract=contract,
                decision_by=decision_by,
                lead_months=months.get(contract.procurement_route, 0),
                band=band,
                today=today,
            )
        )
    entries.sort(key=lambda e: (e.decision_by, e.contract.end_date, e.contract.reference))
    return Pipeline(entries=entries, bands=[*bands, later])


def expiry_pipeline(today: datetime.date | None = None) -> list[PipelineBand]:
    """Contracts in force ending within 3, 6, 12 and 18 months, each in its nearest band."""
    return [band for band in pipeline(today=today).bands if band.months is not None]


def decommissioning_plan_detail(user) -> QuerySet[DecommissioningPlan]:
    """A plan with its contract (and who keeps it), activity, decision and consultations."""
    plans = DecommissioningPlan.objects.filter(contract__in=visible_contracts(user).values("pk"))
    return plans.select_related(
        "contract__provider", "contract__priority_area", "activity", "review"
    ).prefetch_related(
        "contract__priority_area__lead_commissioners",
        "consultations__record__groups",
    )


def provider_directory(user) -> QuerySet[Provider]:
    """Providers (every partnership's directory) with the contracts in force `user` sees counted
    and their annual value summed."""
    in_force = Q(
        contracts__status__in=Contract.IN_FORCE_STATUSES,
        contracts__in=visible_contracts(user).values("pk"),
    )
    return Provider.objects.annotate(
        contracts_in_force=Count("contracts", filter=in_force),
        annual_value_in_force=Sum("contracts__annual_value", filter=in_force),
    ).order_by("name")


def provider_detail(user) -> QuerySet[Provider]:
    """A provider with the contracts `user` sees, newest ending last."""
    return Provider.objects.prefetch_related(
        Prefetch(
            "contracts",
            queryset=visible_contracts(user)
            .select_related("service", "lead_organisation", "partnership")
            .prefetch_related("extension_options", "shared_with")
            .order_by("-end_date", "reference"),
        )
    )


def provider_partner_totals(providers, user) -> dict[int, list[dict]]:
    """For each of these providers, each partner's yearly shares of its contracts in force that
    `user` sees."""
    rows = (
        Contribution.objects.filter(
            contract__in=visible_contracts(user).values("pk"),
            contract__provider__in=providers,
            contract__status__in=Contract.IN_FORCE_STATUSES,
        )
        .values("contract__provider", "organisation__short_name")
        .annotate(total=Sum("annual_amount"))
        .order_by("contract__provider", "-total", "organisation__short_name")
    )
    totals: dict[int, list[dict]] = {}
    for row in rows:
        totals.setdefault(row["contract__provider"], []).append(row)
    return totals


def in_force_contracts_of(providers: QuerySet[Provider], user) -> QuerySet[Contract]:
    return visible_contracts(user).in_force().filter(provider__in=providers.order_by().values("pk"))


# The partnership's money, by partner and financial year


@dataclass(frozen=True)
class FinancialYear:
    """An April to March year, named by the year it starts in: 2026 is 2026/27."""

    starts: int

    @classmethod
    def of(cls, day: datetime.date) -> "FinancialYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start_date(self) -> datetime.date:
        return datetime.date(self.starts, 4, 1)

    @property
    def end_date(self) -> datetime.date:
        return datetime.date(self.starts + 1, 3, 31)

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    def __str__(self) -> str:
        return f"{self.starts}/{(self.starts + 1) % 100:02d}"


PENNY = Decimal("0.01")


def share_in_year(
    annual: Decimal, start: datetime.date, end: datetime.date, year: FinancialYear
) -> Decimal:
    """A yearly amount counted in one financial year: in proportion to the days of that year
    between `start` and `end` (both included)."""
    first, last = max(start, year.start_date), min(end, year.end_date)
    if last < first:
        return Decimal("0")
    return (annual * ((last - first).days + 1) / year.days).quantize(PENNY)


@dataclass
class PartnerCommitment:
    organisation_id: int
    name: str
    short_name: str
    by_year: dict[FinancialYear, dict[str, Decimal]]
    activities: Decimal = Decimal("0")

    def year(self, year: FinancialYear) -> dict[str, Decimal]:
        return self.by_year[year]


def partner_commitments(
    *,
    user,
    today: datetime.date | None = None,
    years_before: int = 1,
    years_after: int = 3,
) -> dict:
    """Each partner's shares per financial year, pooled and aligned: a contract's share counts
    in the years the contract runs, in proportion to the part of each year it runs;
    decommissioned contracts count nothing. Activities' shares (which have no dates) are the
    yearly shares of activities not closed. Only the contracts and activities `user` sees (their
    partnership's, and those shared with it). Two queries."""
    today = today or timezone.localdate()
    current = FinancialYear.of(today)
    years = [
        FinancialYear(current.starts + offset) for offset in range(-years_before, years_after + 1)
    ]
    shares = visible_contributions(user)
    contract_shares = (
        shares.filter(
            contract__isnull=False,
            contract__start_date__lte=years[-1].end_date,
            contract__end_date__gte=years[0].start_date,
        )
        .exclude(contract__status=Contract.Status.DECOMMISSIONED)
        .select_related("organisation", "contract")
    )
    activity_shares = (
        shares.filter(activity__isnull=False)
        .exclude(activity__status=CommissioningActivity.Status.CLOSED)
        .select_related("organisation")
    )
    partners: dict[int, PartnerCommitment] = {}

    def partner(share: Contribution) -> PartnerCommitment:
        organisation = share.organisation
        if organisation.pk not in partners:
            partners[organisation.pk] = PartnerCommitment(
                organisation_id=organisation.pk,
                name=organisation.name,
                short_name=organisation.short_name,
                by_year={
                    year: {"pooled": Decimal("0"), "aligned": Decimal("0"), "total": Decimal("0")}
                    for year in years
                },
            )
        return partners[organisation.pk]

    totals = {
        year: {"pooled": Decimal("0"), "aligned": Decimal("0"), "total": Decimal("0")}
        for year in years
    }
    for share in contract_shares:
        row = partner(share)
        for year in years:
            amount = share_in_year(
                share.annual_amount, share.contract.start_date, share.contract.end_date, year
            )
            for cell in (row.by_year[year], totals[year]):
                cell[share.arrangement] += amount
                cell["total"] += amount
    activities_total = Decimal("0")
    for share in activity_shares:
        partner(share).activities += share.annual_amount
        activities_total += share.annual_amount
    return {
        "years": years,
        "current": current,
        "partners": sorted(partners.values(), key=lambda p: p.name),
        "totals": totals,
        "activities_total": activities_total,
    }


def funding_agreements(user) -> QuerySet[FundingAgreement]:
    """`user`'s partnership's funding agreements with their parties, and how many shares sit
    under each."""
    return (
        scope(FundingAgreement.objects.all(), user)
        .prefetch_related("parties")
        .annotate(shares=Count("contributions"))
        .order_by("-start_date", "reference")
    )
