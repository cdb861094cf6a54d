"""The weekly digest: one email to each person who chose it, of their unread notifications of
the past week that no email has carried yet.

Run weekly by cron (see README): `python manage.py send_digests --base-url https://...`.
Running it twice sends nothing new.
"""

from django.core.management.base import BaseCommand

from core.notifications.emails import send_digests


class Command(BaseCommand):
    help = "Email each person who chose the weekly digest their unread notifications of the week."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, for links in the emails (default: the SITE_URL setting)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say who would be emailed.")

    def handle(self, *args, base_url: str, dry_run: bool, **options):
        outcome = send_digests(base_url=base_url, dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {outcome.emails} digests of {outcome.notifications} notifications; "
            f"{outcome.no_email} people have no email."
        )
