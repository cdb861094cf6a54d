"""Each section a draft keeps in the cache watches every table it reads, so that a change to any
of them is read afresh on every app server."""

import datetime
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory, ContractFactory
from participation import retention
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting.assemble import REPORT_SECTIONS, assemble_report
from reporting.models import Term
from reporting.scope import ReportScope
from reporting.section_cache import WATCHED

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

TABLE = re.compile(r'(?:FROM|JOIN) "(\w+)"')


def _tables_of(models) -> set[str]:
    """The tables of `models` and of their many-to-many relations (bump_on_save watches both)."""
    tables = set()
    for model in models:
        tables.add(model._meta.db_table)
        through = (field.remote_field.through for field in model._meta.many_to_many)
        tables.update(related._meta.db_table for related in through)
    return tables


@pytest.mark.parametrize("section", sorted(WATCHED))
def test_a_kept_section_reads_only_tables_it_watches(section):
    area = PriorityAreaFactory()
    ProgressUpdateFactory(action=ActionFactory(priority_area=area, overdue=True), rag="red")
    IndicatorValueFactory(indicator=IndicatorFactory(priority_area=area))
    ContractFactory(activity=ActivityFactory(priority_area=area))
    ParticipationRecordFactory(priority_areas=[area])
    term = Term.objects.current()
    scope = ReportScope(
        priority_area=area,
        term=term,
        previous_term=term.previous(),
        as_of=min(timezone.localdate(), term.end_date),
    )
    build = dict(REPORT_SECTIONS)[section]
    with CaptureQueriesContext(connection) as queries:
        build(scope)
    read = {table for query in queries for table in TABLE.findall(query["sql"])}
    known = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    assert read and read <= known
    assert read <= _tables_of(WATCHED[section]), "add the model it reads to WATCHED"


def test_a_kept_participation_section_loses_the_words_the_retention_job_removed(today):
    area = PriorityAreaFactory()
    said = "Aisha said the bus to the review never came"
    record = ParticipationRecordFactory(
        priority_areas=[area],
        date=today,  # within the current term on its first day too
        you_said=said,
        we_did="A taxi for every review",
        retention_date=today - datetime.timedelta(days=1),
    )
    term = Term.objects.current()
    kept = assemble_report(area, term, cached=True)
    assert said in str(kept["participation"])

    retention.record_anonymise(record=record, today=today)

    # The job writes with update(), which sends no signal: it moves the versions on itself.
    assert said not in str(assemble_report(area, term, cached=True)["participation"])
