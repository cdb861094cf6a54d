"""Each partnership sees its own: no page a person of one partnership opens shows a record of
another, and a record shared with their partnership is seen by both and kept by its lead.

The guard builds a whole world of records in each of two partnerships, walks every page of the
product that names no object (lists, dashboards, exports) as each role of each, and looks for
the names of the other partnership's records in what comes back.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.partnerships import SESSION_KEY, partnerships_of
from core.tests.factories import default_partnership_as
from core.tests.sign_in import sign_in
from tests.matrix import MATRIX, make_world

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# Shared by every partnership, or personal: their names may appear anywhere. A partnership's
# own name is offered on others' pages too (whom to share an activity or contract with).
NOT_A_PARTNERSHIPS = {"term", "provider", "calendar_feed", "notification", "partnership"}


def _list_pages() -> list[str]:
    return sorted(
        name
        for name, rule in MATRIX.items()
        if "object" not in rule and rule.get("get", {}).get("lead") == 200
    )


def _names(world: dict) -> set[str]:
    return {
        str(obj)
        for key, obj in world["objects"].items()
        if key not in NOT_A_PARTNERSHIPS and len(str(obj)) > 6
    }


def _shows(content: str, name: str) -> bool:
    # "Young carers support 1" is not "Young carers support 12".
    return re.search(re.escape(name) + r"(?!\d)", content) is not None


@pytest.fixture
def worlds():
    halton = make_world()
    with default_partnership_as("West Cheshire"):
        west_cheshire = make_world()
    return (halton, west_cheshire)


def test_no_page_shows_another_partnerships_records(worlds):
    """A person's lists, dashboards and exports hold none of the other partnership's records,
    for each role of each partnership."""
    leaks = []
    for ours, theirs in (worlds, worlds[::-1]):
        # A name both worlds' factories give (an objective's default text) tells nothing.
        their_names, seen_own = _names(theirs) - _names(ours), set()
        for role in ("lead", "board", "admin"):
            client = Client()
            sign_in(client, ours["people"][role])
            for name in _list_pages():
                content = client.get(reverse(name)).content.decode(errors="replace")
                leaks += [(role, name, other) for other in their_names if _shows(content, other)]
                seen_own |= {own for own in _names(ours) if _shows(content, own)}
        # The walk can fail: each partnership's own records are on these pages.
        assert len(seen_own) >= 5, seen_own
    assert leaks == []


def test_each_partnership_sees_its_own_action_list(worlds):
    halton, west_cheshire = worlds
    for world, other in ((halton, west_cheshire), (west_cheshire, halton)):
        client = Client()
        client.force_login(world["people"]["board"])
        content = client.get(reverse("priorities:action_list")).content.decode()
        assert str(world["objects"]["action"]) in content
        assert str(other["objects"]["action"]) not in content


@given(
    partnership=st.one_of(st.text(max_size=20), st.integers().map(str)),
    next_url=st.one_of(
        st.text(max_size=60),
        st.sampled_from(["//evil.example/", "https://evil.example/x", "/priorities/actions/"]),
    ),
)
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_switcher_takes_any_input_and_switches_only_to_ones_own(worlds, partnership, next_url):
    """Fuzzed posts to the switcher: never an error, never another's partnership, never away."""
    halton, west_cheshire = worlds
    person = halton["people"]["board"]
    client = Client()
    client.force_login(person)
    response = client.post(
        reverse("switch_partnership"), {"partnership": partnership, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith("//")
    assert client.session.get(SESSION_KEY) in (None, *[p.pk for p in partnerships_of(person)])
