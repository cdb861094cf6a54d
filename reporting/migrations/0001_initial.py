"""Take over the report tables from priorities, as they are (state only: no table is made).

The models keep their tables' names (`db_table`), so an existing database keeps its rows.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("governance", "0004_agendaitem_version"),
        ("priorities", "0011_move_reports_to_reporting"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Term",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "academic_year",
                            models.PositiveIntegerField(
                                help_text="The year the academic year starts: 2025 for 2025/26."
                            ),
                        ),
                        (
                            "season",
                            models.CharField(
                                choices=[
                                    ("autumn", "Autumn"),
                                    ("spring", "Spring"),
                                    ("summer", "Summer"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("start_date", models.DateField()),
                        ("end_date", models.DateField()),
                    ],
                    options={
                        "db_table": "priorities_term",
                        "ordering": ["start_date"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("academic_year", "season"),
                                name="one_term_per_season_and_year",
                                violation_error_message="This academic year already has this term.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("end_date__gte", models.F("start_date"))),
                                name="term_ends_after_it_starts",
                                violation_error_message="The end date cannot be before the start date.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalTermlyReport",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "edition",
                            models.PositiveIntegerField(
                                default=1,
                                help_text="1 for the term's first report; each correction after submission is the next.",
                                verbose_name="report version",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("presented", "Presented"),
                                    ("noted", "Noted"),
                                ],
                                default="draft",
                                max_length=20,
                            ),
                        ),
                        (
                            "overall_rag",
                            models.CharField(
                                blank=True,
                                choices=[("red", "Red"), ("amber", "Amber"), ("green", "Green")],
                                max_length=10,
                                verbose_name="overall RAG",
                            ),
                        ),
                        ("highlights", models.TextField(blank=True)),
                        (
                            "risks_and_issues",
                            models.TextField(blank=True, verbose_name="risks and issues"),
                        ),
                        (
                            "asks_of_board",
                            models.TextField(blank=True, verbose_name="asks of the board"),
                        ),
                        (
                            "is_sample",
                            models.BooleanField(
                                default=False,
                                help_text="Written for the demo, not a real report.",
                                verbose_name="sample data",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        ("noted_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("created_at", models.DateTimeField(blank=True, editable=False)),
                        ("updated_at", models.DateTimeField(blank=True, editable=False)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "agenda_item",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="governance.agendaitem",
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
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="governance.meeting",
                            ),
                        ),
                        (
                            "priority_area",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="priorities.priorityarea",
                                verbose_name="priority",
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reporting.term",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical termly report",
                        "verbose_name_plural": "historical termly reports",
                        "db_table": "priorities_historicaltermlyreport",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="TermlyReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "edition",
                            models.PositiveIntegerField(
                                default=1,
                                help_text="1 for the term's first report; each correction after submission is the next.",
                                verbose_name="report version",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("presented", "Presented"),
                                    ("noted", "Noted"),
                                ],
                                default="draft",
                                max_length=20,
                            ),
                        ),
                        (
                            "overall_rag",
                            models.CharField(
                                blank=True,
                                choices=[("red", "Red"), ("amber", "Amber"), ("green", "Green")],
                                max_length=10,
                                verbose_name="overall RAG",
                            ),
                        ),
                        ("highlights", models.TextField(blank=True)),
                        (
                            "risks_and_issues",
                            models.TextField(blank=True, verbose_name="risks and issues"),
                        ),
                        (
                            "asks_of_board",
                            models.TextField(blank=True, verbose_name="asks of the board"),
                        ),
                        (
                            "is_sample",
                            models.BooleanField(
                                default=False,
                                help_text="Written for the demo, not a real report.",
                                verbose_name="sample data",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("snapshot", models.JSONField(blank=True, editable=False, null=True)),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        ("noted_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "agenda_item",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="termly_reports",
                                to="governance.agendaitem",
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="termly_reports",
                                to="governance.meeting",
                            ),
                        ),
                        (
                            "priority_area",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reports",
                                to="priorities.priorityarea",
                                verbose_name="priority",
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="submitted_reports",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="reports",
                                to="reporting.term",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "termly report",
                        "db_table": "priorities_termlyreport",
                        "ordering": ["term__start_date", "priority_area__order", "edition"],
                    },
                ),
                migrations.CreateModel(
                    name="ReportComment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "about",
                            models.CharField(
                                blank=True,
                                help_text="The exception or section challenged, if any.",
                                max_length=300,
                            ),
                        ),
                        ("text", models.TextField(verbose_name="challenge")),
                        ("answer", models.TextField(blank=True)),
                        ("answered_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "answered_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="report_answers",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="report_comments",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comments",
                                to="reporting.termlyreport",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "report comment",
                        "db_table": "priorities_reportcomment",
                        "ordering": ["report", "created_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="BoardPackPdf",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("html_sha256", models.CharField(max_length=64)),
                        ("pdf", models.BinaryField()),
                        ("rendered_at", models.DateTimeField(auto_now=True)),
                        (
                            "board",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="governance.board",
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="reporting.term",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "board pack PDF",
                        "verbose_name_plural": "board pack PDFs",
                        "db_table": "priorities_boardpackpdf",
                        "ordering": ["-rendered_at", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("board", "term"), name="one_board_pack_pdf_per_term"
                            )
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="termlyreport",
                    constraint=models.UniqueConstraint(
                        fields=("priority_area", "term", "edition"),
                        name="one_report_version_per_priority_and_term",
                        violation_error_message="This priority already has this version of the report.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="termlyreport",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("status", "draft"), ("snapshot__isnull", False), _connector="OR"
                        ),
                        name="report_submitted_has_snapshot",
                        violation_error_message="A submitted report keeps what it showed.",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
