"""Single sign-on with the organisation's account, walked through a real OpenID Connect
provider on 127.0.0.1 (core/tests/oidc_provider.py): the Django test client is the browser,
and the app's token and key requests go to the provider over real sockets."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.tests import oidc_provider
from core.tests.factories import AdministratorFactory, CommissionerFactory

pytestmark = pytest.mark.django_db

BUTTON = "Sign in with your organisation's account"


@pytest.fixture
def provider():
    provider = oidc_provider.Provider()
    server = oidc_provider.start(provider)
    yield provider
    server.shutdown()
    server.server_close()


@pytest.fixture
def sso(provider, settings):
    """Configure single sign-on as an administrator would, from the provider's discovery."""
    discovery = requests.get(
        f"{provider.base_url}/.well-known/openid-configuration", timeout=5
    ).json()
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.OIDC_OP_ISSUER = discovery["issuer"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
    return provider


def _walk(client, next_url: str = ""):
    """Press the button, sign in at the provider, come back: the app's last answer."""
    start = client.get(reverse("sso_start") + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    authorize = start.url
    query = parse_qs(urlsplit(authorize).query)
    assert query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"]
    assert "nonce" in query
    at_provider = requests.get(authorize, allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    assert back.path == reverse("sso_callback")
    return client.get(f"{back.path}?{back.query}")


def test_the_button_shows_only_when_single_sign_on_is_configured(client, settings, sso):
    assert BUTTON in client.get(reverse("login")).content.decode()
    settings.OIDC_RP_CLIENT_ID = ""
    assert BUTTON not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("sso_start")).status_code == 404
    assert client.get(reverse("sso_callback") + "?code=x&state=y").status_code == 404


def test_a_known_email_signs_in_whatever_its_case(client, sso):
    alex = CommissionerFactory(email="Alex@Example.org", first_name="Alex", last_name="Lee")
    sso.email = "alex@EXAMPLE.org"
    response = _walk(client, next_url=reverse("priorities:my_actions"))
    assert response.url == reverse("priorities:my_actions")
    assert client.session["_auth_user_id"] == str(alex.pk)
    home = client.get(reverse("home"))
    assert "Alex Lee" in home.content.decode()
    assert "As a commissioner you can" in home.content.decode()
    # The token request carried the client's secret and the PKCE verifier, over HTTP.
    (token_request,) = sso.token_requests
    assert token_request["grant_type"] == "authorization_code"
    assert token_request["code_verifier"]


def test_an_unknown_email_gets_no_account_and_is_told_to_ask_an_administrator(client, sso):
    sso.email = "new.person@example.org"
    users_before = get_user_model().objects.count()
    response = _walk(client)
    assert response.url == reverse("login")
    page = client.get(reverse("login"))
    text = " ".join(page.content.decode().split())
    assert "has no account for new.person@example.org" in text
    assert "Ask your partnership&#x27;s administrator to add you" in text
    assert get_user_model().objects.count() == users_before
    assert "_auth_user_id" not in client.session


def test_an_administrator_signed_in_by_their_organisation_still_enters_a_code(client, sso):
    AdministratorFactory(email="alex@example.org")
    _walk(client)
    response = client.get("/admin/")
    assert response.url.startswith(reverse("two_factor_setup"))


def test_a_switched_off_account_is_refused(client, sso):
    CommissionerFactory(email="alex@example.org", is_active=False)
    _walk(client)
    assert "_auth_user_id" not in client.session
    assert "switched off" in client.get(reverse("login")).content.decode()


@pytest.mark.parametrize(
    "tampering",
    [
        {"aud": "another-application"},
        {"iss": "https://login.example.net/another-tenant/v2.0"},
        {"nonce": "not-the-one-sent"},
    ],
    ids=["audience", "issuer", "nonce"],
)
def test_an_id_token_for_another_app_issuer_or_sign_in_is_refused(client, sso, tampering):
    CommissionerFactory(email="alex@example.org")
    sso.token_overrides = tampering
    response = _walk(client)
    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session
    assert "did not work" in client.get(reverse("login")).content.decode()


def test_an_id_token_signed_by_another_key_is_refused(client, sso):
    CommissionerFactory(email="alex@example.org")
    sso.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _walk(client)
    assert "_auth_user_id" not in client.session


def test_a_callback_this_browser_did_not_start_is_refused(client, sso):
    CommissionerFactory(email="alex@example.org")
    _walk(client)  # another browser's sign-in
    other = client.__class__()
    response = other.get(reverse("sso_callback") + "?code=stolen&state=forged")
    assert response.url == reverse("login")
    assert "_auth_user_id" not in other.session


def test_passwords_still_sign_in_with_single_sign_on_on(client, sso):
    CommissionerFactory(username="cam", password="a-long-enough-passphrase")
    response = client.post(
        reverse("login"), {"username": "cam", "password": "a-long-enough-passphrase"}
    )
    assert response.status_code == 302
    assert sso.token_requests == []
