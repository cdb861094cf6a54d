"""Each person's API token (reporting/api/); administrators see and revoke them in the admin."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0008_meeting_pack_pdf"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(editable=False, max_length=64, unique=True)),
                (
                    "shown_part",
                    models.CharField(editable=False, max_length=20, verbose_name="starts with"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="made")),
                (
                    "last_used_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="last used"
                    ),
                ),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "API token",
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("revoked_at__isnull", True)),
                        fields=("user",),
                        name="one_active_api_token_per_user",
                        violation_error_message="This person already has an API token.",
                    )
                ],
            },
        ),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
