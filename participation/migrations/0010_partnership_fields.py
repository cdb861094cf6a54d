"""A participation record belongs to a partnership: its priorities', else its activity's, else
its groups'."""

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    from core.migration_partnerships import partnership_named

    Record = apps.get_model("participation", "ParticipationRecord")
    for record in Record.objects.prefetch_related(
        "priority_areas__framework", "groups"
    ).select_related("activity"):
        areas = list(record.priority_areas.all())
        groups = list(record.groups.all())
        if areas:
            record.partnership_id = areas[0].framework.partnership_id
        elif record.activity_id:
            record.partnership_id = record.activity.partnership_id
        elif groups:
            record.partnership_id = groups[0].partnership_id
        else:
            record.partnership_id = partnership_named(apps, "").pk
        record.save(update_fields=["partnership"])


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("core", "0004_partnerships"),
        ("participation", "0009_stakeholder_group_partnership"),
        ("commissioning", "0009_partnership_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalparticipationrecord",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.partnership",
            ),
        ),
        migrations.AddField(
            model_name="participationrecord",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="participation_records",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="participationrecord",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="participation_records",
                to="core.partnership",
            ),
        ),
    ]
