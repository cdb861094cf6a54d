"""Move the report models' content types (and so their permissions, which the role groups and
users hold, and admin log entries) from priorities to reporting, then resync the role groups."""

from django.db import migrations

from core.roles import sync_role_groups

MOVED_MODELS = ("term", "termlyreport", "historicaltermlyreport", "reportcomment", "boardpackpdf")


def _relabel(apps, old_label: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        # A migration run in between may have made the new label's content type already; the
        # old one is what permissions and log entries point at, so it is the one kept.
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    _relabel(apps, "priorities", "reporting")
    sync_role_groups(apps, schema_editor)


def backwards(apps, schema_editor):
    _relabel(apps, "reporting", "priorities")


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
