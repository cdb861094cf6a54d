"""Factories for the priorities models, with values like the seeds'."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from core.choices import Stage
from core.tests.factories import CommissionerFactory, default_partnership
from governance.tests.factories import BoardFactory, OrganisationFactory
from priorities.models import (
    RAG,
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
    StatisticalNeighbour,
)


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    title = factory.Sequence(lambda n: f"Children's Trust Commissioning Framework {n}")
    partnership = factory.LazyFunction(default_partnership)
    period = "2018-21"
    version = "1.0"
    status = Framework.Status.APPROVED
    owning_board = factory.SubFactory(BoardFactory)
    review_date = datetime.date(2021, 3, 31)


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea
        skip_postgeneration_save = True

    framework = factory.SubFactory(FrameworkFactory)
    title = factory.Sequence(lambda n: f"Children in Care {n}")
    aim = "To improve outcomes for children in care"
    order = factory.Sequence(lambda n: n + 1)
    lead_board = factory.SelfAttribute("framework.owning_board")

    @factory.post_generation
    def lead_commissioners(self, create, extracted, **kwargs):
        """`PriorityAreaFactory(lead_commissioners=[user])` names its leads."""
        if create and extracted:
            self.lead_commissioners.add(*extracted)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    priority_area = factory.SubFactory(PriorityAreaFactory)
    text = "Keep families supported to avoid Children going into Care"
    order = factory.Sequence(lambda n: n + 1)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    priority_area = factory.SubFactory(PriorityAreaFactory)
    objective = None
    title = factory.Sequence(lambda n: f"Scale-up the Edge of Care Team, phase {n}")
    description = "Scale-up the Edge of Care Team"
    owner = factory.SubFactory(CommissionerFactory)
    lead_organisation = factory.SubFactory(OrganisationFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=120))
    status = Action.Status.IN_PROGRESS
    stage = Stage.DO

    class Params:
        overdue = factory.Trait(
            start_date=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=200)
            ),
            due_date=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=10)
            ),
        )


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """Saves the update directly: use services.progress_update_add to refresh the action too."""

    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = factory.LazyFunction(timezone.localdate)
    author = factory.SelfAttribute("action.owner")
    rag = RAG.AMBER
    percent_complete = 40
    narrative = "Draft specification shared with CCG colleagues; comments due by month end."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    priority_area = factory.SubFactory(PriorityAreaFactory)
    name = factory.Sequence(lambda n: f"Good level of development at age 5 ({n})")
    definition = "Percentage of children achieving a good level of development at age 5."
    unit = Indicator.Unit.PERCENTAGE
    polarity = Indicator.Polarity.HIGHER
    target = Decimal("70")
    source = "Early Years Foundation Stage Profile, DfE"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue
        skip_postgeneration_save = True

    indicator = factory.SubFactory(IndicatorFactory)
    period_label = factory.Sequence(lambda n: str(2010 + n))
    period_end = factory.LazyAttribute(lambda v: datetime.date(int(v.period_label[:4]), 8, 31))
    value = Decimal("61")

    @factory.post_generation
    def england(obj, create, extracted, **kwargs):
        """`england=71`: England's value of the indicator for the same period too."""
        if create and extracted is not None:
            ComparatorValueFactory(
                indicator=obj.indicator,
                period_label=obj.period_label,
                period_end=obj.period_end,
                value=extracted,
            )


class ComparatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comparator
        django_get_or_create = ("partnership", "name")

    partnership = factory.LazyFunction(default_partnership)
    kind = Comparator.Kind.ENGLAND
    name = "England"
    area_code = "E92000001"


class StatisticalNeighbourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatisticalNeighbour

    comparator = factory.SubFactory(
        ComparatorFactory, kind=Comparator.Kind.NEIGHBOURS, name="Statistical neighbours"
    )
    name = factory.Sequence(lambda n: f"Neighbouring authority {n}")


class ComparatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComparatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    comparator = factory.LazyAttribute(
        lambda v: ComparatorFactory(partnership=v.indicator.priority_area.framework.partnership)
    )
    period_label = factory.Sequence(lambda n: str(2010 + n))
    period_end = factory.LazyAttribute(lambda v: datetime.date(int(v.period_label[:4]), 8, 31))
    value = Decimal("71")
