"""What every view of the API shares: DRF's own answer to a caller without credentials (not
the sign-in page's redirect), writes refused, records kept to the caller's partnership."""

from django.contrib.auth.decorators import login_not_required
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.permissions import SAFE_METHODS

from core.partnerships import partnerships_of, scope

PARTNERSHIP_PARAMETER = OpenApiParameter(
    "partnership",
    OpenApiTypes.STR,
    description="The slug of another of your partnerships to read (default: the one you work in).",
)


class ApiView:
    """What every view of the API does first.

    It answers 401 itself to a caller without credentials: the site's LoginRequiredMiddleware
    and the two-factor middleware let it through (`login_not_required`), and the API's session
    authentication asks for the second factor. Every write answers 405, to anyone, before
    authentication: an anonymous caller and a signed-in one are told the same.
    """

    @classmethod
    def as_view(cls, *args, **kwargs):
        # REST framework marks its views so already; said here too, as the rule depends on it.
        return login_not_required(super().as_view(*args, **kwargs))

    def initial(self, request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def perform_authentication(self, request) -> None:
        super().perform_authentication(request)
        work_in_chosen_partnership(request)


def work_in_chosen_partnership(request) -> None:
    """`?partnership=<slug>` (or the `X-Partnership` header): read another of the caller's
    partnerships for this request; one they do not belong to answers 400."""
    slug = request.query_params.get("partnership") or request.headers.get("X-Partnership")
    if not slug or not request.user.is_authenticated:
        return
    chosen = next((p for p in partnerships_of(request.user) if p.slug == slug), None)
    if chosen is None:
        raise exceptions.ValidationError({"partnership": ["Not one of your partnerships."]})
    user = request.user
    for attribute in ("_jcm_memberships", "_jcm_roles"):
        if hasattr(user, attribute):
            delattr(user, attribute)
    user._jcm_partnership_choice = chosen.pk


@extend_schema(parameters=[PARTNERSHIP_PARAMETER])
class ReadOnlyViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """A resource: its list and its detail, in the caller's partnership.

    Subclasses set `queryset` (with what its serializer reads selected or prefetched, and a
    stable order ending in the primary key); `get_queryset` keeps it to the partnership.
    """

    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)
