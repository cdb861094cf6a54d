"""The coverage matrix counts each record once per priority and stage, framework or not."""

import pytest

from participation.models import Level
from participation.selectors import coverage_matrix
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_a_record_of_two_priorities_counts_once_in_each_with_the_highest_level():
    halton, west = FrameworkFactory(partnership="Halton"), FrameworkFactory(partnership="WC")
    cic, send = PriorityAreaFactory(framework=halton), PriorityAreaFactory(framework=halton)
    prevention = PriorityAreaFactory(framework=west)
    ParticipationRecordFactory(priority_areas=[cic, send, prevention], stage="plan", level=2)
    ParticipationRecordFactory(priority_areas=[cic], stage="plan", level=Level.CO_PRODUCE)
    for framework in (None, halton):
        plan = {row.priority_area: row.cells[1] for row in coverage_matrix(framework=framework)}
        assert (plan[cic].records, plan[cic].highest_level_label) == (2, "Co-produce")
        assert (plan[send].records, plan[send].highest_level_label) == (1, "Consult")
    assert prevention not in {row.priority_area for row in coverage_matrix(framework=halton)}
