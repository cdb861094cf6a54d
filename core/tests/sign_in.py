"""Signing a test client in as someone, second factor included where they need one."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.session_renewal import RENEWED_AT
from core.two_factor.selectors import second_factor_required


def current_code(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now (by the frozen clock)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def verified_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def mark_verified(client: Client, user) -> None:
    """Mark the client's session as having entered the user's second factor, as the code
    page does (django_otp.login)."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    session.save()


def stamp_renewal(client: Client) -> None:
    """Stamp the session as renewed now, as signing in through the page does, so that the next
    request does not save it (core/session_renewal.py) and page query counts are the page's."""
    session = client.session
    session[RENEWED_AT] = int(time.time())
    session.save()


def sign_in(client: Client, user) -> Client:
    """force_login, then, for an administrator (or anyone who must), a verified second factor."""
    client.force_login(user)
    if second_factor_required(user):
        mark_verified(client, user)
    stamp_renewal(client)
    return client
