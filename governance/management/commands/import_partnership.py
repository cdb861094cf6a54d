"""Load a file from export_partnership into an empty, migrated database."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from governance.backup import rows_in_the_way


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
        call_command("loaddata", path, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Imported the partnership from {path}."))
