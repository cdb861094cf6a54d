"""Sign-in protection: lockout after repeated wrong passwords, and idle sessions that expire."""

import pytest
from django.conf import settings
from django.urls import reverse

from governance.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def alex(db):
    return UserFactory(username="alex", password=PASSWORD)


def _sign_in(client, password, username="alex"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_even_with_the_right_password(client, alex):
    for _ in range(4):
        assert _sign_in(client, "wrong").status_code == 200
    fifth = _sign_in(client, "wrong")
    assert fifth.status_code == 429
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 429
    text = " ".join(response.content.decode().split())
    assert "Sign-in locked" in text
    assert "Too many wrong passwords" in text
    assert "locked for 30 minutes, even with the right password" in text
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in(client, alex):
    for _ in range(4):
        _sign_in(client, "wrong")
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alex.pk)


def test_a_successful_sign_in_resets_the_count(client, alex):
    for _ in range(4):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert _sign_in(client, "wrong").status_code == 200
    assert _sign_in(client, PASSWORD).status_code == 302


def test_lockout_is_per_username_and_address(client, alex):
    UserFactory(username="sam", password=PASSWORD)
    for _ in range(5):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD, username="sam").status_code == 302
    other_address = client.post(
        reverse("login"), {"username": "alex", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_lockout_settings():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_sessions_expire_after_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_each_request_renews_the_session(commissioner_client):
    commissioner_client.get(reverse("home"))
    cookie = commissioner_client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 30 * 60
