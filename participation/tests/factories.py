"""Factories for the participation models."""

import datetime

import factory
from django.utils import timezone

from commissioning.tests.factories import DecommissioningPlanFactory, OrganisationFactory
from core.academic_years import academic_year_of
from core.choices import Stage
from core.tests.factories import CommissionerFactory, default_partnership
from participation.models import (
    DecommissioningConsultation,
    HearByRightAssessment,
    HearByRightLevel,
    HearByRightScore,
    Level,
    ParticipationRecord,
    Quote,
    StakeholderGroup,
    Standard,
    VoiceAnswer,
    VoiceQuestion,
    YouSaidItem,
)
from priorities.tests.factories import PriorityAreaFactory


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Children in Care Council {n}")
    kind = StakeholderGroup.Kind.CARE_EXPERIENCED
    partnership = factory.LazyFunction(default_partnership)
    description = "Voice of children in care in the Children's Trust governance structure."
    convening_organisation = factory.SubFactory(OrganisationFactory)


class ParticipationRecordFactory(factory.django.DjangoModelFactory):
    """A consultation; pass `priority_areas=[...]` and `groups=[...]`, or get one of each."""

    class Meta:
        model = ParticipationRecord
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Advocacy consultation {n}")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    method = ParticipationRecord.Method.CONSULTATION
    level = Level.CONSULT
    stage = Stage.PLAN
    age_11_15 = 6
    age_16_17 = 3
    children_in_care = 9
    you_said = "You want to meet your advocate before a review, not on the day."
    created_by = factory.SubFactory(CommissionerFactory)
    partnership = factory.LazyFunction(default_partnership)

    @factory.post_generation
    def priority_areas(self, create, extracted, **kwargs):
        if create:
            self.priority_areas.add(*(extracted or [PriorityAreaFactory()]))

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(*(extracted or [StakeholderGroupFactory()]))


class YouSaidItemFactory(factory.django.DjangoModelFactory):
    """A "you said" item the loop closed on: we did, a week after the record."""

    class Meta:
        model = YouSaidItem

    record = factory.SubFactory(ParticipationRecordFactory)
    position = factory.Sequence(lambda n: n + 1)
    you_said = "You want to reach your advocate by text."
    outcome = YouSaidItem.Outcome.WE_DID
    response = "The new advocacy contract has a text contact line."
    by_date = factory.LazyAttribute(lambda item: item.record.date + datetime.timedelta(days=7))


class VoiceAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceAnswer

    # A question of the activity's current stage, from those the migrations seed.
    question = factory.LazyAttribute(
        lambda answer: VoiceQuestion.objects.filter(stage=answer.activity.stage).first()
    )
    cycle_number = factory.LazyAttribute(lambda answer: answer.activity.cycle_number)
    answer = "Children in care told us at the council's last meeting."
    answered_by = factory.SubFactory(CommissionerFactory)


class DecommissioningConsultationFactory(factory.django.DjangoModelFactory):
    """A consultation held before the decision, linked to a decommissioning plan."""

    class Meta:
        model = DecommissioningConsultation

    plan = factory.SubFactory(DecommissioningPlanFactory)
    record = factory.SubFactory(
        ParticipationRecordFactory,
        date=factory.LazyAttribute(
            lambda o: o.factory_parent.plan.decision_date - datetime.timedelta(days=7)
        ),
    )


class HearByRightAssessmentFactory(factory.django.DjangoModelFactory):
    """This academic year's self-assessment of the default partnership, without scores; pass
    `scored=True` for the seven standards at emerging."""

    class Meta:
        model = HearByRightAssessment
        skip_postgeneration_save = True

    partnership = factory.LazyFunction(default_partnership)
    year = factory.LazyFunction(lambda: academic_year_of(timezone.localdate()))
    created_by = factory.SubFactory(CommissionerFactory)

    @factory.post_generation
    def scored(self, create, extracted, **kwargs):
        if create and extracted:
            for standard in Standard.values:
                HearByRightScore.objects.create(
                    assessment=self, standard=standard, level=HearByRightLevel.EMERGING
                )


class HearByRightScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HearByRightScore

    assessment = factory.SubFactory(HearByRightAssessmentFactory)
    standard = Standard.STRATEGY
    level = HearByRightLevel.ESTABLISHED
    evidence = "The Children in Care Council helped to write the participation strategy."


class QuoteFactory(factory.django.DjangoModelFactory):
    """A quote a record's group consented to for reports, for a year from today."""

    class Meta:
        model = Quote

    record = factory.SubFactory(ParticipationRecordFactory)
    text = "We want to choose where we meet our advocate."
    given_by = factory.LazyAttribute(lambda quote: quote.record.groups.first())
    consent_use = Quote._meta.get_field("consent_use").choices[1][0]
    consent_until = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=365)
    )
