"""Django admin kept to an administrator's partnerships: lists, object pages and choices."""

import pytest
from django.contrib import admin
from django.urls import reverse

from commissioning.tests.factories import ServiceFactory
from core import roles
from core.admin_scoping import PartnershipScopedAdminMixin
from core.models import Partnership
from core.tests.factories import PartnershipFactory, UserFactory, give_role
from core.tests.sign_in import sign_in
from governance.tests.factories import BoardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    halton = PartnershipFactory(short_name="Halton")
    west_cheshire = PartnershipFactory(short_name="West Cheshire")
    return halton, west_cheshire


@pytest.fixture
def halton_admin(client, two):
    person = give_role(UserFactory(is_staff=True), roles.ADMINISTRATOR, two[0])
    sign_in(client, person)
    return client


def test_every_admin_page_is_scoped():
    """A ModelAdmin registered without the mixin would list every partnership's rows."""
    unscoped = [
        type(model_admin).__name__
        for model_admin in admin.site._registry.values()
        if not isinstance(model_admin, PartnershipScopedAdminMixin)
    ]
    assert unscoped == []


def test_lists_and_object_pages_hold_only_the_administrators_partnership(halton_admin, two):
    halton, west_cheshire = two
    ours = BoardFactory(name="Halton Children's Trust Board", partnership=halton)
    theirs = BoardFactory(name="Children's Trust Executive", partnership=west_cheshire)
    listing = halton_admin.get(reverse("admin:governance_board_changelist")).content.decode()
    assert ours.name.replace("'", "&#x27;") in listing
    assert "Children&#x27;s Trust Executive" not in listing
    page = halton_admin.get(reverse("admin:governance_board_change", args=[theirs.pk]))
    assert page.status_code == 302  # the admin's "does not exist", back to its index
    assert (
        halton_admin.get(reverse("admin:governance_board_change", args=[ours.pk])).status_code
        == 200
    )


def test_choices_hold_only_the_administrators_partnership(halton_admin, two):
    """A West Cheshire contract was first offered Halton's services, and the other way round."""
    halton, west_cheshire = two
    ServiceFactory(name="Adoption Support", partnership=west_cheshire)
    ServiceFactory(name="Young carers support", partnership=halton)
    # The contract form chooses its service by search (the admin's autocomplete).
    found = halton_admin.get(
        reverse("admin:autocomplete"),
        {"app_label": "commissioning", "model_name": "contract", "field_name": "service"},
    ).json()
    names = [result["text"] for result in found["results"]]
    assert names == ["Young carers support (Halton)"]
    board_form = halton_admin.get(reverse("admin:governance_board_add")).content.decode()
    assert "West Cheshire" not in board_form


def test_a_superuser_sees_every_partnership_and_alone_manages_them(client, halton_admin, two):
    halton, west_cheshire = two
    BoardFactory(name="Children's Trust Executive", partnership=west_cheshire)
    assert halton_admin.get(reverse("admin:core_partnership_add")).status_code == 403
    sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:governance_board_changelist")).content.decode()
    assert "Children&#x27;s Trust Executive" in listing
    response = client.post(
        reverse("admin:core_partnership_add"),
        {
            "name": "Warrington Children's Trust",
            "short_name": "Warrington",
            "slug": "warrington",
            "area": "Warrington",
            "is_active": "on",
            "smallest_public_group": "5",
            "participation_retention_years": "6",
        },
    )
    assert response.status_code == 302
    assert Partnership.objects.filter(short_name="Warrington").exists()


def test_an_administrator_gives_roles_in_their_partnership_but_not_administrator(halton_admin):
    page = halton_admin.get(reverse("admin:auth_user_add")).content.decode()
    assert 'value="Commissioner"' in page
    assert 'value="Administrator"' not in page
    assert "West Cheshire" not in page
