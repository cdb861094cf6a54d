"""Load the commissioning demo data (commissioning/demo/*.yaml). Safe to run again.

Called by `manage.py load_demo` after the demo users, governance and priorities. Activities are
played through the cycle by the same services the pages use, so their moves and evidence obey
the transition table; their dates are then spread over the past months.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from commissioning import services
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    Contribution,
    ExtensionOption,
    FundingAgreement,
    Provider,
    Service,
    StageMove,
)
from core.choices import Stage
from core.demo_partnerships import demo_partnership
from core.seed_files import read_seed
from governance.demo import organisation_from_seeds
from governance.models import Organisation
from priorities.models import PriorityArea

CYCLE_ORDER = list(Stage)


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load() -> int:
    """Create what is missing; return how many rows were created."""
    with transaction.atomic():
        loader = _Loader()
        loader.services()
        loader.providers()
        activities = loader.activities()
        loader.contracts()
        for data, activity in activities:
            loader.play(data, activity)
        loader.decisions()
        loader.funding_agreements()
        loader.shares()
        loader.performance()
        return loader.created


class _Loader:
    def __init__(self) -> None:
        self.created = 0
        self.today = timezone.localdate()
        self.users = get_user_model().objects
        # Sample evidence added as activities go round the cycle.
        self.evidence = read_seed("commissioning", "sample_evidence")

    def organisation(self, short_name: str) -> Organisation:
        organisation, created = organisation_from_seeds(short_name)
        self.created += int(created)
        return organisation

    def services(self) -> None:
        areas = {
            (area.framework.partnership.short_name, area.title): area
            for area in PriorityArea.objects.select_related("framework__partnership")
        }
        for partnership, rows in read_seed("commissioning", "services").items():
            for row in rows:
                service, created = Service.objects.get_or_create(
                    partnership=demo_partnership(partnership),
                    client_group=row["client_group"],
                    name=row["name"],
                )
                self.created += int(created)
                if created:
                    keys = [(partnership, title) for title in row["priorities"]]
                    service.priority_areas.set([areas[key] for key in keys if key in areas])

    def providers(self) -> None:
        seed = read_seed("commissioning", "providers")
        checked_on = self.today + datetime.timedelta(days=seed["safeguarding_checked_in_days"])
        for data in seed["providers"]:
            _, created = Provider.objects.get_or_create(
                name=data["name"],
                defaults={
                    "kind": data["kind"],
                    "ods_code": data.get("ods_code", ""),
                    "is_sme": data.get("is_sme"),
                    "charity_number": data.get("charity_number", ""),
                    "company_number": data.get("company_number", ""),
                    "address": data.get("address", ""),
                    "is_sample": data.get("is_sample", False),
                    "safeguarding_checked_on": checked_on,
                },
            )
            self.created += int(created)

    def lead_for(self, data: dict, area: PriorityArea):
        if data["lead_commissioner"]:
            return self.users.get(username=data["lead_commissioner"])
        leads = list(area.lead_commissioners.exclude(username="commissioner").order_by("pk"))
        return leads[0] if leads else self.users.get(username="commissioner")

    def activities(self) -> list[tuple[dict, CommissioningActivity]]:
        """Create the activities that are missing; return those created, to play through."""
        created = []
        for data in read_seed("commissioning", "activities")["activities"]:
            if CommissioningActivity.objects.filter(title=data["title"]).exists():
                continue
            partnership, title = data["partnership"], data["priority"]
            area = PriorityArea.objects.filter(
                framework__partnership__short_name=partnership, title=title
            ).first()
            if area is None:
                continue  # the priorities demo data is not loaded
            activity = services.activity_create(
                data={
                    "title": data["title"],
                    "description": data["description"],
                    "priority_area": area,
                    "lead_commissioner": self.lead_for(data, area),
                    "level": data["level"],
                    "footprint": data["footprint"],
                    "resourcing": data["resourcing"],
                    "budget": Decimal(str(data["budget"])),
                },
                organisations=[self.organisation(o) for o in data["organisations"]],
                is_sample=True,
            )
            activity.shared_with.set(
                [demo_partnership(name) for name in data.get("shared_with", [])]
            )
            self.created += 1
            created.append((data, activity))
        return created

    def contracts(self) -> None:
        for data in read_seed("commissioning", "contracts")["contracts"]:
            if Contract.objects.filter(reference=data["reference"]).exists():
                continue
            partnership, service_name = data["partnership"], data["service"]
            annual = Decimal(str(data["annual_value"]))
            service = Service.objects.filter(
                partnership__short_name=partnership, name=service_name
            ).first()
            activity = (
                CommissioningActivity.objects.filter(title=data["activity"]).first()
                if data.get("activity")
                else None
            )
            priority_area = activity.priority_area if activity else service.priority_areas.first()
            owner = (
                activity.lead_commissioner
                if activity
                else priority_area.lead_commissioners.order_by("pk").first()
                if priority_area
                else None
            )
            end_date = self.today + datetime.timedelta(days=data["end_in_days"])
            contract = Contract(
                reference=data["reference"],
                title=data["title"],
                service=service,
                provider=Provider.objects.get(name=data["provider"]),
                activity=activity,
                priority_area=priority_area,
                owner=owner,
                notice_period_months=data.get("notice_period_months", 3),
                form=data["form"],
                procurement_route=data["procurement_route"],
                lead_organisation=self.organisation(data["lead_organisation"]),
                department=data.get("department", ""),
                quotes_invited=data.get("quotes_invited", False),
                annual_value=annual,
                total_value=annual * data["years"],
                non_recoverable_vat=_money(data.get("non_recoverable_vat")),
                start_date=self.today + datetime.timedelta(days=data["start_in_days"]),
                initial_end_date=end_date,
                end_date=end_date,
                review_date=(
                    self.days(data["review_in_days"]) if "review_in_days" in data else None
                ),
                activity_cycle=activity.cycle_number if activity else None,
                status=data["status"],
                social_value_clause=data.get("social_value_clause", False),
                is_sample=True,
            )
            contract.take_partnership_from_parents()
            contract.full_clean()
            contract.save()
            contract.co_commissioners.set([self.organisation(o) for o in data["co_commissioners"]])
            for order, months in enumerate(data.get("options_months", []), start=1):
                ExtensionOption.objects.create(contract=contract, order=order, months=months)
            self.created += 1

    def days(self, offset: int) -> datetime.date:
        return self.today + datetime.timedelta(days=offset)

    def decisions(self) -> None:
        """Take the reviews' decisions that act on their contracts, once."""
        for data in read_seed("commissioning", "contracts").get("decisions", []):
            contract = Contract.objects.filter(reference=data["contract"]).first()
            if contract is None or contract.reviews.filter(decision=data["decision"]).exists():
                continue
            seed = data["review"]
            variation = data.get("variation", {})
            details = {
                "variation_agreed_by": variation.get("agreed_by", ""),
                "variation_reason": variation.get("reason", ""),
                "variation_scope": variation.get("scope", ""),
                "variation_annual_value": _money(variation.get("annual_value")),
                "variation_total_value": _money(variation.get("total_value")),
            }
            if "service_end_in_days" in data:
                details["service_end_date"] = self.days(data["service_end_in_days"])
            review = services.contract_review_add(
                contract=contract,
                data={
                    "date": self.days(seed["date_in_days"]),
                    "performance_rag": seed["performance_rag"],
                    "outcomes_achieved": seed["outcomes_achieved"],
                    "value_for_money": seed["value_for_money"],
                    "decision": data["decision"],
                    "decision_date": self.days(seed["decision_in_days"]),
                },
                details=details,
                is_sample=True,
            )
            self.created += 1
            if "plan" in data:
                self.plan(review, data["plan"])

    def plan(self, review: ContractReview, seed: dict) -> None:
        """Fill in part of the decommissioning plan the review started."""
        plan = review.opened_activity.decommissioning_plan
        fields = {k: v for k, v in seed.items() if not k.endswith("_in_days")}
        if "impact_assessed_in_days" in seed:
            fields["impact_assessed_on"] = self.days(seed["impact_assessed_in_days"])
        services.decommissioning_plan_update(plan=plan, data=fields, expected_version=plan.version)

    def move(self, activity: CommissioningActivity, to_stage: Stage, note: str) -> None:
        activity.refresh_from_db()
        services.activity_move_to_stage(
            activity=activity,
            to_stage=to_stage,
            moved_by=activity.lead_commissioner,
            expected_version=activity.version,
            note=note,
        )
        self.created += 1

    def play(self, data: dict, activity: CommissioningActivity) -> None:
        """Take a new activity round the cycle to where the demo wants it, evidence first."""
        cycles = data.get("cycles", 1)
        target = CYCLE_ORDER.index(Stage(data["reach"])) + 4 * (cycles - 1)
        for step in range(target + 1):
            stage = CYCLE_ORDER[step % 4]
            if step == target:
                if stage == Stage.ANALYSE and data.get("needs_assessment", True):
                    self.needs_assessment(activity)
                if stage == Stage.REVIEW and data.get("review_decided"):
                    self.review(activity, ContractReview.Decision.EXTEND)
                break
            self.evidence_for(activity, stage, earlier_cycle=step < 4 * (cycles - 1))
            note = self.evidence["move_note"].format(stage=stage.label)
            self.move(activity, CYCLE_ORDER[(step + 1) % 4], note=note)
        self.spread_dates(activity)
        if data.get("status"):
            CommissioningActivity.objects.filter(pk=activity.pk).update(status=data["status"])
        if cycles > 1:
            # Its second cycle re-commissions the contract its first cycle let.
            CommissioningActivity.objects.filter(pk=activity.pk).update(
                recommissions=activity.contracts.first()
            )

    def evidence_for(
        self, activity: CommissioningActivity, stage: Stage, *, earlier_cycle: bool = False
    ) -> None:
        activity.refresh_from_db()
        if stage == Stage.ANALYSE:
            self.needs_assessment(activity, earlier_cycle=earlier_cycle)
        elif stage == Stage.PLAN:
            CommissioningActivity.objects.filter(pk=activity.pk).update(
                specification_text=self.evidence["specification_text"],
                specification_cycle=activity.cycle_number,
            )
        elif stage == Stage.REVIEW:
            self.review(activity, ContractReview.Decision.RECOMMISSION)

    def needs_assessment(
        self, activity: CommissioningActivity, *, earlier_cycle: bool = False
    ) -> None:
        """The evidence of need of the activity's cycle: a later cycle's in words of its own,
        an earlier cycle's dated in that cycle, so no two of an activity's are alike."""
        seed = dict(self.evidence["needs_assessment"])
        activity.refresh_from_db(fields=["cycle_number"])
        if activity.cycle_number > 1:
            seed |= self.evidence["next_cycle_needs_assessment"]
        if earlier_cycle:
            seed["date_in_days"] = self.evidence["earlier_cycle_date_in_days"]
        services.needs_assessment_add(
            activity=activity,
            data={
                "title": seed["title"].format(activity=activity.title, cycle=activity.cycle_number),
                "date": self.today + datetime.timedelta(days=seed["date_in_days"]),
                "evidence_sources": seed["evidence_sources"],
                "population": seed["population"],
                "key_findings": seed["key_findings"],
            },
            is_sample=True,
        )
        self.created += 1

    def review(self, activity: CommissioningActivity, decision: str) -> None:
        contract = activity.contracts.first()
        if contract is None:
            return
        seed = self.evidence["contract_review"]
        services.contract_review_add(
            contract=contract,
            data={
                "date": self.today + datetime.timedelta(days=seed["date_in_days"]),
                "performance_rag": seed["performance_rag"],
                "outcomes_achieved": seed["outcomes_achieved"],
                "value_for_money": seed["value_for_money"],
                "decision": decision,
                "decision_date": self.today + datetime.timedelta(days=seed["decision_in_days"]),
            },
            is_sample=True,
        )
        self.created += 1

    def spread_dates(self, activity: CommissioningActivity) -> None:
        # Moves were made just now; set them a couple of months apart, oldest first.
        moves = list(StageMove.objects.filter(activity=activity).order_by("pk"))
        now = timezone.now()
        for age, move in enumerate(reversed(moves)):
            move.moved_at = now - datetime.timedelta(days=1 + 60 * age)
            move.save(update_fields=["moved_at"])
        entered = moves[-1].moved_at if moves else now - datetime.timedelta(days=20)
        CommissioningActivity.objects.filter(pk=activity.pk).update(stage_entered_at=entered)

    # Pooled and aligned budgets (budgets.yaml)

    def funding_agreements(self) -> None:
        for data in read_seed("commissioning", "budgets")["funding_agreements"]:
            agreement, created = FundingAgreement.objects.get_or_create(
                reference=data["reference"],
                defaults={
                    "partnership": demo_partnership(data["partnership"]),
                    "kind": data["kind"],
                    "title": data["title"],
                    "description": data["description"],
                    "start_date": self.days(data["start_in_days"]),
                    "end_date": self.days(data["end_in_days"]),
                    "is_sample": True,
                },
            )
            if created:
                agreement.parties.set([self.organisation(o) for o in data["parties"]])
                self.created += 1

    def shares(self) -> None:
        seed = read_seed("commissioning", "budgets")
        agreements = {a.reference: a for a in FundingAgreement.objects.all()}
        funded = [
            ({"contract": Contract.objects.filter(reference=row["contract"]).first()}, row)
            for row in seed["contract_shares"]
        ] + [
            ({"activity": CommissioningActivity.objects.filter(title=row["activity"]).first()}, row)
            for row in seed["activity_shares"]
        ]
        for target, row in funded:
            if None in target.values():
                continue  # its contract or activity is not in this database
            for share in row["shares"]:
                organisation = self.organisation(share["organisation"])
                if Contribution.objects.filter(**target, organisation=organisation).exists():
                    continue
                services.contribution_add(
                    **target,
                    data={
                        "organisation": organisation,
                        "annual_amount": Decimal(str(share["annual_amount"])),
                        "arrangement": share["arrangement"],
                        "agreement": agreements.get(share.get("agreement")),
                        "note": share.get("note", ""),
                    },
                    is_sample=True,
                )
                self.created += 1

    # KPIs and performance assessments (performance.yaml)

    def recorder(self, contract: Contract):
        return contract.owner or self.users.get(username="commissioner")

    def performance(self) -> None:
        seed = read_seed("commissioning", "performance")
        contracts = {c.reference: c for c in Contract.objects.select_related("owner")}
        for data in seed["kpis"]:
            contract = contracts.get(data["contract"])
            if contract is None or contract.kpis.filter(name=data["name"]).exists():
                continue
            kpi = services.kpi_add(
                contract=contract,
                data={
                    "name": data["name"],
                    "target": Decimal(str(data["target"])),
                    "unit": data["unit"],
                    "polarity": data["polarity"],
                    "frequency": data["frequency"],
                },
                is_sample=True,
            )
            self.created += 1
            for offset, value in data["values"]:
                services.kpi_value_add(
                    kpi=kpi,
                    data={
                        "period_end": self.days(offset),
                        "value": Decimal(str(value)),
                        "note": data.get("note", "") if offset == data["values"][-1][0] else "",
                    },
                    recorded_by=self.recorder(contract),
                    is_sample=True,
                )
                self.created += 1
        for data in seed["assessments"]:
            contract = contracts.get(data["contract"])
            if contract is None or contract.assessments.exists():
                continue
            services.performance_assessment_add(
                contract=contract,
                data={
                    "date": self.days(data["date_in_days"]),
                    "rating": data["rating"],
                    "summary": data["summary"],
                },
                assessed_by=self.recorder(contract),
                is_sample=True,
            )
            self.created += 1
