"""A service belongs to a Partnership (it was a text field)."""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_partnerships import move_partnership_to_text, move_text_to_partnership

UNIQUE = "service_name_unique_per_partnership_and_group"


def forwards(apps, schema_editor):
    move_text_to_partnership(apps, "commissioning", "Service")


def backwards(apps, schema_editor):
    move_partnership_to_text(apps, "commissioning", "Service")


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("core", "0004_partnerships"),
        ("governance", "0007_partnerships"),
        ("commissioning", "0007_contract_records_protected"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="service", name=UNIQUE),
        migrations.RenameField("service", "partnership", "partnership_name"),
        # A default, so that migrating back can add the column again before filling it.
        migrations.AlterField(
            "service",
            "partnership_name",
            models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="service",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="services",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("service", "partnership_name"),
        migrations.AlterField(
            model_name="service",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="services",
                to="core.partnership",
            ),
        ),
        migrations.AlterModelOptions(
            name="service",
            options={"ordering": ["partnership__name", "client_group", "name"]},
        ),
        migrations.AddConstraint(
            model_name="service",
            constraint=models.UniqueConstraint(
                fields=("partnership", "client_group", "name"),
                name=UNIQUE,
                violation_error_message=(
                    "This partnership already lists a service with this name for this client group."
                ),
            ),
        ),
    ]
