"""Pages of the priorities app, one module per concept."""

from priorities.views.actions import (
    ActionCreateView,
    ActionDetailView,
    ActionListView,
    ActionUpdateView,
    MyActionsView,
    ProgressCreateView,
)
from priorities.views.bulk import ActionBulkChangeView
from priorities.views.frameworks import (
    FrameworkDetailView,
    FrameworkListView,
    IndicatorDetailView,
    PriorityAreaDetailView,
)
from priorities.views.from_decision import ActionFromDecisionView
from priorities.views.national import NationalFiguresImportView
from priorities.views.parts import (
    IndicatorCreateView,
    IndicatorUpdateView,
    IndicatorValueCreateView,
    ObjectiveCreateView,
    ObjectiveUpdateView,
)
from priorities.views.spreadsheets import (
    ActionImportView,
    ActionListExportView,
    PriorityAreaExportView,
)

__all__ = [
    "ActionFromDecisionView",
    "ActionBulkChangeView",
    "ActionCreateView",
    "ActionDetailView",
    "ActionImportView",
    "ActionListExportView",
    "ActionListView",
    "ActionUpdateView",
    "FrameworkDetailView",
    "FrameworkListView",
    "IndicatorCreateView",
    "IndicatorDetailView",
    "IndicatorUpdateView",
    "IndicatorValueCreateView",
    "MyActionsView",
    "NationalFiguresImportView",
    "ObjectiveCreateView",
    "ObjectiveUpdateView",
    "PriorityAreaDetailView",
    "PriorityAreaExportView",
    "ProgressCreateView",
]
