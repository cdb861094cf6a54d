"""Choices that several apps share."""

from django.db import models


class Stage(models.TextChoices):
    """The commissioning cycle (West Cheshire calls the first stage "Understand")."""

    ANALYSE = "analyse", "Analyse"
    PLAN = "plan", "Plan"
    DO = "do", "Do"
    REVIEW = "review", "Review"
