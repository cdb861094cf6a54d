"""Factories for the commissioning models; organisations and priority areas come from their apps."""

import datetime
from decimal import Decimal

import factory
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
    NeedsAssessment,
    PerformanceAssessment,
    Provider,
    Service,
)
from core.tests.factories import CommissionerFactory, default_partnership
from governance.tests.factories import OrganisationFactory
from priorities.models import RAG
from priorities.tests.factories import PriorityAreaFactory

# Re-exported so that commissioning tests take every factory from here.
__all__ = [
    "ActivityFactory",
    "ContractFactory",
    "ContractReviewFactory",
    "DecommissioningPlanFactory",
    "ExtensionOptionFactory",
    "ContributionFactory",
    "FundingAgreementFactory",
    "KpiFactory",
    "KpiValueFactory",
    "NeedsAssessmentFactory",
    "OrganisationFactory",
    "PerformanceAssessmentFactory",
    "PriorityAreaFactory",
    "ProviderFactory",
    "ServiceFactory",
]


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Cheshire Youth Support Trust {n}")
    kind = Provider.Kind.VCFS
    charity_number = factory.Sequence(lambda n: f"{1100000 + n}")
    safeguarding_checked_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=120)
    )


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Support to Young Carers {n}")
    partnership = factory.LazyFunction(default_partnership)
    client_group = Service.ClientGroup.CHILDREN_YOUNG_PEOPLE


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommissioningActivity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Targeted emotional wellbeing service {n}")
    description = "Early support for children who do not meet the CAMHS threshold."
    priority_area = factory.SubFactory(PriorityAreaFactory)
    partnership = factory.LazyAttribute(lambda o: o.priority_area.framework.partnership)
    lead_commissioner = factory.SubFactory(CommissionerFactory)
    budget = Decimal("250000.00")
    cycle_number = 1
    specification_text = ""
    specification_url = ""
    # Written in the activity's current cycle, as the services record it.
    specification_cycle = factory.LazyAttribute(
        lambda o: o.cycle_number if (o.specification_text or o.specification_url) else None
    )

    @factory.post_generation
    def commissioning_organisations(self, create, extracted, **kwargs):
        if create:
            self.commissioning_organisations.add(*(extracted or [OrganisationFactory()]))


class NeedsAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NeedsAssessment

    activity = factory.SubFactory(ActivityFactory)
    cycle_number = factory.LazyAttribute(lambda na: na.activity.cycle_number)
    title = "Emotional health needs of 5-19 year olds"
    evidence_sources = "JSNA 2017; CAMHS referral data"
    population = "31,104 children and young people aged 19 and under"
    key_findings = "Referrals to specialist CAMHS rose by a fifth in two years."


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"HBC-CYP-{n:04d}")
    title = factory.Sequence(lambda n: f"Young carers support {n}")
    service = factory.SubFactory(ServiceFactory)
    provider = factory.SubFactory(ProviderFactory)
    activity = None
    # Managed under the priority of the activity that let it, as the demo's contracts are.
    priority_area = factory.LazyAttribute(
        lambda o: o.activity.priority_area if o.activity else None
    )
    owner = factory.LazyAttribute(lambda o: o.activity.lead_commissioner if o.activity else None)
    partnership = factory.LazyAttribute(
        lambda o: (
            o.priority_area.framework.partnership if o.priority_area else o.service.partnership
        )
    )
    form = Contract.Form.BLOCK
    procurement_route = Contract.Route.OPEN
    lead_organisation = factory.SubFactory(OrganisationFactory)
    annual_value = Decimal("120000.00")
    total_value = Decimal("360000.00")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=700))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=400))
    initial_end_date = factory.LazyAttribute(lambda o: o.end_date)
    # Let in the activity's current cycle, as contract_create records it.
    activity_cycle = factory.LazyAttribute(
        lambda o: o.activity.cycle_number if o.activity else None
    )
    status = Contract.Status.LIVE

    @factory.post_generation
    def co_commissioners(self, create, extracted, **kwargs):
        if create and extracted:
            self.co_commissioners.add(*extracted)


class ContractReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractReview

    contract = factory.SubFactory(ContractFactory)
    performance_rag = RAG.GREEN
    outcomes_achieved = "Nine in ten young carers said they felt better supported."
    value_for_money = ContractReview.ValueForMoney.GOOD
    decision = ContractReview.Decision.CONTINUE
    decision_date = factory.LazyFunction(timezone.localdate)


class ExtensionOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExtensionOption

    contract = factory.SubFactory(ContractFactory)
    order = factory.LazyAttribute(lambda o: o.contract.extension_options.count() + 1)
    months = 12


class DecommissioningPlanFactory(factory.django.DjangoModelFactory):
    """A plan just decided: its contract, its activity at Do, the review that decided it."""

    class Meta:
        model = DecommissioningPlan

    contract = factory.SubFactory(
        ContractFactory, priority_area=factory.SubFactory(PriorityAreaFactory)
    )
    activity = factory.SubFactory(
        ActivityFactory,
        purpose=CommissioningActivity.Purpose.DECOMMISSION,
        stage="do",
        priority_area=factory.SelfAttribute("..contract.priority_area"),
    )
    review = factory.SubFactory(
        ContractReviewFactory,
        contract=factory.SelfAttribute("..contract"),
        decision=ContractReview.Decision.DECOMMISSION,
    )
    decision_date = factory.LazyFunction(timezone.localdate)
    service_end_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=180)
    )


class FundingAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingAgreement
        skip_postgeneration_save = True

    kind = FundingAgreement.Kind.SECTION_75
    reference = factory.Sequence(lambda n: f"S75-{n:03d}")
    title = "Children's emotional health pooled budget"
    partnership = factory.LazyFunction(default_partnership)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=700))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=700))

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.add(*extracted)


class ContributionFactory(factory.django.DjangoModelFactory):
    """A partner's aligned share of a contract (pass activity=... and contract=None for an
    activity's; arrangement=POOLED with an agreement for a pooled one)."""

    class Meta:
        model = Contribution

    contract = factory.SubFactory(ContractFactory)
    activity = None
    organisation = factory.SubFactory(OrganisationFactory)
    annual_amount = Decimal("60000.00")
    arrangement = Contribution.Arrangement.ALIGNED
    agreement = None


class KpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyPerformanceIndicator

    contract = factory.SubFactory(ContractFactory)
    name = factory.Sequence(lambda n: f"Referrals seen within 18 weeks {n}")
    target = Decimal("92")
    unit = "%"
    polarity = KeyPerformanceIndicator.Polarity.HIGHER
    frequency = KeyPerformanceIndicator.Frequency.QUARTERLY


class KpiValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiValue

    kpi = factory.SubFactory(KpiFactory)
    period_end = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    value = Decimal("90.5")
    recorded_by = factory.SubFactory(CommissionerFactory)


class PerformanceAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerformanceAssessment

    contract = factory.SubFactory(ContractFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    rating = PerformanceAssessment.Rating.GOOD
    summary = "All three KPIs on target; families report the service is easy to reach."
    assessed_by = factory.SubFactory(CommissionerFactory)
