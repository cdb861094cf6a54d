"""Who may open every page of the product: one table, every URL name, every role.

Each row names the object its URL needs and the status each role gets, in the column order
of ROLES: anonymous, the commissioner leading the priority, another commissioner, a board
member, an administrator. "post" is checked for pages that take a form (an empty POST: the
form is refused, so 200 means "allowed in, and nothing saved"; 400 means the page let the role
in and then refused the empty POST as a bad request). A URL name missing from the table fails
`test_every_url_has_a_rule`, so a new view cannot ship without a rule.
Django admin has its own permission checks and is left out.

A second dimension: the people of another partnership (a commissioner, a board member and an
administrator of West Cheshire, where every object belongs to Halton) get 404 from every URL
that names an object, as if it did not exist.
"""

import pytest
from django.test import Client
from django.urls import reverse

from core import roles
from core.tests.factories import PartnershipFactory, UserFactory, give_role
from core.tests.sign_in import sign_in
from tests.matrix import MATRIX, make_world, url_args
from tests.urlwalk import all_urls

pytestmark = pytest.mark.django_db


def _product_url_names() -> set[str]:
    return {item.name for item in all_urls() if not item.name.startswith("admin:")}


def test_every_url_has_a_rule():
    """A view added without a row here fails; so does a row for a URL that is gone."""
    names = _product_url_names()
    assert sorted(names - set(MATRIX)) == [], "add these URL names to MATRIX"
    assert sorted(set(MATRIX) - names) == [], "these MATRIX rows name no URL"


def _status(user, method: str, url: str) -> int:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return getattr(client, method)(url).status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_status(name):
    rule = MATRIX[name]
    world = make_world()
    url = reverse(name, args=url_args(world, rule.get("object", ())))
    got, wanted = {}, {}
    for method in ("get", "post"):
        for role, status in rule.get(method, {}).items():
            wanted[(method, role)] = status
            got[(method, role)] = _status(world["people"][role], method, url)
    assert got == wanted


# Objects whose pages are not a partnership's: each person's own notifications (404 for anyone
# else already), the calendar feed, open to whoever holds its secret address, and providers,
# which every partnership shares, a partnership's public pages, open to everyone, and an
# academic year, whose Hear by Right pages show the partnership one works in.
NOT_A_PARTNERSHIPS = {"notification", "calendar_feed", "provider", "partnership", "year"}


def _names_with_a_partnerships_object() -> list[str]:
    names = []
    for name, rule in MATRIX.items():
        keys = rule.get("object", ())
        keys = (keys,) if isinstance(keys, str) else keys
        if keys and not set(keys) & NOT_A_PARTNERSHIPS:
            names.append(name)
    return sorted(names)


@pytest.mark.parametrize("name", _names_with_a_partnerships_object())
def test_another_partnerships_people_get_404(name):
    """A record of a partnership one does not belong to answers 404, never 403 or the page."""
    rule = MATRIX[name]
    world = make_world()
    url = reverse(name, args=url_args(world, rule["object"]))
    elsewhere = PartnershipFactory(short_name="West Cheshire")
    got, wanted = {}, {}
    for role, column in (
        (roles.COMMISSIONER, "other"),
        (roles.BOARD_MEMBER, "board"),
        (roles.ADMINISTRATOR, "admin"),
    ):
        person = give_role(UserFactory(is_staff=role == roles.ADMINISTRATOR), role, elsewhere)
        for method in ("get", "post"):
            if column not in rule.get(method, {}):
                continue
            status = _status(person, method, url)
            # Refused before the record is looked up, as the same role is in the record's own
            # partnership: a method the page never takes (405), or a role that never may (403,
            # given as well for a number that names no record), tells nothing of the record.
            allowed = {404, rule[method][column]} & {404, 403, 405}
            got[(method, role)] = status if status not in allowed else "not found"
            wanted[(method, role)] = "not found"
    assert got == wanted
