"""Who may write, challenge and answer termly reports."""

import pytest
from django.contrib.auth.models import Group

from core import roles
from core.tests.factories import CommissionerFactory
from priorities.tests.factories import PriorityAreaFactory
from reporting.models import TermlyReport
from reporting.tests.factories import TermlyReportFactory

pytestmark = pytest.mark.django_db


def _codenames(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return set(
        group.permissions.filter(content_type__app_label="reporting").values_list(
            "codename", flat=True
        )
    )


def test_migration_gives_the_groups_the_report_permissions():
    commissioner = _codenames(roles.COMMISSIONER)
    assert {"add_termlyreport", "change_termlyreport", "add_reportcomment"} <= commissioner
    assert "change_term" not in commissioner and "view_term" in commissioner
    board = _codenames(roles.BOARD_MEMBER)
    # Board members view everything and add one thing: their challenges on reports.
    assert board and {c for c in board if not c.startswith("view_")} == {"add_reportcomment"}
    assert "delete_termlyreport" in _codenames(roles.ADMINISTRATOR)


def test_report_checks(commissioner, board_member, administrator):
    """Leads write and answer; board members challenge submitted reports only."""
    other = CommissionerFactory()
    report = TermlyReportFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=[commissioner])
    )
    assert roles.can_write_report(commissioner, report)
    assert roles.can_answer_challenge(commissioner, report)
    assert not roles.can_write_report(other, report)
    assert not roles.can_answer_challenge(other, report)
    assert not roles.can_write_report(board_member, report)
    assert roles.can_write_report(administrator, report)
    assert not roles.can_challenge_report(board_member, report), "a draft is not challenged"
    report.status = TermlyReport.Status.SUBMITTED
    assert roles.can_challenge_report(board_member, report)
    assert roles.can_challenge_report(administrator, report)
    assert not roles.can_challenge_report(commissioner, report)
