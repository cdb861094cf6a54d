"""Terms, termly reports, report comments and kept board packs move to the reporting app.

State only: the tables stay where they are, under their names (reporting 0001 takes them).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0010_termlyreport_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="agenda_item",
                ),
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="priority_area",
                ),
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="submitted_by",
                ),
                migrations.RemoveField(
                    model_name="historicaltermlyreport",
                    name="term",
                ),
                migrations.RemoveField(
                    model_name="reportcomment",
                    name="answered_by",
                ),
                migrations.RemoveField(
                    model_name="reportcomment",
                    name="author",
                ),
                migrations.RemoveField(
                    model_name="reportcomment",
                    name="report",
                ),
                migrations.RemoveField(
                    model_name="termlyreport",
                    name="term",
                ),
                migrations.RemoveField(
                    model_name="termlyreport",
                    name="agenda_item",
                ),
                migrations.RemoveField(
                    model_name="termlyreport",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="termlyreport",
                    name="priority_area",
                ),
                migrations.RemoveField(
                    model_name="termlyreport",
                    name="submitted_by",
                ),
                migrations.DeleteModel(
                    name="BoardPackPdf",
                ),
                migrations.DeleteModel(
                    name="HistoricalTermlyReport",
                ),
                migrations.DeleteModel(
                    name="ReportComment",
                ),
                migrations.DeleteModel(
                    name="Term",
                ),
                migrations.DeleteModel(
                    name="TermlyReport",
                ),
            ],
            database_operations=[],
        ),
    ]
