"""Participation: stakeholder groups, participation records and voice-of-the-child questions."""

from participation.models.decommissioning import DecommissioningConsultation
from participation.models.groups import StakeholderGroup
from participation.models.quotes import (
    CONSENT_ALLOWS,
    AnonymisationLog,
    ConsentUse,
    Quote,
    split_by_consent,
    withheld_message,
)
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
    "AnonymisationLog",
    "CONSENT_ALLOWS",
    "ConsentUse",
    "Quote",
    "split_by_consent",
    "withheld_message",
    "DecommissioningConsultation",
    "feedback_owed_q",
    "SPECIAL_GROUP_FIELDS",
    "Level",
    "ParticipationRecord",
    "ParticipationRecordQuerySet",
    "StakeholderGroup",
    "VoiceAnswer",
    "VoiceQuestion",
]
