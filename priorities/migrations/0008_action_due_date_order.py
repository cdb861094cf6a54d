from django.db import migrations, models

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0007_objective_indicator_version"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="action",
            index=models.Index(fields=["due_date", "id"], name="action_due_date_order"),
        ),
        # Every app's last migration leaves the role groups as config/roles.py declares them.
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
