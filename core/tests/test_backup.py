"""export_partnership and import_partnership carry the whole partnership to a new database."""

from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.core.management.base import CommandError

from core.backup import included_labels
from core.roles import sync_role_groups


def _row_counts() -> dict[str, int]:
    return {
        label: django_apps.get_model(label)._default_manager.count() for label in included_labels()
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("demo")  # committed for this test, which flushes it at teardown
def test_demo_data_survives_export_flush_and_import(tmp_path):
    before = _row_counts()
    assert before["priorities.Action"] and before["commissioning.Contract"]
    path = tmp_path / "partnership.json"
    call_command("export_partnership", str(path), stdout=StringIO())

    call_command("flush", interactive=False)
    sync_role_groups(django_apps)  # what `migrate` leaves in a new database
    out = StringIO()
    call_command("import_partnership", str(path), stdout=out)

    assert "Imported the partnership" in out.getvalue()
    assert _row_counts() == before


@pytest.mark.django_db
def test_import_refuses_a_database_that_holds_data(tmp_path, commissioner):
    path = tmp_path / "partnership.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="Refusing to import: this database already holds"):
        call_command("import_partnership", str(path))


@pytest.mark.django_db
def test_export_leaves_out_history_sessions_sign_in_attempts_and_kept_pdfs(tmp_path):
    path = tmp_path / "partnership.json"
    call_command("export_partnership", str(path), stdout=StringIO())
    labels = set(included_labels())
    assert {"auth.User", "auth.Group", "priorities.Action"} <= labels
    assert not any("historical" in label.lower() for label in labels)
    assert not labels & {"sessions.Session", "auth.Permission", "contenttypes.ContentType"}
    assert not any(label.startswith(("axes.", "admin.")) for label in labels)
    assert "reporting.BoardPackPdf" not in labels
