"""Priorities: frameworks, priority areas, objectives, actions, progress updates, indicators."""

from priorities.models.actions import Action, ActionQuerySet, ProgressUpdate
from priorities.models.choices import RAG, Stage
from priorities.models.frameworks import Framework, Objective, PriorityArea
from priorities.models.indicators import Indicator, IndicatorValue
from priorities.models.reports import BoardPackPdf, ReportComment, TermlyReport
from priorities.models.terms import Term

__all__ = [
    "RAG",
    "Action",
    "BoardPackPdf",
    "ActionQuerySet",
    "Framework",
    "Indicator",
    "IndicatorValue",
    "Objective",
    "PriorityArea",
    "ProgressUpdate",
    "ReportComment",
    "Stage",
    "Term",
    "TermlyReport",
]
