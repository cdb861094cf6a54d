"""The coverage matrix counts each record once per priority and stage, framework or not."""

import pytest

from core.tests.factories import BoardMemberFactory, PartnershipFactory
from governance.tests.factories import BoardFactory
from participation.models import Level
from participation.selectors import coverage_matrix
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_a_record_of_two_priorities_counts_once_in_each_with_the_highest_level():
    user = BoardMemberFactory()
    plan_framework, other_framework = FrameworkFactory(), FrameworkFactory()
    cic = PriorityAreaFactory(framework=plan_framework)
    send = PriorityAreaFactory(framework=plan_framework)
    prevention = PriorityAreaFactory(framework=other_framework)
    ParticipationRecordFactory(priority_areas=[cic, send, prevention], stage="plan", level=2)
    ParticipationRecordFactory(priority_areas=[cic], stage="plan", level=Level.CO_PRODUCE)
    for framework in (None, plan_framework):
        rows = coverage_matrix(user=user, framework=framework)
        plan = {row.priority_area: row.cells[1] for row in rows}
        assert (plan[cic].records, plan[cic].highest_level_label) == (2, "Co-produce")
        assert (plan[send].records, plan[send].highest_level_label) == (1, "Consult")
    rows = coverage_matrix(user=user, framework=plan_framework)
    assert prevention not in {row.priority_area for row in rows}


def test_the_matrix_holds_only_the_current_partnerships_priorities_and_records():
    user = BoardMemberFactory()
    ours = PriorityAreaFactory()
    west = PartnershipFactory(short_name="West Cheshire")
    theirs = PriorityAreaFactory(
        framework=FrameworkFactory(partnership=west, owning_board=BoardFactory(partnership=west))
    )
    ParticipationRecordFactory(priority_areas=[theirs], stage="plan", partnership=west)
    rows = coverage_matrix(user=user)
    assert [row.priority_area for row in rows] == [ours]
    assert rows[0].cells[1].records == 0
