"""Send whoever must enter a second factor to do so before any page, Django admin included."""

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from core.two_factor import SESSION_KEY
from core.two_factor.selectors import has_second_factor


def second_factor_not_required(view_func):
    """Mark a view that a signed-in person may open before entering their second factor."""
    view_func.second_factor_not_required = True
    return view_func


def owes_second_factor(request: HttpRequest) -> bool:
    """Whether this signed-in session must still enter a second factor (the API's session
    authentication asks too, since its views are let through here)."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    # Staff are asked even in a session begun before this rule (no flag in it yet).
    return bool(request.session.get(SESSION_KEY) or user.is_staff or user.is_superuser)


class SecondFactorRequiredMiddleware:
    """An administrator (or anyone who set up an app) signed in without a verified second
    factor is sent to enter their code, or to set up an app if they have none; pages open
    without signing in (`login_not_required`) and those marked `second_factor_not_required`
    (the two-factor pages, signing out) are let through."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "second_factor_not_required", False):
            return None
        if not getattr(view_func, "login_required", True):
            return None
        if not owes_second_factor(request):
            return None
        user = request.user
        target = "two_factor_verify" if has_second_factor(user) else "two_factor_setup"
        return redirect_to_login(request.get_full_path(), reverse(target))
