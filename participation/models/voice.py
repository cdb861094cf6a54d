"""Voice-of-the-child questions asked at each stage of the cycle, and their answers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from commissioning.models import CommissioningActivity
from core.choices import Stage


class VoiceQuestion(models.Model):
    """A question to check at one stage of the cycle (West Cheshire framework, section 6)."""

    stage = models.CharField(max_length=20, choices=Stage.choices)
    text = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=1)
    is_active = models.BooleanField("active", default=True)

    class Meta:
        ordering = ["stage", "order", "pk"]
        verbose_name = "voice-of-the-child question"
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "text"],
                name="voice_question_unique_per_stage",
                violation_error_message="This stage already asks this question.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.text}"


class VoiceAnswer(models.Model):
    """A commissioner's answer to a question for an activity, in one round of its cycle."""

    activity = models.ForeignKey(
        CommissioningActivity, on_delete=models.CASCADE, related_name="voice_answers"
    )
    question = models.ForeignKey(VoiceQuestion, on_delete=models.PROTECT, related_name="answers")
    cycle_number = models.PositiveIntegerField()
    answer = models.TextField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="voice_answers"
    )
    answered_at = models.DateTimeField(default=timezone.now)
    # Optimistic locking: each change bumps it; a change from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Each earlier answer, and who gave it.
    history = HistoricalRecords()

    partnership_lookup = "activity__partnership"

    class Meta:
        ordering = ["activity", "cycle_number", "question"]
        verbose_name = "voice-of-the-child answer"
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "question", "cycle_number"],
                name="voice_answer_one_per_question_and_cycle",
                violation_error_message="This question is already answered for this cycle.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.question.text}"

    def get_absolute_url(self) -> str:
        return reverse("participation:voice_answers", args=[self.activity_id])
