"""Let every role read the audit history's tables (see config/roles.py).

Runs after the history tables of all four apps exist, so one call covers them all.
"""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_history"),
        ("governance", "0003_history"),
        ("priorities", "0003_history"),
        ("commissioning", "0003_history"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
