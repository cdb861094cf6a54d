"""The API's OpenAPI schema and its Swagger UI docs page."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from reporting.api.authentication import VerifiedSessionAuthentication
from reporting.api.base import ApiView
from reporting.api.permissions import ReadsWithARole


class SchemaView(ApiView, SpectacularAPIView):
    """The OpenAPI 3 schema, for whoever may read the resources (drf-spectacular's own
    default lets anyone in)."""

    permission_classes = [ReadsWithARole]


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI over the schema, for a signed-in person: a page of the site (anonymous
    visitors are sent to sign in), its script a file of its own (?script), as the CSP asks."""

    url_name = "api:schema"
    authentication_classes = [VerifiedSessionAuthentication]
    permission_classes = [ReadsWithARole]

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)
        # REST framework marks its views `login_not_required`; this one is a page of the site,
        # behind the sign-in page and the second factor as every other.
        view.login_required = True
        return view
