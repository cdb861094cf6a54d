"""Two-factor authentication: required of administrators before any page, available to
everyone, a wrong code refused and counted like a wrong password, backup codes once each."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.tests.factories import AdministratorFactory, CommissionerFactory
from core.tests.sign_in import current_code, verified_device
from core.two_factor.services import backup_codes_replace

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PASSWORD = "correct-horse-battery-staple"  # the factories' password


@pytest.fixture
def admin(db):
    return AdministratorFactory(username="ade")


@pytest.fixture
def admin_app(admin) -> TOTPDevice:
    return verified_device(admin)


def _sign_in(client, username="ade", password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def _verify(client, code, next_url=""):
    return client.post(reverse("two_factor_verify"), {"code": code, "next": next_url})


def _text(response) -> str:
    return " ".join(response.content.decode().split())


def test_an_administrator_without_an_app_is_sent_to_set_one_up_before_any_page(client, admin):
    _sign_in(client)
    for url in (reverse("home"), reverse("priorities:action_list"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == f"{reverse('two_factor_setup')}?next={url}"


def test_an_unverified_administrator_is_asked_for_the_code_before_any_page(client, admin_app):
    _sign_in(client)
    for url in (reverse("home"), "/admin/auth/user/"):
        response = client.get(url)
        assert response.url == f"{reverse('two_factor_verify')}?next={url}"
    page = client.get(reverse("two_factor_verify"))
    assert "Enter your code" in _text(page)


def test_a_wrong_code_is_refused_and_the_right_one_opens_the_page_asked_for(client, admin_app):
    _sign_in(client)
    wrong = _verify(client, "000000" if current_code(admin_app) != "000000" else "111111")
    assert wrong.status_code == 200
    assert "That code is not right" in _text(wrong)
    assert client.get("/admin/").status_code == 302
    right = _verify(client, current_code(admin_app), next_url="/admin/")
    assert right.url == "/admin/"
    assert "Providers, contracts, organisations and users" in _text(client.get("/admin/"))


def test_a_backup_code_works_once(client, admin, admin_app):
    code = backup_codes_replace(user=admin)[0]
    _sign_in(client)
    assert _verify(client, code).url == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    _sign_in(client)
    again = _verify(client, code)
    assert "That code is not right" in _text(again)
    assert not StaticToken.objects.filter(token=code).exists()


def test_five_wrong_codes_lock_the_sign_in_like_five_wrong_passwords(client, admin_app):
    _sign_in(client)
    for _ in range(4):
        assert _verify(client, "999999x").status_code == 200
    fifth = _verify(client, "999999x")
    assert fifth.status_code == 429
    locked = _verify(client, current_code(admin_app))
    assert locked.status_code == 429
    assert "Sign-in locked" in _text(locked)
    assert "locked for 30 minutes, even with the right password" in _text(locked)
    client.post(reverse("logout"))
    assert _sign_in(client).status_code == 429


def test_signing_in_again_does_not_clear_the_count_of_wrong_codes(client, admin_app):
    """A password sign-in used to clear the count, so signing in again bought more guesses."""
    _sign_in(client)
    for _ in range(4):
        _verify(client, "999999x")
    client.post(reverse("logout"))
    assert _sign_in(client).status_code == 302
    assert _verify(client, "999999x").status_code == 429


def test_the_right_code_clears_the_count(client, admin_app, clock):
    _sign_in(client)
    for _ in range(4):
        _verify(client, "999999x")
    assert _verify(client, current_code(admin_app)).status_code == 302
    client.post(reverse("logout"))
    _sign_in(client)
    for _ in range(4):
        assert _verify(client, "999999x").status_code == 200


def _setup_secret(page) -> str:
    return re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)


def test_setting_up_shows_a_qr_code_and_the_secret_then_the_backup_codes_once(client, admin):
    _sign_in(client)
    page = client.get(reverse("two_factor_setup"))
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    assert _setup_secret(page).replace(" ", "") == _b32(device)
    wrong = client.post(reverse("two_factor_setup"), {"code": "12345x"})
    assert "not the one the app shows now" in _text(wrong)
    done = client.post(reverse("two_factor_setup"), {"code": current_code(device), "next": "/"})
    assert "Two-factor authentication is on" in _text(done)
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", done.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200
    account = client.get(reverse("two_factor"))
    assert "10 backup codes left" in _text(account)
    assert codes[0] not in account.content.decode()


def _b32(device) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


def test_a_stolen_password_cannot_set_up_another_app(client, admin_app):
    _sign_in(client)
    response = client.get(reverse("two_factor_setup"))
    assert response.url.startswith(reverse("two_factor_verify"))
    assert not TOTPDevice.objects.filter(confirmed=False).exists()


def test_others_are_not_asked_until_they_set_it_up_from_their_account_menu(client):
    CommissionerFactory(username="cam")
    _sign_in(client, "cam")
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert f'href="{reverse("two_factor")}"' in home.content.decode()
    assert "Off." in _text(client.get(reverse("two_factor")))
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user__username="cam")
    client.post(reverse("two_factor_setup"), {"code": current_code(device)})
    client.post(reverse("logout"))
    _sign_in(client, "cam")
    assert client.get(reverse("home")).url.startswith(reverse("two_factor_verify"))


def test_new_backup_codes_replace_the_old_ones(administrator_client, administrator):
    old = backup_codes_replace(user=administrator)
    response = administrator_client.post(reverse("two_factor_backup_codes"))
    new = re.findall(r"<li>([a-z0-9]{8})</li>", response.content.decode())
    assert len(new) == 10
    left = set(
        StaticToken.objects.filter(device__user=administrator).values_list("token", flat=True)
    )
    assert left == set(new)
    assert not left & set(old)


def test_the_admin_lists_devices_but_never_shows_their_secrets(administrator_client, admin):
    device = verified_device(admin)
    code = backup_codes_replace(user=admin)[0]
    page = administrator_client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    static = admin.staticdevice_set.get()
    codes_page = administrator_client.get(
        reverse("admin:otp_static_staticdevice_change", args=[static.pk])
    )
    assert codes_page.status_code == 200
    assert code not in codes_page.content.decode()


def test_before_the_code_an_administrator_may_still_sign_out_and_stay_signed_in(client, admin_app):
    _sign_in(client)
    keep_alive = client.post(reverse("session_keep_alive"))
    assert keep_alive.status_code == 200
    assert client.post(reverse("logout")).url == reverse("login")
    assert "_auth_user_id" not in client.session
