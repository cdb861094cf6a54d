"""Give the roles their permissions on the commissioning models (see config/roles.py)."""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("commissioning", "0001_initial"),
        ("governance", "0002_role_groups"),
        ("priorities", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
