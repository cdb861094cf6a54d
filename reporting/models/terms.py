"""School terms: the rhythm of the termly reports to the children's trust board."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class TermQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None) -> "Term | None":
        """The term that contains `today`, or else the latest term that has started."""
        today = today or timezone.localdate()
        return (
            self.filter(start_date__lte=today).order_by("-start_date").first()
            or self.order_by("start_date").first()
        )


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
        return f"{self.academic_year}/{(self.academic_year + 1) % 100:02d}"

    def previous(self) -> "Term | None":
        return Term.objects.filter(end_date__lt=self.start_date).order_by("-end_date").first()

    def contains(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date
