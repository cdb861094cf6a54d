"""Seed the school terms of 2017/18 to 2027/28, and give the roles the report permissions.

The seeding is a frozen copy of what the terms module did when this migration was written:
a migration must not change when the product's code does (terms now live in reporting).
"""

import datetime

from django.db import migrations

from core.roles import sync_role_groups


def seed(apps, schema_editor):
    Term = apps.get_model("priorities", "Term")
    for academic_year in range(2017, 2028):
        year, following = academic_year, academic_year + 1
        for season, start, end in [
            ("autumn", datetime.date(year, 9, 1), datetime.date(year, 12, 31)),
            ("spring", datetime.date(following, 1, 1), datetime.date(following, 3, 31)),
            ("summer", datetime.date(following, 4, 1), datetime.date(following, 8, 31)),
        ]:
            Term.objects.get_or_create(
                academic_year=academic_year,
                season=season,
                defaults={"start_date": start, "end_date": end},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0003_terms_and_reports"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
