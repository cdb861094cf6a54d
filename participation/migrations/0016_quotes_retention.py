"""Quotes with consent, the retention date of participation records and the anonymisation log.

Existing records get their retention date from the rule (participation/retention.py): the
partnership's years (6 by default) after their activity's review, else after their own date.
The role groups are synced so that every role can read the new tables.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from core.roles import sync_role_groups


def _years_after(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def set_retention_dates(apps, schema_editor):
    """The rule's date for each record saved before records had one."""
    from django.utils import timezone

    record_model = apps.get_model("participation", "ParticipationRecord")
    move_model = apps.get_model("commissioning", "StageMove")
    for record in record_model.objects.filter(retention_date__isnull=True).select_related(
        "activity", "partnership"
    ):
        start = record.date
        if record.activity is not None:
            if record.activity.stage == "review":
                start = timezone.localdate(record.activity.stage_entered_at)
            else:
                moved = (
                    move_model.objects.filter(activity=record.activity, to_stage="review")
                    .order_by("-moved_at")
                    .values_list("moved_at", flat=True)
                    .first()
                )
                if moved:
                    start = timezone.localdate(moved)
        years = record.partnership.participation_retention_years
        record_model.objects.filter(pk=record.pk).update(retention_date=_years_after(start, years))


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0015_personal_data_confirmations"),
        ("core", "0007_partnership_participation_retention"),
        ("commissioning", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalparticipationrecord",
            name="anonymised_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="anonymised on"
            ),
        ),
        migrations.AddField(
            model_name="historicalparticipationrecord",
            name="retention_date",
            field=models.DateField(
                blank=True,
                help_text="Set from the partnership's retention rule; an administrator may set it later, never earlier than the rule.",
                null=True,
                verbose_name="keep its words until",
            ),
        ),
        migrations.AddField(
            model_name="participationrecord",
            name="anonymised_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="anonymised on"
            ),
        ),
        migrations.AddField(
            model_name="participationrecord",
            name="retention_date",
            field=models.DateField(
                blank=True,
                help_text="Set from the partnership's retention rule; an administrator may set it later, never earlier than the rule.",
                null=True,
                verbose_name="keep its words until",
            ),
        ),
        migrations.CreateModel(
            name="AnonymisationLog",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("anonymised_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("retention_date", models.DateField(verbose_name="retention date it passed")),
                ("quotes_removed", models.PositiveIntegerField(default=0)),
                (
                    "fields_removed",
                    models.JSONField(
                        default=list,
                        help_text="The names of the fields whose text was removed.",
                        verbose_name="fields removed",
                    ),
                ),
                (
                    "history_rows_changed",
                    models.PositiveIntegerField(default=0, verbose_name="history entries changed"),
                ),
                ("done_by", models.CharField(default="retention job", max_length=100)),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="anonymisations",
                        to="participation.participationrecord",
                    ),
                ),
            ],
            options={
                "verbose_name": "anonymisation log entry",
                "verbose_name_plural": "anonymisation log",
                "ordering": ["-anonymised_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalQuote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="quote")),
                (
                    "consent_use",
                    models.CharField(
                        choices=[
                            ("internal", "Internal use only"),
                            ("report", "Reports to boards"),
                            ("public", "Public pages"),
                        ],
                        default="internal",
                        max_length=10,
                        verbose_name="consent for",
                    ),
                ),
                ("consent_until", models.DateField(verbose_name="consent until")),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "given_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The group that gave consent, never a child.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="participation.stakeholdergroup",
                        verbose_name="consent given by (group)",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="participation.participationrecord",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical quote",
                "verbose_name_plural": "historical quotes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Quote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="quote")),
                (
                    "consent_use",
                    models.CharField(
                        choices=[
                            ("internal", "Internal use only"),
                            ("report", "Reports to boards"),
                            ("public", "Public pages"),
                        ],
                        default="internal",
                        max_length=10,
                        verbose_name="consent for",
                    ),
                ),
                ("consent_until", models.DateField(verbose_name="consent until")),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "given_by",
                    models.ForeignKey(
                        help_text="The group that gave consent, never a child.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="quotes",
                        to="participation.stakeholdergroup",
                        verbose_name="consent given by (group)",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="quotes",
                        to="participation.participationrecord",
                    ),
                ),
            ],
            options={
                "verbose_name": "quote",
                "ordering": ["record", "pk"],
            },
        ),
        migrations.RunPython(set_retention_dates, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
