"""Who calls the API: a person's token, or their signed-in session (the docs page)."""

from django.conf import settings
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from core.two_factor.middleware import owes_second_factor
from reporting.models import ApiToken
from reporting.models.api_tokens import digest_of

# A token's "last used" is written at most this often, not on every request.
LAST_USED_RESOLUTION_SECONDS = 60


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>`, looked up by the key's digest (only that is kept)."""

    model = ApiToken

    def authenticate_credentials(self, key: str):
        token = ApiToken.objects.active().select_related("user").filter(digest=digest_of(key))
        token = token.first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid token, or revoked.")
        now = timezone.now()
        stale = token.last_used_at is None or (
            (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
        )
        if stale:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The signed-in session, for the docs page's "try it out": not one that still owes its
    second factor (the API's views are let past the two-factor middleware, as tokens need)."""

    def authenticate(self, request):
        if owes_second_factor(request._request):
            return None
        return super().authenticate(request)


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    """The session, as the OpenAPI schema names it (drf-spectacular's own matches only
    SessionAuthentication itself)."""

    target_class = VerifiedSessionAuthentication
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
