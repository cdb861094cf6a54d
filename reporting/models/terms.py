"""School terms: the rhythm of the termly reports to the children's trust board."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.academic_years import academic_year_label
from reporting.terms import FIRST_ACADEMIC_YEAR, academic_year_of, add_missing_terms


class TermQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None) -> "Term | None":
        """The term that contains `today`, or else the latest term that has started; the
        terms of today's academic year are created with the standard dates if missing."""
        today = today or timezone.localdate()
        term = self._latest_started(today)
        if term is None or not term.contains(today):
            add_missing_terms(self.model, academic_year_of(today))
            term = self._latest_started(today)
        return term or self.order_by("start_date").first()

    def _latest_started(self, today: datetime.date) -> "Term | None":
        return self.filter(start_date__lte=today).order_by("-start_date").first()


class Term(models.Model):
    """An autumn, spring or summer term of an academic year, with editable dates."""

    class Season(models.TextChoices):
        AUTUMN = "autumn", "Autumn"
        SPRING = "spring", "Spring"
        SUMMER = "summer", "Summer"

    academic_year = models.PositiveIntegerField(
        help_text="The year the academic year starts: 2025 for 2025/26."
    )
    season = models.CharField(max_length=10, choices=Season.choices)
    start_date = models.DateField()
    end_date = models.DateField()

    objects = TermQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when terms lived in priorities.
        db_table = "priorities_term"
        ordering = ["start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["academic_year", "season"],
                name="one_term_per_season_and_year",
                violation_error_message="This academic year already has this term.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="term_ends_after_it_starts",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_season_display()} term {self.academic_year_label}"

    @property
    def academic_year_label(self) -> str:
        return academic_year_label(self.academic_year)

    def previous(self) -> "Term | None":
        """The term before this one (none before the first year the product keeps: 2017/18);
        the previous academic year's terms are created with the standard dates if missing."""
        term = self._latest_ended_before()
        year_before = self.academic_year - 1
        missing = term is None or term.academic_year < year_before
        if missing and self.season == self.Season.AUTUMN and year_before >= FIRST_ACADEMIC_YEAR:
            add_missing_terms(Term, year_before)
            term = self._latest_ended_before()
        return term

    def _latest_ended_before(self) -> "Term | None":
        return Term.objects.filter(end_date__lt=self.start_date).order_by("-end_date").first()

    def contains(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date
