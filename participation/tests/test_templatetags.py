"""The voice-of-the-child checklist that the "move to next stage" page shows."""

import pytest
from django.urls import reverse

from commissioning.tests.factories import ActivityFactory
from core.choices import Stage
from participation.models import VoiceAnswer, VoiceQuestion
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db


def test_move_page_lists_the_stages_unanswered_questions(commissioner, commissioner_client):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    activity = ActivityFactory(priority_area=area, stage=Stage.ANALYSE)
    questions = list(VoiceQuestion.objects.filter(stage=Stage.ANALYSE, is_active=True))
    assert questions, "the West Cheshire questions are loaded by a data migration"
    VoiceAnswer.objects.create(
        activity=activity,
        question=questions[0],
        cycle_number=activity.cycle_number,
        answer="Young people told the Youth Cabinet they want drop-in sessions after school.",
        answered_by=commissioner,
    )

    content = commissioner_client.get(
        reverse("commissioning:activity_move", args=[activity.pk])
    ).content.decode()

    assert f"{len(questions) - 1} question" in content
    assert questions[0].text not in content
    for question in questions[1:]:
        assert question.text in content
    assert reverse("participation:voice_answers", args=[activity.pk]) in content
