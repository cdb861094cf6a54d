"""`load_demo` creates the demo users once and changes nothing when run again."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from core import roles
from core.demo_users import DEMO_ADMINISTRATOR_TOTP_SECRET, DEMO_USERS

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def first_run_output(demo) -> str:
    """What the session's first `load_demo`, into an empty database, printed."""
    return demo.output


def test_demo_users_are_created_with_their_roles_and_printed(first_run_output):
    output = first_run_output
    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.get(username=demo.username)
        assert user.check_password(demo.password)
        assert roles.roles_of(user) == {demo.role}
        assert f"{demo.username} / {demo.password}" in output


@pytest.mark.dates
@pytest.mark.usefixtures("demo")  # the first run
def test_running_again_changes_nothing():
    User = get_user_model()
    before = list(User.objects.order_by("pk").values())
    _load()
    assert list(User.objects.order_by("pk").values()) == before


@pytest.mark.usefixtures("demo")
def test_demo_users_can_sign_in(client):
    for demo in DEMO_USERS:
        # Through the sign-in form: django-axes checks every sign-in against its request.
        response = client.post(
            reverse("login"), {"username": demo.username, "password": demo.password}
        )
        assert response.status_code == 302, demo.username
        client.post(reverse("logout"))


@pytest.mark.usefixtures("demo")
def test_the_demo_administrator_enters_the_code_of_the_printed_secret(client, first_run_output):
    assert f"two-factor secret: {DEMO_ADMINISTRATOR_TOTP_SECRET}" in first_run_output
    response = client.post(
        reverse("login"), {"username": "administrator", "password": "demo-administrator-2026"}
    )
    assert client.get(response.url).url.startswith(reverse("two_factor_verify"))
    out = StringIO()
    call_command("demo_code", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6
    verified = client.post(reverse("two_factor_verify"), {"code": code}, follow=True)
    assert verified.resolver_match.url_name == "home"
    assert "As an administrator you can" in verified.content.decode()
