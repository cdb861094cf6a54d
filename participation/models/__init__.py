"""Participation: stakeholder groups, participation records, voice-of-the-child questions and
the Hear by Right self-assessments."""

from participation.models.confirmations import PersonalDataConfirmation
from participation.models.decommissioning import DecommissioningConsultation
from participation.models.groups import StakeholderGroup
from participation.models.hear_by_right import (
    STANDARD_DESCRIPTIONS,
    HearByRightAssessment,
    HearByRightLevel,
    HearByRightScore,
    Standard,
)
from participation.models.loop import CLOSED_OUTCOMES, YouSaidItem
from participation.models.lundy import LUNDY_ELEMENTS, LUNDY_FIELDS, LundyMet
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
    "CLOSED_OUTCOMES",
    "AnonymisationLog",
    "CONSENT_ALLOWS",
    "ConsentUse",
    "Quote",
    "split_by_consent",
    "withheld_message",
    "DecommissioningConsultation",
    "feedback_owed_q",
    "HearByRightAssessment",
    "HearByRightLevel",
    "HearByRightScore",
    "SPECIAL_GROUP_FIELDS",
    "Standard",
    "STANDARD_DESCRIPTIONS",
    "Level",
    "LUNDY_ELEMENTS",
    "LUNDY_FIELDS",
    "LundyMet",
    "ParticipationRecord",
    "ParticipationRecordQuerySet",
    "PersonalDataConfirmation",
    "StakeholderGroup",
    "VoiceAnswer",
    "VoiceQuestion",
    "YouSaidItem",
]
