"""Participation: stakeholder groups, participation records and voice-of-the-child questions."""

from participation.models.decommissioning import DecommissioningConsultation
from participation.models.groups import StakeholderGroup
from participation.models.loop import CLOSED_OUTCOMES, YouSaidItem
from participation.models.lundy import LUNDY_ELEMENTS, LUNDY_FIELDS, LundyMet
from participation.models.records import (
    AGE_BAND_FIELDS,
    SPECIAL_GROUP_FIELDS,
    Level,
    ParticipationRecord,
    ParticipationRecordQuerySet,
    feedback_owed_q,
)
from participation.models.voice import VoiceAnswer, VoiceQuestion

__all__ = [
    "AGE_BAND_FIELDS",
    "CLOSED_OUTCOMES",
    "DecommissioningConsultation",
    "feedback_owed_q",
    "SPECIAL_GROUP_FIELDS",
    "Level",
    "LUNDY_ELEMENTS",
    "LUNDY_FIELDS",
    "LundyMet",
    "ParticipationRecord",
    "ParticipationRecordQuerySet",
    "StakeholderGroup",
    "VoiceAnswer",
    "VoiceQuestion",
    "YouSaidItem",
]
