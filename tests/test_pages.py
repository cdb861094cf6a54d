"""Signing in and out, the home page per role, the health check and the security headers."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from core.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_login_page_is_styled_and_signs_in(client):
    user = UserFactory(username="alex", password="a-long-enough-passphrase")
    page = client.get(reverse("login"))
    assert b"Sign in" in page.content
    assert b"bootstrap.min" in page.content
    response = client.post(
        reverse("login"), {"username": "alex", "password": "a-long-enough-passphrase"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_message(client):
    UserFactory(username="alex", password="a-long-enough-passphrase")
    response = client.post(reverse("login"), {"username": "alex", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_ends_the_session(commissioner_client):
    response = commissioner_client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in commissioner_client.session
    assert commissioner_client.get(reverse("home")).status_code == 302


def test_password_change(client):
    user = UserFactory(username="alex", password="a-long-enough-passphrase")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "a-long-enough-passphrase",
            "new_password1": "another-long-passphrase-2026",
            "new_password2": "another-long-passphrase-2026",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase-2026")


def test_password_change_rejects_a_weak_password(client):
    user = UserFactory(username="alex", password="a-long-enough-passphrase")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "a-long-enough-passphrase",
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "This password is too common" in response.content.decode()


@pytest.mark.parametrize(
    ("client_fixture", "expected"),
    [
        ("commissioner_client", "As a commissioner you can"),
        ("board_member_client", "As a board member you can"),
        ("administrator_client", "As an administrator you can"),
    ],
)
def test_home_page_tells_each_role_what_it_can_do(request, client_fixture, expected):
    response = request.getfixturevalue(client_fixture).get(reverse("home"))
    content = response.content.decode()
    assert expected in content
    others = {
        "As a commissioner you can",
        "As a board member you can",
        "As an administrator you can",
    } - {expected}
    assert not any(other in content for other in others)


def test_administration_link_is_shown_only_to_administrators(
    administrator_client, board_member_client
):
    assert reverse("admin:index") in administrator_client.get(reverse("home")).content.decode()
    assert reverse("admin:index") not in board_member_client.get(reverse("home")).content.decode()


def test_user_without_a_role_is_told_to_ask_for_one(client, user_without_role):
    client.force_login(user_without_role)
    assert "has no role yet" in client.get(reverse("home")).content.decode()


def test_every_page_shows_the_product_version_and_a_skip_link(commissioner_client):
    content = commissioner_client.get(reverse("home")).content.decode()
    assert "version 0.1.0" in content
    assert 'href="#main-content"' in content
    assert "<title>Home – Joint Commissioning Manager</title>" in content


def test_health_check_answers_200_when_the_database_is_up(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_answers_503_when_the_database_is_down(client):
    with mock.patch(
        "core.views.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_security_headers_are_sent(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_is_branded(administrator_client):
    content = administrator_client.get(reverse("admin:index")).content.decode()
    assert "Joint Commissioning Manager administration" in content


def test_a_refused_form_shows_a_summary_linking_each_error_to_its_field(client):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    content = response.content.decode()
    assert "data-error-summary" in content
    assert 'href="#id_username"' in content
    assert 'href="#id_password"' in content
