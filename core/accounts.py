"""Signing in and changing one's password, with the limits of the sign-in protection."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

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


class SignInView(auth_views.LoginView):
    """The sign-in page: a password, or the organisation's account when single sign-on is on."""

    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = sso_configured()
        return context


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
