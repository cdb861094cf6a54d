"""Write a partnership's Transparency Code contracts file for a period (README, "Transparency
Code contracts"): `python manage.py export_transparency_csv --from 2026-07-01 --to 2026-09-30`,
to standard output or, with `--output FILE`, to a file."""

import datetime
import io

from django.core.management.base import BaseCommand, CommandError

from commissioning import transparency
from core.models import Partnership


def _date(text: str, option: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option} {text!r} is not a date: give it as YYYY-MM-DD, e.g. 2026-07-01."
        ) from None


class Command(BaseCommand):
    help = (
        "Write the contracts a partnership publishes under the Transparency Code for a "
        "period, as CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", required=True, help="Last day, YYYY-MM-DD.")
        parser.add_argument(
            "--partnership", help="The partnership's slug; needed when there are several."
        )
        parser.add_argument("--output", help="The file to write (standard output if not given).")

    def handle(
        self, *args, start: str, end: str, partnership: str | None, output: str | None, **options
    ):
        first, last = _date(start, "--from"), _date(end, "--to")
        if first > last:
            raise CommandError(f"--from ({first}) is after --to ({last}): swap them.")
        chosen = self._partnership(partnership)
        buffer = io.StringIO()
        rows = transparency.rows(transparency.published_contracts(chosen, first, last))
        transparency.write_csv(rows, buffer)
        if output is None:
            self.stdout.write(buffer.getvalue(), ending="")
            return
        try:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.write(buffer.getvalue())
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        self.stderr.write(
            f"Wrote {len(rows)} contract{'s' if len(rows) != 1 else ''} of {chosen} "
            f"({first} to {last}) to {output}."
        )

    def _partnership(self, slug: str | None) -> Partnership:
        if slug is not None:
            found = Partnership.objects.filter(slug=slug).first()
            if found is None:
                known = ", ".join(
                    Partnership.objects.order_by("slug").values_list("slug", flat=True)
                )
                raise CommandError(f"No partnership has the slug {slug!r} (known: {known}).")
            return found
        active = list(Partnership.objects.filter(is_active=True).order_by("slug"))
        if len(active) == 1:
            return active[0]
        if not active:
            raise CommandError("There is no active partnership to publish for.")
        slugs = ", ".join(p.slug for p in active)
        raise CommandError(
            f"There are several partnerships: name one with --partnership ({slugs})."
        )
