"""Write a partnership's contracts as an OCDS release package:
`manage.py export_ocds [--partnership <slug>] [--output FILE]`."""

import json

from django.core.management.base import BaseCommand, CommandError

from commissioning import ocds
from core.models import Partnership


class Command(BaseCommand):
    help = (
        "Write the OCDS 1.1.5 release package of every contract a partnership leads, to "
        "standard output or a file, after checking it against the schema."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership",
            metavar="SLUG",
            help="the partnership's slug; may be left out when there is only one partnership",
        )
        parser.add_argument("--output", metavar="FILE", help="the file to write (default: stdout)")

    def handle(self, *args, partnership: str | None, output: str | None, **options):
        publisher = self._partnership(partnership)
        if not ocds.led_contracts(publisher).exists():
            raise CommandError(f"{publisher.name} leads no contracts: there is nothing to publish.")
        package = ocds.partnership_package(publisher)
        errors = ocds.package_errors(package)
        if errors:
            raise CommandError(
                "The package does not validate against OCDS 1.1.5, so it was not written:\n"
                + "\n".join(errors)
            )
        text = json.dumps(package, indent=2, ensure_ascii=False)
        if output is None:
            self.stdout.write(text)
            return
        with open(output, "w", encoding="utf-8") as file:
            file.write(text + "\n")
        count = len(package["releases"])
        self.stderr.write(
            self.style.SUCCESS(
                f"Wrote {count} release{'s' if count != 1 else ''} of {publisher.name} to {output}."
            )
        )

    def _partnership(self, slug: str | None) -> Partnership:
        partnerships = Partnership.objects.order_by("slug")
        if slug is not None:
            found = partnerships.filter(slug=slug).first()
            if found is not None:
                return found
        elif partnerships.count() == 1:
            return partnerships.get()
        slugs = ", ".join(partnerships.values_list("slug", flat=True)) or "none"
        if slug is None:
            raise CommandError(f"Name the partnership with --partnership: one of {slugs}.")
        raise CommandError(f"No partnership has the slug “{slug}”. The slugs are: {slugs}.")
