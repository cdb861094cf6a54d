"""Reads of the Hear by Right self-assessment: a year against the year before, standard by
standard, and the records a year's evidence may link."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core.academic_years import academic_year_dates
from core.models import Partnership
from participation.models import (
    STANDARD_DESCRIPTIONS,
    HearByRightAssessment,
    HearByRightScore,
    ParticipationRecord,
    Standard,
)

# How a change of level between two years reads: words first, the symbol beside them.
CHANGES = {
    "up": ("Up", "▲"),
    "down": ("Down", "▼"),
    "same": ("Same", "="),
}


@dataclass(frozen=True)
class ComparisonRow:
    """One standard: its score this year and the year before (None: not scored), and the change."""

    standard: Standard
    description: str
    this_year: HearByRightScore | None
    last_year: HearByRightScore | None

    @property
    def change(self) -> str | None:
        """ "up", "down" or "same"; None unless both years scored it."""
        if self.this_year is None or self.last_year is None:
            return None
        if self.this_year.level > self.last_year.level:
            return "up"
        if self.this_year.level < self.last_year.level:
            return "down"
        return "same"

    @property
    def change_words(self) -> str:
        return CHANGES[self.change][0] if self.change else ""

    @property
    def change_symbol(self) -> str:
        return CHANGES[self.change][1] if self.change else ""


def assessments(partnership: Partnership) -> QuerySet[HearByRightAssessment]:
    """The partnership's assessments with their scores and each score's records, in the
    standards' order."""
    return HearByRightAssessment.objects.filter(partnership=partnership).prefetch_related(
        Prefetch(
            "scores",
            queryset=HearByRightScore.objects.prefetch_related(
                Prefetch("records", queryset=ParticipationRecord.objects.order_by("date", "pk"))
            ),
        )
    )


def year_and_year_before(
    partnership: Partnership, year: int
) -> tuple[HearByRightAssessment | None, HearByRightAssessment | None]:
    """The assessments of `year` and of the year before (None where there is none)."""
    found = {item.year: item for item in assessments(partnership).filter(year__in=[year, year - 1])}
    return found.get(year), found.get(year - 1)


def comparison(
    this_year: HearByRightAssessment | None, last_year: HearByRightAssessment | None
) -> list[ComparisonRow]:
    """A row for each of the seven standards, in the framework's order."""

    def by_standard(assessment):
        return {score.standard: score for score in assessment.scores.all()} if assessment else {}

    now, before = by_standard(this_year), by_standard(last_year)
    return [
        ComparisonRow(
            standard=standard,
            description=STANDARD_DESCRIPTIONS[standard],
            this_year=now.get(standard.value),
            last_year=before.get(standard.value),
        )
        for standard in Standard
    ]


def assessed_years(partnership: Partnership) -> list[int]:
    """The years the partnership has assessed, latest first."""
    return list(
        HearByRightAssessment.objects.filter(partnership=partnership)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def evidence_records(partnership: Partnership, year: int) -> QuerySet[ParticipationRecord]:
    """The records a year's scores may link: the partnership's, dated in that academic year."""
    start, end = academic_year_dates(year)
    return ParticipationRecord.objects.filter(
        partnership=partnership, date__range=(start, end)
    ).order_by("date", "pk")
