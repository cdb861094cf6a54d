"""The report models' move from priorities to reporting keeps every row of a filled database.

The move is state only (the tables keep their names), so the test fills the tables, takes the
database back to before the move, migrates it forward again, and counts.
"""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.roles import sync_role_groups
from governance.models import Decision
from governance.tests.factories import DecisionFactory
from reporting.models import BoardPackPdf, ReportComment, Term, TermlyReport
from reporting.services import termly_report_submit
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

BEFORE_THE_MOVE = [("priorities", "0010_termlyreport_version")]
TABLES = (
    "priorities_term",
    "priorities_termlyreport",
    "priorities_historicaltermlyreport",
    "priorities_reportcomment",
    "priorities_boardpackpdf",
    "governance_decision",
    "django_content_type",
    "auth_permission",
    "auth_group_permissions",
)


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_moving_the_report_models_keeps_every_row_and_permission():
    sync_role_groups(django_apps)  # an earlier transactional test may have flushed them
    submitted = termly_report_submit(report=TermlyReportFactory(), user=None)
    ReportCommentFactory(report=submitted, text="What will the board see next term?")
    draft = TermlyReportFactory(highlights="Twelve families supported by the new team.")
    BoardPackPdf.objects.create(
        board=draft.priority_area.framework.owning_board,
        term=draft.term,
        html_sha256="0" * 64,
        pdf=b"%PDF-1.7",
    )
    DecisionFactory(concerns=submitted, text="Noted the report.")
    before = _row_counts()
    assert before["priorities_termlyreport"] == 2 and before["priorities_historicaltermlyreport"]

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    _migrate(BEFORE_THE_MOVE)
    assert _row_counts() == before
    assert ContentType.objects.filter(app_label="priorities", model="termlyreport").exists()
    _migrate(latest)
    ContentType.objects.clear_cache()

    assert _row_counts() == before
    assert TermlyReport.objects.get(pk=draft.pk).highlights == draft.highlights
    assert ReportComment.objects.get().text == "What will the board see next term?"
    assert Term.objects.filter(pk=draft.term_id).exists()
    assert Decision.objects.get(text="Noted the report.").concerns == submitted
    assert not ContentType.objects.filter(app_label="priorities", model="termlyreport").exists()
    board = Group.objects.get(name="Board member").permissions
    assert board.filter(content_type__app_label="reporting", codename="add_reportcomment").exists()
