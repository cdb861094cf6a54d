"""URLs of the commissioning app."""

from django.urls import path

from commissioning import contract_views, views, views_budgets, views_ocds, views_performance
from commissioning.models import Contract, ContractReview
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
    path(
        "contracts/pipeline/export/xlsx/",
        views_performance.PipelineExportView.as_view(fmt="xlsx"),
        name="pipeline_export_xlsx",
    ),
    path(
        "contracts/pipeline/export/csv/",
        views_performance.PipelineExportView.as_view(fmt="csv"),
        name="pipeline_export_csv",
    ),
    path("contracts/ocds.json", views_ocds.PartnershipOcdsView.as_view(), name="contracts_ocds"),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="contract_detail"),
    path(
        "contracts/<int:pk>/ocds.json",
        views_ocds.ContractOcdsView.as_view(),
        name="contract_ocds",
    ),
    path(
        "contracts/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Contract),
        name="contract_history",
    ),
    path(
        "reviews/<int:pk>/history/",
        ObjectHistoryView.as_view(model=ContractReview),
        name="contract_review_history",
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
    # Partners' shares of contracts and activities
    path(
        "contracts/<int:pk>/shares/new/",
        views_budgets.ContractContributionCreateView.as_view(),
        name="contract_contribution_create",
    ),
    path(
        "activities/<int:pk>/shares/new/",
        views_budgets.ActivityContributionCreateView.as_view(),
        name="activity_contribution_create",
    ),
    path(
        "shares/<int:pk>/edit/",
        views_budgets.ContributionUpdateView.as_view(),
        name="contribution_update",
    ),
    path(
        "shares/<int:pk>/remove/",
        views_budgets.ContributionDeleteView.as_view(),
        name="contribution_delete",
    ),
    path("partners/", views_budgets.PartnerCommitmentsView.as_view(), name="partner_commitments"),
    # KPIs and performance assessments
    path(
        "contracts/<int:pk>/kpis/new/", views_performance.KpiCreateView.as_view(), name="kpi_create"
    ),
    path("kpis/<int:pk>/edit/", views_performance.KpiUpdateView.as_view(), name="kpi_update"),
    path(
        "kpis/<int:pk>/values/new/",
        views_performance.KpiValueCreateView.as_view(),
        name="kpi_value_create",
    ),
    path(
        "contracts/<int:pk>/assessments/new/",
        views_performance.PerformanceAssessmentCreateView.as_view(),
        name="assessment_create",
    ),
    path("providers/", views.ProviderListView.as_view(), name="provider_list"),
    path("providers/<int:pk>/", views.ProviderDetailView.as_view(), name="provider_detail"),
]
