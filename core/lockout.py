"""Wrong secrets other than the sign-in password, counted with django-axes like sign-ins.

A wrong current password on the password change page and a wrong two-factor code are each
one failed sign-in for the username at the client's address: the same count, the same limit
(AXES_FAILURE_LIMIT) and the same "Sign-in locked" page. A password sign-in that still needs a
second factor does not clear the count (AXES_RESET_ON_SUCCESS is off): only a completed
sign-in does (`sign_in_completed`), so signing in again cannot buy more guesses at the code.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse

from core.client_ip import client_ip


def _credentials(username: str) -> dict[str, str]:
    return {"username": username}


def is_locked_out(request: HttpRequest, username: str) -> bool:
    """Whether the username is locked out at this address."""
    return AxesProxyHandler.is_locked(request, _credentials(username))


def lockout_response(request: HttpRequest, username: str) -> HttpResponse:
    """The "Sign-in locked" page (429), as django-axes renders it for the sign-in form."""
    return get_lockout_response(request, None, _credentials(username))


def count_failure(request: HttpRequest, username: str) -> None:
    """Count one failure; at the limit AxesMiddleware turns the response into the lockout page."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username), request=request)


def sign_in_completed(request: HttpRequest, username: str) -> None:
    """Clear the username's failures at this address, as a successful sign-in does."""
    AxesProxyHandler.reset_attempts(username=username, ip_address=client_ip(request))
