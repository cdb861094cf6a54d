"""Each person's API token page (account menu, "API token"): make one, see it once, revoke it,
and the tokens made before."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView

from core.roles import RoleRequiredMixin
from reporting.api import services
from reporting.models import ApiToken

TEMPLATE = "reporting/api_token.html"


def _page_context(request: HttpRequest, **extra) -> dict:
    tokens = list(ApiToken.objects.filter(user=request.user))
    active = next((token for token in tokens if token.is_active), None)
    return {"active": active, "tokens": tokens, **extra}


class ApiTokenPageView(RoleRequiredMixin, TemplateView):
    """The person's token: when it was made and last used, and those they revoked."""

    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        return super().get_context_data(**_page_context(self.request), **kwargs)


class ApiTokenCreateView(RoleRequiredMixin, View):
    """Make a new token (revoking the one before) and show its key, this once."""

    def post(self, request: HttpRequest) -> HttpResponse:
        _, key = services.api_token_create(user=request.user)
        messages.success(request, "Your new API token is below. Copy it now: it is shown once.")
        return render(request, TEMPLATE, _page_context(request, new_key=key))


class ApiTokenRevokeView(RoleRequiredMixin, View):
    """Revoke the person's token: calls with it are refused from now on."""

    def post(self, request: HttpRequest) -> HttpResponse:
        if services.api_token_revoke(user=request.user):
            messages.success(request, "Your API token is revoked: it no longer works.")
        else:
            messages.info(request, "You had no API token to revoke.")
        return redirect("api_token")
