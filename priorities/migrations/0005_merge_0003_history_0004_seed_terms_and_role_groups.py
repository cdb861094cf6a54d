"""Join the audit history and termly reports branches, then give the roles the permissions of
every model both added (see config/roles.py): this runs after every app's latest migration."""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0003_history"),
        ("priorities", "0004_seed_terms_and_role_groups"),
        ("governance", "0003_history"),
        ("commissioning", "0003_history"),
        ("participation", "0006_history_role_groups"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
