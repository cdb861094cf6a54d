"""Give the role groups the permissions of the priorities models (see config/roles.py)."""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_role_groups"),
        ("priorities", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
