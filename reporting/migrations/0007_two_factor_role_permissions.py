"""Administrators manage people's two-factor devices in Django admin (core/roles.py)."""

from django.db import migrations

from core.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0006_challenge_subject"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
