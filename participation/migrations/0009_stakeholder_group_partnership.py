"""A stakeholder group belongs to a Partnership (it was a text field, sometimes blank)."""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_partnerships import move_partnership_to_text, move_text_to_partnership


def forwards(apps, schema_editor):
    move_text_to_partnership(apps, "participation", "StakeholderGroup")


def backwards(apps, schema_editor):
    move_partnership_to_text(apps, "participation", "StakeholderGroup")


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("core", "0004_partnerships"),
        ("governance", "0007_partnerships"),
        ("participation", "0008_records_history_and_version"),
    ]

    operations = [
        migrations.RenameField("stakeholdergroup", "partnership", "partnership_name"),
        # A default, so that migrating back can add the column again before filling it.
        migrations.AlterField(
            "stakeholdergroup",
            "partnership_name",
            models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="stakeholder_groups",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("stakeholdergroup", "partnership_name"),
        migrations.AlterField(
            model_name="stakeholdergroup",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="stakeholder_groups",
                to="core.partnership",
            ),
        ),
        migrations.AlterModelOptions(
            name="stakeholdergroup",
            options={
                "ordering": ["partnership__name", "name"],
                "verbose_name": "stakeholder group",
            },
        ),
    ]
