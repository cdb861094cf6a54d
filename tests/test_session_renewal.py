"""The session is renewed at most once a minute, and still ends after 30 idle minutes."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _session_writes(client, url: str) -> tuple[list[str], int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    writes = [
        query["sql"]
        for query in captured
        if "django_session" in query["sql"]
        and query["sql"].upper().startswith(("UPDATE", "INSERT"))
    ]
    return writes, response.status_code


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_request_within_the_minute_writes_no_session(commissioner_client, clock):
    home = reverse("home")
    commissioner_client.get(home)
    clock.shift(dt.timedelta(seconds=settings.SESSION_RENEW_SECONDS - 1))

    writes, status = _session_writes(commissioner_client, home)

    assert status == 200
    assert writes == []


def test_a_request_a_minute_later_renews_the_session(commissioner_client, clock):
    home = reverse("home")
    commissioner_client.get(home)
    before = _expiry(commissioner_client)
    clock.shift(dt.timedelta(seconds=settings.SESSION_RENEW_SECONDS))

    writes, status = _session_writes(commissioner_client, home)

    assert status == 200
    assert len(writes) == 1 and writes[0].upper().startswith("UPDATE")
    assert _expiry(commissioner_client) - before == dt.timedelta(
        seconds=settings.SESSION_RENEW_SECONDS
    )


def test_a_session_used_every_few_minutes_outlives_the_idle_time(commissioner_client, clock):
    home = reverse("home")
    for _ in range(8):  # 40 minutes in all, never 30 idle
        clock.shift(dt.timedelta(minutes=5))
        assert commissioner_client.get(home).status_code == 200


def test_a_session_idle_past_the_idle_time_is_signed_out(commissioner_client, clock):
    home = reverse("home")
    commissioner_client.get(home)
    clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1))

    response = commissioner_client.get(home)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signing_out_leaves_no_session_behind(commissioner_client, clock):
    """Renewing must not start a new session for someone who has just signed out."""
    commissioner_client.get(reverse("home"))
    clock.shift(dt.timedelta(minutes=2))
    commissioner_client.post(reverse("logout"))

    assert Session.objects.count() == 0
