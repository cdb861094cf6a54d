"""The main navigation's menus: the open page's menu and link marked, drawn once per page."""

import re

import pytest
from django.urls import reverse

from conftest import _signed_in
from core.templatetags import navigation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_drawn_yet(monkeypatch):
    """Each test starts before any page drew the menus in this process."""
    monkeypatch.setattr(navigation, "_drawn", {})


MENUS = "_partials/nav_sections.html"


def _templates(response) -> list[str]:
    return [template.name for template in response.templates]


def _current_link(page: str) -> str:
    [link] = re.findall(r'<a class="dropdown-item active" aria-current="page" href="([^"]+)"', page)
    return link


def _active_menus(page: str) -> list[str]:
    return re.findall(r'class="nav-link dropdown-toggle active"[^>]*>([^<]+)</button>', page)


def test_each_page_marks_its_own_menu_and_link(commissioner_client):
    actions = commissioner_client.get(reverse("priorities:action_list")).content.decode()
    contracts = commissioner_client.get(reverse("commissioning:contract_list")).content.decode()
    again = commissioner_client.get(reverse("priorities:action_list")).content.decode()

    assert _current_link(actions) == _current_link(again) == reverse("priorities:action_list")
    assert _active_menus(actions) == ["Priorities"]
    assert _current_link(contracts) == reverse("commissioning:contract_list")
    assert _active_menus(contracts) == ["Commissioning"]


def test_the_menus_are_drawn_once_for_a_page_then_kept(commissioner_client):
    url = reverse("governance:structure")
    first = commissioner_client.get(url)
    second = commissioner_client.get(url)

    assert MENUS in _templates(first)
    assert MENUS not in _templates(second)
    assert _current_link(second.content.decode()) == url


def test_a_user_without_a_role_gets_no_menus_where_a_commissioner_does(
    user_without_role, commissioner_client
):
    home = reverse("home")
    without_role = _signed_in(user_without_role).get(home).content.decode()
    commissioner = commissioner_client.get(home).content.decode()

    assert "Frameworks and priorities" not in without_role
    assert "Frameworks and priorities" in commissioner
