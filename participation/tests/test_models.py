"""The participation models: database constraints, ordering and the absence of identities."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.choices import Stage
from participation.models import Level, ParticipationRecord, VoiceQuestion
from participation.tests.factories import ParticipationRecordFactory
from participation.voice_questions import VOICE_QUESTIONS

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

IDENTITY_WORDS = ("name", "birth", "dob", "address", "postcode", "nhs_number", "upn")


def test_a_record_has_no_field_for_a_childs_identity():
    """Counts only: no name, date of birth or other identifying field may be added."""
    names = [field.name for field in ParticipationRecord._meta.get_fields()]
    assert not [n for n in names if any(word in n.lower() for word in IDENTITY_WORDS)], names


def _violates(**changes) -> bool:
    record = ParticipationRecordFactory()
    for name, value in changes.items():
        setattr(record, name, value)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        return True
    return False


def test_database_refuses_feedback_before_the_event():
    record_date = datetime.date(2026, 3, 10)
    assert _violates(
        date=record_date,
        feedback_date=record_date - datetime.timedelta(days=1),
        feedback_method="Letter",
    )


def test_database_refuses_a_special_group_count_above_the_total():
    assert _violates(age_11_15=2, age_16_17=0, children_in_care=3)
    assert _violates(age_11_15=2, age_16_17=0, children_in_care=0, send=3)


def test_database_refuses_a_changed_decision_without_saying_which():
    assert _violates(decision_changed="yes", decision_description="")


def test_database_refuses_a_record_with_nobody_taking_part():
    assert _violates(age_11_15=0, age_16_17=0, children_in_care=0)


def test_a_valid_record_saves():
    assert not _violates(feedback_method="Letter", feedback_date=timezone.localdate())


def test_ladder_levels_are_ordered_so_max_is_the_highest():
    assert Level.INFORM < Level.CONSULT < Level.INVOLVE < Level.COLLABORATE < Level.CO_PRODUCE


def test_total_is_the_sum_of_the_age_bands():
    record = ParticipationRecordFactory.build(age_0_4=1, age_11_15=6, age_16_17=3, adults=2)
    assert record.total_participants == 12


def test_west_cheshire_questions_are_loaded_for_every_stage():
    for stage in Stage:
        texts = list(VoiceQuestion.objects.filter(stage=stage).values_list("text", flat=True))
        assert texts == list(VOICE_QUESTIONS[stage.value])
    assert VoiceQuestion.objects.filter(text="Are meetings person-centred?", stage="plan").exists()
