"""Choices shared by several priorities models."""

from django.db import models


class RAG(models.TextChoices):
    """Red, amber, green: how an action is going, in its latest progress update."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
