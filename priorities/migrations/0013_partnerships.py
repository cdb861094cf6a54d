"""A framework belongs to a Partnership (it was a text field)."""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_partnerships import move_partnership_to_text, move_text_to_partnership


def forwards(apps, schema_editor):
    move_text_to_partnership(apps, "priorities", "Framework")


def backwards(apps, schema_editor):
    move_partnership_to_text(apps, "priorities", "Framework")


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("core", "0004_partnerships"),
        ("governance", "0007_partnerships"),
        ("priorities", "0012_framework_review_date_note"),
    ]

    operations = [
        migrations.RenameField("framework", "partnership", "partnership_name"),
        # A default, so that migrating back can add the column again before filling it.
        migrations.AlterField(
            "framework",
            "partnership_name",
            models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="framework",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="frameworks",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("framework", "partnership_name"),
        migrations.AlterField(
            model_name="framework",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="frameworks",
                to="core.partnership",
            ),
        ),
        migrations.AlterModelOptions(
            name="framework",
            options={"ordering": ["partnership__name", "-period", "title"]},
        ),
    ]
