"""Frameworks, their priority areas and the objectives of each priority area."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.detail_urls import detail_url
from governance.models import Board


class Framework(models.Model):
    """A partnership's joint commissioning framework; several coexist."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=200)
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="frameworks"
    )
    period = models.CharField(max_length=20, help_text="e.g. 2017/19")
    version = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    owning_board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="frameworks", verbose_name="owning board"
    )
    review_date = models.DateField(null=True, blank=True)
    review_date_note = models.CharField(
        "note on the review date",
        max_length=200,
        blank=True,
        help_text="Shown beside the review date: e.g. that the demo moved it from the seed's.",
    )

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership__name", "-period", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "period"],
                name="framework_title_period_unique",
                violation_error_message="A framework with this title and period already exists.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("priorities:framework_detail", args=[self.pk])

    @property
    def is_review_overdue(self) -> bool:
        """Past its review date while still in force (archived frameworks are not reviewed)."""
        return (
            self.status != self.Status.ARCHIVED
            and self.review_date is not None
            and self.review_date < timezone.localdate()
        )


class PriorityArea(models.Model):
    """One priority of a framework, with its aim, lead body and lead commissioners."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="priority_areas"
    )
    title = models.CharField(max_length=200)
    aim = models.TextField()
    order = models.PositiveIntegerField(default=1)
    lead_board = models.ForeignKey(
        Board,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_priority_areas",
        verbose_name="lead board or group",
    )
    lead_commissioners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="led_priority_areas"
    )

    partnership_lookup = "framework__partnership"

    class Meta:
        ordering = ["framework", "order", "pk"]
        verbose_name = "priority area"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "title"],
                name="priority_area_title_unique_per_framework",
                violation_error_message="This framework already has a priority with this title.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("priorities:priority_area_detail", self.pk)


class Objective(models.Model):
    """What a priority area will do ("We will ...")."""

    priority_area = models.ForeignKey(
        PriorityArea, on_delete=models.CASCADE, related_name="objectives"
    )
    text = models.TextField()
    order = models.PositiveIntegerField(default=1)
    # Optimistic locking: each edit bumps it, and an edit from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    partnership_lookup = "priority_area__framework__partnership"

    class Meta:
        ordering = ["priority_area", "order", "pk"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."
