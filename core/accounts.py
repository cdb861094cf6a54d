"""Signing in and changing one's password, with the limits of the sign-in protection."""

import datetime

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core import lockout
from core.sso import sso_configured


class UsernameLengthMixin:
    def clean_username(self) -> str:
        """Refuse a username longer than any account's: it could not be right, and the
        sign-in protection's record of the attempt (255 characters) could not hold it."""
        username = self.cleaned_data["username"]
        limit = get_user_model()._meta.get_field("username").max_length
        if len(username) > limit:
            raise ValidationError(
                f"Enter a username of at most {limit} characters.", code="max_length"
            )
        return username


class SignInForm(UsernameLengthMixin, AuthenticationForm):
    pass


class AdminSignInForm(UsernameLengthMixin, AdminAuthenticationForm):
    """Django admin's own sign-in page, with the same limit."""


# The session key of the user's sign-in before this one (ISO 8601, or "" on a first sign-in).
PREVIOUS_SIGN_IN = "previous_sign_in"


class SignInView(auth_views.LoginView):
    """The sign-in page: a password, or the organisation's account when single sign-on is on.

    It keeps the user's previous sign-in time in the session: signing in overwrites
    `last_login`, and the home page says what changed since the previous one."""

    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = sso_configured()
        return context

    def form_valid(self, form):
        previous = form.get_user().last_login
        response = super().form_valid(form)
        self.request.session[PREVIOUS_SIGN_IN] = previous.isoformat() if previous else ""
        return response


def previous_sign_in(request: HttpRequest) -> datetime.datetime | None:
    """When the signed-in user signed in before this session, if they had."""
    value = request.session.get(PREVIOUS_SIGN_IN, "")
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


class PasswordChangeView(auth_views.PasswordChangeView):
    """A wrong current password counts as a failed sign-in: after as many as lock sign-in,
    the page answers with the same "Sign-in locked" page, even with the right password."""

    def post(self, request, *args, **kwargs):
        username = request.user.get_username()
        if lockout.is_locked_out(request, username):
            return lockout.lockout_response(request, username)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password", "password_incorrect"):
            lockout.count_failure(self.request, self.request.user.get_username())
        return super().form_invalid(form)

    def form_valid(self, form):
        lockout.sign_in_completed(self.request, self.request.user.get_username())
        return super().form_valid(form)
