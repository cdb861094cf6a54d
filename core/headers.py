"""Caching: nothing the app answers is kept by a browser or a proxy, except static files.

Every page and download behind sign-in (HTML, CSV, XLSX, PDF, ICS) holds the partnership's
records, so it is sent `Cache-Control: no-store`: the back button after signing out, a shared
computer's disk cache or a caching proxy keep none of it. The other open responses are no
different by choice: the sign-in page carries a CSRF token (Django's never_cache headers,
which include no-store), the calendar feed holds a person's diary (`private, no-store`), and
the health check must always be fresh. Static files are served by WhiteNoise before this
middleware, with long-lived caching of their hashed names. The one exception is the public
pages (`core.public.public_page`): the same for everyone, rendered without the request, so
browsers and proxies may keep them for a few minutes.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class NoStoreMiddleware:
    """Send `Cache-Control: no-store` on every response that does not already say no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, "is_public", False):
            return response
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        return response
