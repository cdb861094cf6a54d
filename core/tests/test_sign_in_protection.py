"""Sign-in protection: lockout after repeated wrong passwords, and idle sessions that expire."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from core.client_ip import client_ip
from core.tests.caches import expires_by_the_frozen_clock
from core.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates, pytest.mark.uses_cache]

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


@expires_by_the_frozen_clock
def test_the_lockout_ends_thirty_minutes_after_the_fifth_wrong_password(client, alex, clock):
    for _ in range(5):
        _sign_in(client, "wrong")
    # Not tried meanwhile: a try while locked out is one more failure, which counts afresh.
    clock.shift(dt.timedelta(minutes=31))
    assert _sign_in(client, PASSWORD).status_code == 302


def test_lockout_settings():
    # Cleared by a completed sign-in (core/lockout.py), not by a password alone.
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is False


def test_sessions_expire_after_thirty_idle_minutes_renewed_at_most_once_a_minute():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_RENEW_SECONDS == 60
    assert not getattr(settings, "SESSION_SAVE_EVERY_REQUEST", False)


def test_an_idle_session_ends_after_thirty_minutes_and_a_request_renews_it(
    commissioner_client, clock
):
    home = reverse("home")
    assert commissioner_client.get(home).status_code == 200
    clock.shift(dt.timedelta(minutes=29))
    assert commissioner_client.get(home).status_code == 200
    clock.shift(dt.timedelta(minutes=29))
    assert commissioner_client.get(home).status_code == 200
    clock.shift(dt.timedelta(minutes=31))
    response = commissioner_client.get(home)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_request_a_minute_after_the_last_renewal_renews_the_session(commissioner_client, clock):
    commissioner_client.get(reverse("home"))
    assert not commissioner_client.cookies[settings.SESSION_COOKIE_NAME]["max-age"]
    clock.shift(dt.timedelta(seconds=settings.SESSION_RENEW_SECONDS))
    commissioner_client.get(reverse("home"))
    cookie = commissioner_client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 30 * 60


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "203.0.113.7"),
        # A client's own X-Forwarded-For entries sit left of the proxy's, and are ignored.
        (
            1,
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"},
            "203.0.113.7",
        ),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7, 10.0.0.1"},
            "203.0.113.7",
        ),
        # A proxy that added nothing: the connection's own address.
        (1, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
    ],
)
def test_client_address_behind_trusted_proxies(rf, settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(rf.get("/", **meta)) == expected


def test_behind_a_proxy_lockout_is_per_client_not_per_proxy(client, alex, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(5):
        client.post(reverse("login"), {"username": "alex", "password": "wrong"}, **attacker)
    locked = client.post(reverse("login"), {"username": "alex", "password": PASSWORD}, **attacker)
    assert locked.status_code == 429
    # Claiming another address in the header changes nothing: the proxy's entry counts.
    spoofed = {**proxy, "HTTP_X_FORWARDED_FOR": "192.0.2.1, 198.51.100.66"}
    again = client.post(reverse("login"), {"username": "alex", "password": PASSWORD}, **spoofed)
    assert again.status_code == 429
    colleague = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    response = client.post(
        reverse("login"), {"username": "alex", "password": PASSWORD}, **colleague
    )
    assert response.status_code == 302


def _change_password(client, old):
    return client.post(
        reverse("password_change"),
        {
            "old_password": old,
            "new_password1": "another-long-passphrase-2026",
            "new_password2": "another-long-passphrase-2026",
        },
    )


def test_five_wrong_current_passwords_lock_the_password_change_like_sign_in(client, alex):
    """Twenty wrong current passwords, then the right one, used to be all accepted."""
    client.force_login(alex)
    for _ in range(4):
        response = _change_password(client, "wrong")
        assert response.status_code == 200
        assert "Your old password was entered incorrectly" in response.content.decode()
    assert _change_password(client, "wrong").status_code == 429
    locked = _change_password(client, PASSWORD)
    assert locked.status_code == 429
    text = " ".join(locked.content.decode().split())
    assert "Sign-in locked" in text
    assert "locked for 30 minutes, even with the right password" in text
    alex.refresh_from_db()
    assert alex.check_password(PASSWORD)
    # The same count as signing in: that is locked too.
    client.post(reverse("logout"))
    assert _sign_in(client, PASSWORD).status_code == 429


def test_wrong_current_passwords_and_wrong_sign_ins_add_up(client, alex):
    for _ in range(3):
        _sign_in(client, "wrong")
    client.force_login(alex)
    _change_password(client, "wrong")
    assert _change_password(client, "wrong").status_code == 429


def test_a_password_change_with_the_right_current_password_clears_the_count(client, alex):
    client.force_login(alex)
    for _ in range(4):
        _change_password(client, "wrong")
    assert _change_password(client, PASSWORD).url == reverse("password_change_done")
    client.post(reverse("logout"))
    for _ in range(4):
        assert _sign_in(client, "wrong").status_code == 200


def test_an_empty_current_password_is_not_counted(client, alex):
    client.force_login(alex)
    for _ in range(6):
        assert _change_password(client, "").status_code == 200


@pytest.mark.parametrize("length", [151, 256, 1000])
def test_an_over_long_username_is_refused_at_the_form(client, alex, length):
    """A 256-character username answered 500 on PostgreSQL: django-axes wrote it to a
    255-character column."""
    response = _sign_in(client, "wrong", username="a" * length)
    assert response.status_code == 200
    assert "Enter a username of at most 150 characters." in response.content.decode()


def test_an_over_long_username_is_refused_with_attempts_in_the_database(client, alex, settings):
    """The same through django-axes' database handler, as in production (not the test cache)."""
    from axes.handlers.proxy import AxesProxyHandler
    from axes.models import AccessAttempt

    settings.AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
    AxesProxyHandler.get_implementation(force=True)
    try:
        response = _sign_in(client, "wrong", username="a" * 256)
        assert response.status_code == 200
        assert "Enter a username of at most 150 characters." in response.content.decode()
        _sign_in(client, "wrong")
        assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
            ("alex", 1)
        ]
    finally:
        settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
        AxesProxyHandler.get_implementation(force=True)


def test_a_username_of_150_characters_is_still_checked(client):
    UserFactory(username="b" * 150, password=PASSWORD)
    assert _sign_in(client, PASSWORD, username="b" * 150).status_code == 302


def test_the_admin_password_change_goes_to_the_page_that_counts_wrong_passwords(
    administrator_client,
):
    """Django admin's own password change page had no attempt limit."""
    response = administrator_client.post("/admin/password_change/", {"old_password": "wrong"})
    assert response.url == reverse("password_change")


def test_an_over_long_username_is_refused_at_the_admin_sign_in_too(client, alex):
    response = client.post(
        reverse("admin:login"), {"username": "a" * 256, "password": "wrong", "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "Enter a username of at most 150 characters." in response.content.decode()
