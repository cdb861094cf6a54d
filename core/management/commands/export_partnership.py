"""Write the whole partnership's data to one JSON file: `manage.py export_partnership out.json`."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.backup import included_labels


class Command(BaseCommand):
    help = (
        "Write the four apps' records, users and groups to one JSON file (natural keys), "
        "for import_partnership. Sessions, permissions, content types, the admin log, "
        "sign-in attempts and the audit history are left out."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the JSON file to write")

    def handle(self, *args, path: str, **options):
        call_command(
            "dumpdata",
            *included_labels(),
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            output=path,
            verbosity=0,
        )
        self.stdout.write(self.style.SUCCESS(f"Exported the partnership to {path}."))
