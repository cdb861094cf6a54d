"""`load_demo` creates the demo users once and changes nothing when run again."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from config import roles
from governance.demo_users import DEMO_USERS

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_users_are_created_with_their_roles_and_printed():
    output = _load()
    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.get(username=demo.username)
        assert user.check_password(demo.password)
        assert roles.roles_of(user) == {demo.role}
        assert f"{demo.username} / {demo.password}" in output


@pytest.mark.dates
def test_running_again_changes_nothing():
    _load()
    User = get_user_model()
    before = list(User.objects.order_by("pk").values())
    _load()
    assert list(User.objects.order_by("pk").values()) == before


def test_demo_users_can_sign_in(client):
    _load()
    for demo in DEMO_USERS:
        # Through the sign-in form: django-axes checks every sign-in against its request.
        response = client.post(
            reverse("login"), {"username": demo.username, "password": demo.password}
        )
        assert response.status_code == 302, demo.username
        client.post(reverse("logout"))
