"""The three roles exist as groups with the permissions each needs."""

import pytest
from django.contrib.auth.models import Group, Permission

from core import roles
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("codename", flat=True))


def test_the_three_role_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Commissioner",
        "Board member",
        "Administrator",
    }


def test_board_members_may_only_view_except_challenge_reports():
    codenames = _codenames(roles.BOARD_MEMBER)
    assert codenames, "board members must be able to view the domain"
    assert {c for c in codenames if not c.startswith("view_")} == {"add_reportcomment"}


def test_board_members_may_view_every_domain_model():
    domain_views = Permission.objects.filter(
        content_type__app_label__in=roles.DOMAIN_APPS, codename__startswith="view_"
    ).values_list("codename", flat=True)
    assert set(domain_views) <= _codenames(roles.BOARD_MEMBER)


def test_commissioners_never_delete_and_never_manage_users():
    codenames = _codenames(roles.COMMISSIONER)
    assert not any(codename.startswith("delete_") for codename in codenames)
    assert not {"add_user", "change_user", "view_user"} & codenames


def test_commissioners_edit_exactly_their_declared_models():
    group = Group.objects.get(name=roles.COMMISSIONER)
    editable = {
        (p.content_type.app_label, p.content_type.model)
        for p in group.permissions.select_related("content_type")
        if p.codename.startswith(("add_", "change_"))
    }
    declared = {
        (app, model) for app, models in roles.COMMISSIONER_EDITS.items() for model in models
    }
    assert editable <= declared


def test_administrators_manage_users_and_groups():
    codenames = _codenames(roles.ADMINISTRATOR)
    assert {"add_user", "change_user", "view_user", "change_group"} <= codenames


def test_roles_of_a_user_come_from_groups_and_superuser_is_administrator():
    user = UserFactory(role=roles.COMMISSIONER)
    assert roles.roles_of(user) == {roles.COMMISSIONER}
    assert roles.is_commissioner(user) and not roles.is_board_member(user)
    superuser = UserFactory(is_superuser=True)
    assert roles.is_administrator(superuser)


def test_a_user_without_a_group_has_no_role():
    assert roles.roles_of(UserFactory()) == frozenset()


def test_roles_are_read_once_per_user_object(django_assert_num_queries):
    user = UserFactory(role=roles.BOARD_MEMBER)
    with django_assert_num_queries(1):
        roles.roles_of(user)
        roles.is_board_member(user)
        roles.is_commissioner(user)
