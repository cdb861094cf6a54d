"""Who may open every page of the product: one table, every URL name, every role.

Each row names the object its URL needs and the status each role gets, in the column order
of ROLES: anonymous, the commissioner leading the priority, another commissioner, a board
member, an administrator. "post" is checked for pages that take a form (an empty POST: the
form is refused, so 200 means "allowed in, and nothing saved"; 400 means the page let the role
in and then refused the empty POST as a bad request). A URL name missing from the table fails
`test_every_url_has_a_rule`, so a new view cannot ship without a rule.
Django admin has its own permission checks and is left out.
"""

import pytest
from django.test import Client
from django.urls import reverse

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
