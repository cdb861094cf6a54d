"""Priorities: frameworks, priority areas, objectives, actions, progress updates, indicators."""

from priorities.models.actions import Action, ActionQuerySet, ProgressUpdate
from priorities.models.choices import RAG
from priorities.models.comparators import Comparator, ComparatorValue, StatisticalNeighbour
from priorities.models.frameworks import Framework, Objective, PriorityArea
from priorities.models.indicators import Indicator, IndicatorValue

__all__ = [
    "RAG",
    "Action",
    "ActionQuerySet",
    "Comparator",
    "ComparatorValue",
    "Framework",
    "Indicator",
    "IndicatorValue",
    "Objective",
    "PriorityArea",
    "ProgressUpdate",
    "StatisticalNeighbour",
]
