"""Boards belong to a Partnership (it was a text field); organisations are partners in some.

Every organisation starts as a partner in every partnership, which is what everyone saw before;
an administrator then removes it from the partnerships it is not in. Every person with a role
starts with that role in every partnership, for the same reason.
"""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_partnerships import move_partnership_to_text, move_text_to_partnership

ROLES = ("Commissioner", "Board member", "Administrator")


def forwards(apps, schema_editor):
    move_text_to_partnership(apps, "governance", "Board")
    Partnership = apps.get_model("core", "Partnership")
    Organisation = apps.get_model("governance", "Organisation")
    Membership = apps.get_model("core", "PartnershipMembership")
    User = apps.get_model("auth", "User")
    partnerships = list(Partnership.objects.all())
    for organisation in Organisation.objects.all():
        organisation.partnerships.set(partnerships)
    for user in User.objects.prefetch_related("groups"):
        for group in user.groups.all():
            if group.name in ROLES:
                for partnership in partnerships:
                    Membership.objects.get_or_create(
                        user=user, partnership=partnership, role=group.name
                    )


def backwards(apps, schema_editor):
    move_partnership_to_text(apps, "governance", "Board")


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0004_partnerships"),
        ("governance", "0006_membership_secretary"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="partnerships",
            field=models.ManyToManyField(
                blank=True,
                help_text="The partnerships it is a partner in.",
                related_name="organisations",
                to="core.partnership",
            ),
        ),
        migrations.RenameField("board", "partnership", "partnership_name"),
        # A default, so that migrating back can add the column again before filling it.
        migrations.AlterField(
            "board",
            "partnership_name",
            models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.RenameField("historicalboard", "partnership", "partnership_name"),
        # A default, so that migrating back can add the column again before filling it.
        migrations.AlterField(
            "historicalboard",
            "partnership_name",
            models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="board",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="boards",
                to="core.partnership",
            ),
        ),
        migrations.AddField(
            model_name="historicalboard",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("board", "partnership_name"),
        migrations.RemoveField("historicalboard", "partnership_name"),
        migrations.AlterField(
            model_name="board",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="boards",
                to="core.partnership",
            ),
        ),
        migrations.AlterModelOptions(
            name="board",
            options={"ordering": ["partnership__name", "name"]},
        ),
    ]
