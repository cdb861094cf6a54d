"""Single sign-on with the organisation's account over OpenID Connect (mozilla-django-oidc),
such as Microsoft Entra ID, which councils and NHS bodies use.

Off unless configured (the OIDC_* settings, README "Single sign-on"). A person is matched to
their account by email address, ignoring case; nobody gets an account by signing in: an
administrator adds each person, with the address their organisation gives them, and their
role, first. (A public-sector service decides who may see its records; an account made on
the fly for anyone in the tenant would be one nobody decided on.) Passwords keep working.
"""

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from core.context_processors import PRODUCT_NAME

REQUIRED_SETTINGS = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
FAILED = (
    "Signing in with your organisation's account did not work. Try again, or sign in with "
    "your username and password."
)


def sso_configured() -> bool:
    """Whether single sign-on is on: every setting it needs is set."""
    return all(getattr(settings, name, "") for name in REQUIRED_SETTINGS)


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    """Signs in the one active account whose email is the ID token's, or nobody."""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()
        # The library reads its settings here; unconfigured, the backend just answers None.
        if sso_configured():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        # Only the callback's call (with its nonce), never a password sign-in.
        if not sso_configured() or "nonce" not in kwargs or "password" in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        """The library checks the signature, expiry and nonce; also check who issued the token
        and that it was issued to this application."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued to another application.")
        if payload.get("iss") != settings.OIDC_OP_ISSUER:
            raise SuspiciousOperation("The ID token was issued by another provider.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The verified ID token's claims: no call to a user-info endpoint."""
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        email = (payload.get("email") or "").strip()
        if not email:
            return self._refuse(
                "Your organisation's account did not give an email address, so it cannot be "
                "matched to an account here. Ask your partnership's administrator."
            )
        users = list(self.UserModel.objects.filter(email__iexact=email)[:2])
        if not users:
            return self._refuse(
                f"{PRODUCT_NAME} has no account for {email}. Ask your partnership's "
                "administrator to add you, with this email address, first."
            )
        if len(users) > 1:
            return self._refuse(
                f"More than one account here has the email address {email}. Ask your "
                "partnership's administrator to keep it on one account only."
            )
        if not self.user_can_authenticate(users[0]):
            return self._refuse(
                "Your account here is switched off. Ask your partnership's administrator."
            )
        return users[0]

    def _refuse(self, reason: str) -> None:
        self.request.sso_refusal = reason
        return None

    def get_user(self, user_id):
        # Django's check that the account is still active on every request.
        return ModelBackend.get_user(self, user_id)


@method_decorator(login_not_required, name="dispatch")
class SignInStartView(OIDCAuthenticationRequestView):
    """Send the browser to the organisation's sign-in page (404 while single sign-on is off)."""

    def __init__(self, *args, **kwargs):
        if sso_configured():
            super().__init__(*args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if not sso_configured():
            raise Http404("Single sign-on is not configured.")
        return super().dispatch(request, *args, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class SignInCallbackView(OIDCAuthenticationCallbackView):
    """Where the organisation's sign-in page sends the browser back, with a code."""

    def dispatch(self, request, *args, **kwargs):
        if not sso_configured():
            raise Http404("Single sign-on is not configured.")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException):
            # A state this browser never started (a replayed or forged callback), a token
            # that fails its checks, or a provider that did not answer.
            return self.login_failure()

    def login_failure(self):
        messages.error(self.request, getattr(self.request, "sso_refusal", FAILED))
        return redirect("login")
