"""Give the roles their permissions on the participation models (see config/roles.py)."""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("commissioning", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
