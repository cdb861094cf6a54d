"""Load a file from export_partnership into an empty, migrated database."""

import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.backup import relabel_moved_models, rows_in_the_way


class Command(BaseCommand):
    help = "Load a file written by export_partnership into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the JSON file export_partnership wrote")

    @transaction.atomic
    def handle(self, *args, path: str, **options):
        in_the_way = rows_in_the_way()
        if in_the_way:
            listed = ", ".join(f"{label} ({count})" for label, count in in_the_way.items())
            raise CommandError(
                "Refusing to import: this database already holds data "
                f"({listed}). Import only into a new, empty database after `migrate`."
            )
        try:
            records = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path} as an export: {error}") from error
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as relabelled:
            json.dump(relabel_moved_models(records), relabelled)
            relabelled.flush()
            call_command("loaddata", relabelled.name, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Imported the partnership from {path}."))
