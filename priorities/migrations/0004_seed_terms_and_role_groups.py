"""Seed the school terms of 2017/18 to 2027/28, and give the roles the report permissions."""

from django.db import migrations

from config.roles import sync_role_groups
from priorities.terms import seed_terms


def seed(apps, schema_editor):
    seed_terms(apps.get_model("priorities", "Term"))


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0003_terms_and_reports"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
