"""The two-factor pages: the account page, setting up an app, entering a code, backup codes."""

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token

from core import lockout
from core.two_factor.forms import CodeForm, SetupCodeForm
from core.two_factor.middleware import second_factor_not_required
from core.two_factor.selectors import (
    backup_codes_left,
    has_second_factor,
    second_factor_required,
)
from core.two_factor.services import (
    backup_codes_replace,
    secret_text,
    totp_device_confirm,
    totp_device_start,
)


def _next_url(request) -> str:
    """Where to go once verified: the page asked for, if it is on this site, else home."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse(settings.LOGIN_REDIRECT_URL)


class TwoFactorView(TemplateView):
    """Whether the user has two-factor authentication, and what they can do about it."""

    template_name = "two_factor/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["has_second_factor"] = has_second_factor(user)
        context["required"] = second_factor_required(user)
        context["backup_codes_left"] = backup_codes_left(user)
        return context


@method_decorator(second_factor_not_required, name="dispatch")
class TwoFactorSetupView(FormView):
    """Set up an authenticator app: a QR code and the secret as text, then a code to check it.
    Someone with an app already must enter its code first, so a stolen password cannot
    enrol another app."""

    template_name = "two_factor/setup.html"
    form_class = SetupCodeForm

    def dispatch(self, request, *args, **kwargs):
        if has_second_factor(request.user) and not request.user.is_verified():
            return redirect_to_verify(request)
        self.device = totp_device_start(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        qr = segno.make(self.device.config_url, error="m")
        context["qr_data_uri"] = qr.svg_data_uri(scale=5, border=2)
        context["secret"] = secret_text(self.device)
        context["next"] = _next_url(self.request)
        return context

    def form_valid(self, form):
        codes = totp_device_confirm(device=self.device, token=form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", "That code is not the one the app shows now. Try again.")
            return self.form_invalid(form)
        otp_login(self.request, self.device)
        lockout.sign_in_completed(self.request, self.request.user.get_username())
        return render(
            self.request,
            "two_factor/backup_codes.html",
            {"codes": codes, "next": _next_url(self.request), "just_set_up": True},
        )


def redirect_to_verify(request) -> HttpResponseRedirect:
    return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")


@method_decorator(second_factor_not_required, name="dispatch")
class TwoFactorVerifyView(FormView):
    """Enter a code from the app, or a backup code (each works once). A wrong code counts as a
    failed sign-in; at the limit the sign-in is locked, as after wrong passwords."""

    template_name = "two_factor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return HttpResponseRedirect(_next_url(request))
        if not has_second_factor(request.user):
            return redirect(
                f"{reverse('two_factor_setup')}?{urlencode({'next': _next_url(request)})}"
            )
        username = request.user.get_username()
        if request.method == "POST" and lockout.is_locked_out(request, username):
            return lockout.lockout_response(request, username)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = _next_url(self.request)
        return context

    def form_valid(self, form):
        user = self.request.user
        device = match_token(user, form.cleaned_data["code"])
        if device is None:
            lockout.count_failure(self.request, user.get_username())
            form.add_error("code", "That code is not right. Enter the code the app shows now.")
            return self.form_invalid(form)
        otp_login(self.request, device)
        lockout.sign_in_completed(self.request, user.get_username())
        return HttpResponseRedirect(_next_url(self.request))


class BackupCodesView(View):
    """New backup codes, shown once; the old ones stop working."""

    http_method_names = ["post"]

    def post(self, request):
        if not has_second_factor(request.user):
            messages.error(request, "Set up an authenticator app first.")
            return redirect("two_factor")
        codes = backup_codes_replace(user=request.user)
        return render(request, "two_factor/backup_codes.html", {"codes": codes})
