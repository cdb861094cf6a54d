"""The participation services: what they save, what they refuse, and the edit lock."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from commissioning.tests.factories import ActivityFactory
from participation import services
from participation.models import ParticipationRecord, VoiceAnswer, VoiceQuestion
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory
from priorities.tests.factories import PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

DATA = {
    "title": "Children in Care Council: advocacy",
    "date": datetime.date(2026, 3, 10),
    "method": "consultation",
    "level": 2,
    "stage": "plan",
    "age_11_15": 5,
    "children_in_care": 5,
    "you_said": "Meet us before the review.",
}


def test_create_saves_the_record_with_its_groups_and_priorities(commissioner):
    area, group = PriorityAreaFactory(), StakeholderGroupFactory()
    record = services.participation_record_create(
        data=DATA, priority_areas=[area], groups=[group], created_by=commissioner
    )
    assert list(record.groups.all()) == [group]
    assert list(record.priority_areas.all()) == [area]
    assert record.version == 1
    assert record.created_by == commissioner


@pytest.mark.parametrize(
    ("relations", "field"),
    [({"groups": []}, "groups"), ({"priority_areas": []}, "priority_areas")],
)
def test_create_refuses_a_record_without_a_group_or_priority(commissioner, relations, field):
    kwargs = {"priority_areas": [PriorityAreaFactory()], "groups": [StakeholderGroupFactory()]}
    kwargs.update(relations)
    with pytest.raises(ValidationError) as error:
        services.participation_record_create(data=DATA, created_by=commissioner, **kwargs)
    assert field in error.value.message_dict
    assert not ParticipationRecord.objects.exists()


def test_create_refuses_negative_counts_and_saves_nothing(commissioner):
    with pytest.raises(ValidationError) as error:
        services.participation_record_create(
            data={**DATA, "age_5_10": -1},
            priority_areas=[PriorityAreaFactory()],
            groups=[StakeholderGroupFactory()],
            created_by=commissioner,
        )
    assert "age_5_10" in error.value.message_dict
    assert not ParticipationRecord.objects.exists()


def test_update_records_what_changed_and_bumps_the_version():
    record = ParticipationRecordFactory()
    updated = services.participation_record_update(
        record=record,
        data={
            "we_did": "Advocates now meet children a week before.",
            "decision_changed": "yes",
            "decision_description": "Advocacy specification changed.",
            "feedback_date": record.date + datetime.timedelta(days=7),
            "feedback_method": "Letter to the council",
        },
        priority_areas=record.priority_areas.all(),
        groups=record.groups.all(),
        expected_version=1,
    )
    assert updated.version == 2
    record.refresh_from_db()
    assert record.decision_changed == "yes"
    assert record.feedback_method == "Letter to the council"


def test_update_from_a_stale_copy_is_refused():
    record = ParticipationRecordFactory()
    args = {"priority_areas": record.priority_areas.all(), "groups": record.groups.all()}
    services.participation_record_update(
        record=record, data={"title": "First"}, expected_version=1, **args
    )
    with pytest.raises(services.RecordEditConflict) as conflict:
        services.participation_record_update(
            record=record, data={"title": "Second"}, expected_version=1, **args
        )
    assert conflict.value.current.title == "First"
    record.refresh_from_db()
    assert record.title == "First"


def test_voice_answers_are_kept_per_cycle_and_blank_ones_skipped(commissioner):
    activity = ActivityFactory(stage="plan")
    first, second = VoiceQuestion.objects.filter(stage="plan")[:2]
    written = services.voice_answers_save(
        activity=activity,
        answered_by=commissioner,
        answers={first: "Yes, held at the council's venue.", second: "  "},
    )
    assert written == 1
    answer = VoiceAnswer.objects.get()
    assert (answer.question, answer.cycle_number) == (first, 1)
    services.voice_answers_save(
        activity=activity, answered_by=commissioner, answers={first: "Changed answer."}
    )
    assert VoiceAnswer.objects.get().answer == "Changed answer."


def test_voice_answers_refuse_a_question_of_another_stage(commissioner):
    activity = ActivityFactory(stage="plan")
    question = VoiceQuestion.objects.filter(stage="review").first()
    with pytest.raises(ValidationError):
        services.voice_answers_save(
            activity=activity, answered_by=commissioner, answers={question: "Answer"}
        )
    assert not VoiceAnswer.objects.exists()


def test_an_activity_of_another_priority_is_refused(commissioner):
    activity = ActivityFactory()
    with pytest.raises(ValidationError) as error:
        services.participation_record_create(
            data={**DATA, "activity": activity},
            priority_areas=[PriorityAreaFactory()],
            groups=[StakeholderGroupFactory()],
            created_by=commissioner,
        )
    assert "tick that priority too" in error.value.message_dict["activity"][0]
    assert not ParticipationRecord.objects.exists()
