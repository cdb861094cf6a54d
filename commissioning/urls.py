"""URLs of the commissioning app."""

from django.urls import path

from commissioning import contract_views, views
from commissioning.models import Contract
from core.history import ObjectHistoryView

app_name = "commissioning"

urlpatterns = [
    path("", views.CycleBoardView.as_view(), name="cycle_board"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity_detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity_update"),
    path("activities/<int:pk>/move/", views.ActivityMoveView.as_view(), name="activity_move"),
    path(
        "activities/<int:pk>/needs-assessments/new/",
        views.NeedsAssessmentCreateView.as_view(),
        name="needs_assessment_create",
    ),
    path("contracts/", views.ContractListView.as_view(), name="contract_list"),
    path("contracts/new/", contract_views.ContractCreateView.as_view(), name="contract_create"),
    path(
        "contracts/<int:pk>/edit/",
        contract_views.ContractUpdateView.as_view(),
        name="contract_update",
    ),
    path("contracts/pipeline/", views.PipelineView.as_view(), name="pipeline"),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="contract_detail"),
    path(
        "contracts/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Contract),
        name="contract_history",
    ),
    path(
        "contracts/<int:pk>/reviews/new/",
        contract_views.ContractReviewCreateView.as_view(),
        name="contract_review_create",
    ),
    path(
        "contracts/<int:pk>/recommission/",
        views.RecommissionView.as_view(),
        name="contract_recommission",
    ),
    path(
        "decommissioning/<int:pk>/",
        contract_views.DecommissioningPlanDetailView.as_view(),
        name="decommissioning_plan",
    ),
    path(
        "decommissioning/<int:pk>/edit/",
        contract_views.DecommissioningPlanUpdateView.as_view(),
        name="decommissioning_plan_update",
    ),
    path(
        "decommissioning/<int:pk>/complete/",
        contract_views.DecommissioningPlanCompleteView.as_view(),
        name="decommissioning_plan_complete",
    ),
    path("providers/", views.ProviderListView.as_view(), name="provider_list"),
    path("providers/<int:pk>/", views.ProviderDetailView.as_view(), name="provider_detail"),
]
