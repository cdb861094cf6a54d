"""An export written before the report models moved from priorities to reporting still imports."""

import json
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from core.roles import sync_role_groups
from governance.models import Decision
from governance.tests.factories import DecisionFactory
from reporting.models import ReportComment, Term, TermlyReport
from reporting.tests.factories import ReportCommentFactory

OLD_LABELS = {
    "reporting.term": "priorities.term",
    "reporting.termlyreport": "priorities.termlyreport",
    "reporting.reportcomment": "priorities.reportcomment",
}


def _as_before_the_move(text: str) -> str:
    records = json.loads(text)
    for record in records:
        record["model"] = OLD_LABELS.get(record["model"], record["model"])
        if record["model"] == "governance.decision" and record["fields"]["concerns_type"]:
            record["fields"]["concerns_type"] = ["priorities", "termlyreport"]
    return json.dumps(records)


@pytest.mark.django_db(transaction=True)
def test_an_export_naming_the_old_app_labels_imports_into_reporting(tmp_path):
    sync_role_groups(django_apps)  # an earlier transactional test may have flushed them
    comment = ReportCommentFactory()
    DecisionFactory(concerns=comment.report, text="Noted the report on Children in Care.")
    path = tmp_path / "partnership.json"
    call_command("export_partnership", str(path), stdout=StringIO())
    old = _as_before_the_move(path.read_text())
    assert '"priorities.termlyreport"' in old and '"reporting.termlyreport"' not in old
    path.write_text(old)

    call_command("flush", interactive=False)
    sync_role_groups(django_apps)
    call_command("import_partnership", str(path), stdout=StringIO())

    report = TermlyReport.objects.get()
    assert ReportComment.objects.get().report == report
    assert Term.objects.filter(pk=report.term_id).exists()
    decision = Decision.objects.get(text="Noted the report on Children in Care.")
    assert decision.concerns == report
