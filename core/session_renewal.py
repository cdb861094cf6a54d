"""Renewing the signed-in session at most once a minute, instead of writing it on every request.

A session lasts SESSION_COOKIE_AGE (SESSION_IDLE_MINUTES) from its last save. This middleware
saves it again only when its renewal stamp is SESSION_RENEW_SECONDS old or more, so a page
read within the minute costs no UPDATE and no commit, and a session still ends between
SESSION_IDLE_MINUTES less one minute and SESSION_IDLE_MINUTES after its last request.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

RENEWED_AT = "_renewed_at"


def renew_session(request: HttpRequest) -> None:
    """Save `request`'s session at the end of this request, restarting its idle time."""
    request.session[RENEWED_AT] = int(time.time())


class SessionRenewalMiddleware:
    """After SessionMiddleware: marks the session for saving when its stamp is a minute old."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # A session nobody read has no visitor to renew it for (and reading it costs a query).
        if session is None or not session.accessed:
            return response
        renewed_at = session.get(RENEWED_AT, 0)
        # Empty: no session, or one just ended (signing out); saving would start a new one.
        if session.is_empty():
            return response
        if session.modified or time.time() - renewed_at >= settings.SESSION_RENEW_SECONDS:
            renew_session(request)
        return response
