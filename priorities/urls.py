"""URLs of the priorities app."""

from django.urls import path

from core.history import ObjectHistoryView
from priorities import views
from priorities.models import Action

app_name = "priorities"

urlpatterns = [
    path("", views.FrameworkListView.as_view(), name="framework_list"),
    path("frameworks/<int:pk>/", views.FrameworkDetailView.as_view(), name="framework_detail"),
    path("areas/<int:pk>/", views.PriorityAreaDetailView.as_view(), name="priority_area_detail"),
    path("areas/<int:pk>/actions/new/", views.ActionCreateView.as_view(), name="action_create"),
    path("areas/<int:pk>/import/", views.ActionImportView.as_view(), name="action_import"),
    path(
        "areas/<int:pk>/national-figures/",
        views.NationalFiguresImportView.as_view(),
        name="national_import",
    ),
    path(
        "areas/<int:pk>/export/xlsx/",
        views.PriorityAreaExportView.as_view(fmt="xlsx"),
        name="priority_area_export_xlsx",
    ),
    path(
        "areas/<int:pk>/export/csv/",
        views.PriorityAreaExportView.as_view(fmt="csv"),
        name="priority_area_export_csv",
    ),
    path(
        "areas/<int:pk>/objectives/new/",
        views.ObjectiveCreateView.as_view(),
        name="objective_create",
    ),
    path("objectives/<int:pk>/edit/", views.ObjectiveUpdateView.as_view(), name="objective_update"),
    path(
        "areas/<int:pk>/indicators/new/",
        views.IndicatorCreateView.as_view(),
        name="indicator_create",
    ),
    path("indicators/<int:pk>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
    path("indicators/<int:pk>/edit/", views.IndicatorUpdateView.as_view(), name="indicator_update"),
    path(
        "indicators/<int:pk>/values/new/",
        views.IndicatorValueCreateView.as_view(),
        name="indicator_value_create",
    ),
    path("actions/", views.ActionListView.as_view(), name="action_list"),
    path("actions/mine/", views.MyActionsView.as_view(), name="my_actions"),
    path(
        "actions/bulk-change/",
        views.ActionBulkChangeView.as_view(),
        name="action_bulk_change",
    ),
    path(
        "actions/export/xlsx/",
        views.ActionListExportView.as_view(fmt="xlsx"),
        name="action_list_export_xlsx",
    ),
    path(
        "actions/export/csv/",
        views.ActionListExportView.as_view(fmt="csv"),
        name="action_list_export_csv",
    ),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action_update"),
    path(
        "actions/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Action),
        name="action_history",
    ),
    path(
        "decisions/<int:decision_pk>/actions/new/",
        views.ActionFromDecisionView.as_view(),
        name="action_from_decision",
    ),
    path("actions/<int:pk>/progress/", views.ProgressCreateView.as_view(), name="progress_create"),
]
