"""A rate limit per token (per person for a session), settings.API_RATE_LIMIT."""

from rest_framework.throttling import SimpleRateThrottle

from reporting.models import ApiToken


class PerTokenThrottle(SimpleRateThrottle):
    scope = "api"

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            # Anonymous calls are refused (401) before any work: nothing to count.
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}
