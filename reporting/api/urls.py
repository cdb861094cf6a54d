"""The API's addresses: /api/v1/<resource>/, the schema and the docs (config/urls.py)."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from reporting.api import docs, views
from reporting.api.base import ApiView

app_name = "api"


class ApiRootView(ApiView, DefaultRouter.APIRootView):
    """The list of the API's resources."""


class Router(DefaultRouter):
    APIRootView = ApiRootView
    # One address per resource: JSON is the only format.
    include_format_suffixes = False


router = Router()
router.register("frameworks", views.FrameworkViewSet, basename="framework")
router.register("priorities", views.PriorityViewSet, basename="priority")
router.register("actions", views.ActionViewSet, basename="action")
router.register("progress-updates", views.ProgressUpdateViewSet, basename="progress-update")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("indicator-values", views.IndicatorValueViewSet, basename="indicator-value")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("contracts", views.ContractViewSet, basename="contract")
router.register(
    "participation-records", views.ParticipationRecordViewSet, basename="participation-record"
)
router.register("boards", views.BoardViewSet, basename="board")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("decisions", views.DecisionViewSet, basename="decision")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
]
