"""Writes of the Hear by Right self-assessment: a year's assessment is created and edited whole,
its seven scores with it, and an edit based on a stale copy is refused."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from core.academic_years import academic_year_dates, academic_year_label
from core.edit_conflicts import EditConflict, locked_for_edit, save_edit
from core.models import Partnership
from participation.models import (
    HearByRightAssessment,
    HearByRightScore,
    ParticipationRecord,
    Standard,
)


@dataclass(frozen=True)
class ScoreInput:
    """What a person gives for one standard: its level, the evidence and the records behind it."""

    level: int
    evidence: str = ""
    records: Iterable[ParticipationRecord] = field(default_factory=tuple)


class AssessmentEditConflict(EditConflict):
    """Someone saved the year's assessment since this edit began (or created it meanwhile)."""

    def __init__(self, current: HearByRightAssessment):
        super().__init__(current, noun="self-assessment")


def _check_records(
    *, partnership: Partnership, year: int, scores: Mapping[str, ScoreInput]
) -> dict[str, list[ParticipationRecord]]:
    """Each standard's records, refused unless they are the partnership's, of that year."""
    start, end = academic_year_dates(year)
    chosen, errors = {}, {}
    for standard, score in scores.items():
        records = list(score.records)
        outside = [
            record
            for record in records
            if record.partnership_id != partnership.pk or not start <= record.date <= end
        ]
        if outside:
            errors[f"{standard}_records"] = (
                f"Link only the partnership's records of {academic_year_label(year)}: "
                f"“{outside[0].title}” is not one."
            )
        chosen[standard] = records
    if errors:
        raise ValidationError(errors)
    return chosen


def _check_standards(scores: Mapping[str, ScoreInput]) -> None:
    missing = [Standard(value).label for value in Standard.values if value not in scores]
    unknown = sorted(set(scores) - set(Standard.values))
    if unknown:
        raise ValueError(f"Not Hear by Right standards: {unknown}")
    if missing:
        raise ValidationError(f"Score every standard: {', '.join(missing)} missing.")


def _as_field_errors(standard: str, error: ValidationError) -> ValidationError:
    """A score's errors named by the form's fields for it (`strategy_evidence`)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {f"{standard}_{name}": messages for name, messages in error.message_dict.items()}
    )


def _save_score(score: HearByRightScore, records: list[ParticipationRecord]) -> None:
    try:
        score.full_clean(exclude=["assessment"])
    except ValidationError as error:
        raise _as_field_errors(score.standard, error) from error
    score.save()
    score.records.set(records)


@transaction.atomic
def hear_by_right_assessment_create(
    *,
    partnership: Partnership,
    year: int,
    status: str,
    scores: Mapping[str, ScoreInput],
    created_by: AbstractBaseUser | None,
    is_sample: bool = False,
) -> HearByRightAssessment:
    """Score the seven standards for a year the partnership has not assessed yet; if someone
    assessed it meanwhile, the save is refused as an edit conflict with theirs."""
    _check_standards(scores)
    records = _check_records(partnership=partnership, year=year, scores=scores)
    existing = HearByRightAssessment.objects.filter(partnership=partnership, year=year).first()
    if existing is not None:
        raise AssessmentEditConflict(existing)
    assessment = HearByRightAssessment(
        partnership=partnership,
        year=year,
        status=status,
        created_by=created_by,
        is_sample=is_sample,
    )
    assessment.full_clean()
    assessment.save()
    for standard in Standard.values:
        score = scores[standard]
        _save_score(
            HearByRightScore(
                assessment=assessment,
                standard=standard,
                level=score.level,
                evidence=score.evidence,
            ),
            records[standard],
        )
    return assessment


@transaction.atomic
def hear_by_right_assessment_update(
    *,
    assessment: HearByRightAssessment,
    status: str,
    scores: Mapping[str, ScoreInput],
    expected_version: int,
) -> HearByRightAssessment:
    """Change a year's scores, refusing the save if the assessment changed since
    `expected_version` was read. Every save bumps the assessment's version; a score's own
    version moves only when it changes."""
    current = locked_for_edit(
        HearByRightAssessment,
        pk=assessment.pk,
        expected_version=expected_version,
        conflict=AssessmentEditConflict,
    )
    _check_standards(scores)
    records = _check_records(partnership=current.partnership, year=current.year, scores=scores)
    existing = {
        score.standard: score
        for score in HearByRightScore.objects.filter(assessment=current).prefetch_related("records")
    }
    for standard in Standard.values:
        wanted = scores[standard]
        score = existing.get(standard) or HearByRightScore(assessment=current, standard=standard)
        linked = {record.pk for record in score.records.all()} if score.pk else set()
        if (
            score.pk
            and score.level == wanted.level
            and score.evidence == wanted.evidence
            and linked == {record.pk for record in records[standard]}
        ):
            continue
        score.level, score.evidence = wanted.level, wanted.evidence
        if score.pk:
            score.version += 1
        _save_score(score, records[standard])
    return save_edit(current, {"status": status}, also_update=["updated_at"])
