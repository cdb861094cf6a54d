"""TermlyReport's `lock_version` becomes `version`, the name every versioned record gives the
count of its saves (config.edit_conflicts). The report's own version number (1, then 2 for a
correction), which had that name, becomes `edition`; its unique constraint follows it. Data is
kept: the columns are renamed, on the report and on its history."""

from django.db import migrations, models

EDITION = models.PositiveIntegerField(
    default=1,
    help_text="1 for the term's first report; each correction after submission is the next.",
    verbose_name="report version",
)


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0009_board_pack_pdf"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="termlyreport",
            name="one_report_version_per_priority_and_term",
        ),
        migrations.RenameField(model_name="termlyreport", old_name="version", new_name="edition"),
        migrations.RenameField(
            model_name="termlyreport", old_name="lock_version", new_name="version"
        ),
        migrations.RenameField(
            model_name="historicaltermlyreport", old_name="version", new_name="edition"
        ),
        migrations.RenameField(
            model_name="historicaltermlyreport", old_name="lock_version", new_name="version"
        ),
        migrations.AlterField(model_name="termlyreport", name="edition", field=EDITION),
        migrations.AlterField(model_name="historicaltermlyreport", name="edition", field=EDITION),
        migrations.AlterModelOptions(
            name="termlyreport",
            options={
                "ordering": ["term__start_date", "priority_area__order", "edition"],
                "verbose_name": "termly report",
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
    ]
