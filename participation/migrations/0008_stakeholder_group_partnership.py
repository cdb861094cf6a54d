"""A stakeholder group belongs to a Partnership (it was a text field, sometimes blank)."""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_partnerships import move_text_to_partnership


def forwards(apps, schema_editor):
    move_text_to_partnership(apps, "participation", "StakeholderGroup")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_partnerships"),
        ("governance", "0006_partnerships"),
        ("participation", "0007_decommissioning_consultations"),
    ]

    operations = [
        migrations.RenameField("stakeholdergroup", "partnership", "partnership_name"),
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
        migrations.RunPython(forwards, migrations.RunPython.noop),
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
