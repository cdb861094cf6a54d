"""Who may change the priorities: the role groups' permissions and the object-level checks."""

import pytest
from django.contrib.auth.models import Group

from core import roles
from core.tests.factories import CommissionerFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db


def _codenames(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return set(
        group.permissions.filter(content_type__app_label="priorities").values_list(
            "codename", flat=True
        )
    )


def test_migration_gives_the_groups_the_priorities_permissions():
    commissioner = _codenames(roles.COMMISSIONER)
    assert {
        "add_action",
        "change_action",
        "add_progressupdate",
        "add_indicatorvalue",
    } <= commissioner
    assert "change_framework" not in commissioner and "view_framework" in commissioner
    board = _codenames(roles.BOARD_MEMBER)
    # Board members only read the plans (their one write, a challenge, is in reporting).
    assert board and {c for c in board if not c.startswith("view_")} == set()
    assert "delete_action" in _codenames(roles.ADMINISTRATOR)


def test_object_level_checks(commissioner, board_member, administrator):
    led = PriorityAreaFactory(lead_commissioners=[commissioner])
    other = PriorityAreaFactory(lead_commissioners=[CommissionerFactory()])
    owned_elsewhere = ActionFactory(priority_area=other, owner=commissioner)
    in_led_area = ActionFactory(priority_area=led)
    not_mine = ActionFactory(priority_area=other)

    assert roles.can_edit_priority_area(commissioner, led)
    assert not roles.can_edit_priority_area(commissioner, other)
    assert roles.can_edit_action(commissioner, in_led_area)
    assert roles.can_edit_action(commissioner, owned_elsewhere)
    assert not roles.can_edit_action(commissioner, not_mine)

    assert not roles.can_edit_priority_area(board_member, led)
    assert not roles.can_edit_action(board_member, in_led_area)
    assert roles.can_edit_priority_area(administrator, other)
    assert roles.can_edit_action(administrator, not_mine)


def test_a_lead_who_loses_the_commissioner_role_can_no_longer_edit(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    commissioner.partnership_memberships.all().delete()
    commissioner = type(commissioner).objects.get(pk=commissioner.pk)  # roles are read once
    assert not roles.can_edit_priority_area(commissioner, area)
