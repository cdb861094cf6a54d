"""Every page needs a signed-in user, except an explicit allow-list."""

import pytest
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from reporting.services import calendar_feed_for
from tests.urlwalk import all_urls

pytestmark = pytest.mark.django_db

# The only pages an anonymous visitor may open.
PUBLIC_URL_NAMES = {
    "login",
    "admin:login",
    "healthz",
    # A calendar application cannot sign in: the secret token in the address is the credential.
    "reporting:calendar_feed",
    # Single sign-on: the way to the organisation's sign-in page and back (404 unless
    # configured; core/tests/test_sso.py walks them).
    "sso_start",
    "sso_callback",
    # The partnerships' public pages (reporting/public/, README "Public pages").
    "public:index",
    "public:partnership",
    "public:you_said_we_did",
    "public:priorities",
    "public:contracts",
    "public:contracts_csv",
}
# Public pages whose address takes an argument, or that need configuration, opened by their
# own tests.
PUBLIC_WITH_ARGUMENTS = {
    "reporting:calendar_feed",
    "sso_start",
    "sso_callback",
    "public:partnership",
    "public:you_said_we_did",
    "public:priorities",
    "public:contracts",
    "public:contracts_csv",
}


# The JSON API (reporting/api/): a program calling it cannot follow a redirect to the sign-in
# page, so it answers 401 asking for a token instead. Its docs page is a page of the site.
API_PAGES_OF_THE_SITE = {"api:docs"}


def _is_api(name: str) -> bool:
    return name.startswith("api:") and name not in API_PAGES_OF_THE_SITE


LOGIN_PAGES = ("login", "admin:login")  # the admin sends its own pages to its own login


def _protected_urls():
    return [
        pytest.param(item, id=item.name)
        for item in all_urls()
        if item.name not in PUBLIC_URL_NAMES and not _is_api(item.name)
    ]


def _api_urls():
    return [pytest.param(item, id=item.name) for item in all_urls() if _is_api(item.name)]


@pytest.mark.parametrize("walked", _protected_urls())
def test_anonymous_visitor_is_sent_to_login(client, walked):
    response = client.get(walked.url)
    assert response.status_code == 302, walked
    location = response["Location"]
    assert location.startswith(tuple(reverse(name) for name in LOGIN_PAGES)), location
    assert "next=" in location


@pytest.mark.parametrize("walked", _api_urls())
def test_anonymous_api_caller_gets_401_asking_for_a_token(client, walked):
    response = client.get(walked.url)
    assert response.status_code == 401, walked
    assert response["WWW-Authenticate"] == "Token"
    assert "Location" not in response


def test_the_api_category_holds_the_api():
    names = {item.name for item in all_urls() if _is_api(item.name)}
    assert {"api:api-root", "api:schema", "api:action-list", "api:action-detail"} <= names
    assert len(names) == 2 + 2 * 12


def test_allow_list_names_real_pages():
    """A renamed public page must not leave a stale name that silently allows nothing."""
    names = {item.name for item in all_urls()}
    assert names >= PUBLIC_URL_NAMES


def test_walk_covers_the_admin_and_every_app():
    names = {item.name for item in all_urls()}
    assert "admin:index" in names
    assert "admin:auth_user_changelist" in names
    assert "home" in names


@pytest.mark.parametrize("name", sorted(PUBLIC_URL_NAMES - PUBLIC_WITH_ARGUMENTS))
def test_public_pages_open_without_signing_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_calendar_feed_opens_without_signing_in_only_with_its_token(client):
    feed = calendar_feed_for(user=CommissionerFactory())
    response = client.get(reverse("reporting:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    wrong = client.get(reverse("reporting:calendar_feed", args=[feed.token[:-1] + "x"]))
    assert wrong.status_code == 404


def test_static_files_are_served_without_signing_in(client):
    # WhiteNoise answers before the login middleware, so the login page can load its styles.
    response = client.get("/static/css/jcm.css")
    assert response.status_code == 200
    assert b"skip-link" in b"".join(response.streaming_content)
