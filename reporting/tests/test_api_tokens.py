"""Each person's API token: the page that makes, shows once and revokes it, and the command."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from reporting.api.throttling import PerTokenThrottle
from reporting.models import ApiToken
from reporting.models.api_tokens import digest_of
from reporting.tests.api import token_client

pytestmark = pytest.mark.django_db


def _calls_with(key: str) -> int:
    client = Client(headers={"Authorization": f"Token {key}"})
    return client.get(reverse("api:action-list")).status_code


def test_the_page_makes_a_token_shows_it_once_and_revokes_it(board_member, board_member_client):
    page = board_member_client.get(reverse("api_token"))
    assert "You have no token." in page.content.decode()
    made = board_member_client.post(reverse("api_token_create"))
    assert made.status_code == 200
    key = made.context["new_key"]
    assert key in made.content.decode()
    assert "Copy it now: it is shown only this once" in made.content.decode()
    token = ApiToken.objects.get(user=board_member)
    assert token.digest == digest_of(key) and key not in token.digest
    assert _calls_with(key) == 200
    again = board_member_client.get(reverse("api_token")).content.decode()
    assert key not in again
    assert f"starting <code>{token.shown_part}</code>" in again
    revoked = board_member_client.post(reverse("api_token_revoke"), follow=True)
    assert "Your API token is revoked" in revoked.content.decode()
    assert _calls_with(key) == 401
    history = board_member_client.get(reverse("api_token")).content.decode()
    assert "You have no token." in history and token.shown_part in history


def test_a_new_token_revokes_the_one_before(board_member, board_member_client):
    first = board_member_client.post(reverse("api_token_create")).context["new_key"]
    second = board_member_client.post(reverse("api_token_create")).context["new_key"]
    assert _calls_with(first) == 401
    assert _calls_with(second) == 200
    assert ApiToken.objects.filter(user=board_member).count() == 2
    assert ApiToken.objects.active().filter(user=board_member).count() == 1


def test_the_token_page_is_in_the_account_menu(board_member_client):
    assert reverse("api_token") in board_member_client.get(reverse("home")).content.decode()


def test_a_token_records_when_it_was_last_used(board_member, board_member_client):
    key = board_member_client.post(reverse("api_token_create")).context["new_key"]
    assert ApiToken.objects.get(user=board_member).last_used_at is None
    _calls_with(key)
    assert ApiToken.objects.get(user=board_member).last_used_at is not None


def test_the_command_prints_a_token_and_revokes_it(commissioner, capsys):
    call_command("api_token", commissioner.username)
    key = capsys.readouterr().out.strip()
    assert key.startswith("jcm_")
    assert _calls_with(key) == 200
    call_command("api_token", commissioner.username, "--revoke")
    assert _calls_with(key) == 401


def test_the_command_names_an_unknown_username():
    with pytest.raises(Exception, match="No one has the username 'nobody'"):
        call_command("api_token", "nobody")


def test_calls_beyond_the_rate_answer_429_per_token(monkeypatch):
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"api": "2/m"})
    busy, other = token_client(CommissionerFactory()), token_client(CommissionerFactory())
    url = reverse("api:action-list")
    assert [busy.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert other.get(url).status_code == 200
