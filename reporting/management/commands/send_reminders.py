"""Email each owner their overdue actions and each lead commissioner the reports due this term.

Run daily by cron (see README): `python manage.py send_reminders --base-url https://...`.
Mail goes through Django's email backend, which EMAIL_URL configures.
"""

from django.core.mail import get_connection
from django.core.management.base import BaseCommand
from django.utils import timezone

from reporting.models import Term
from reporting.reminders import reminder_email, reminders


class Command(BaseCommand):
    help = "Email each owner their overdue actions and each lead the reports due this term."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, for links in the emails, e.g. https://jcm.example.org",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would be emailed; send nothing."
        )

    def handle(self, *args, base_url: str, dry_run: bool, **options):
        today = timezone.localdate()
        term = Term.objects.current(today)
        messages, skipped = [], 0
        for reminder in reminders(today=today):
            if not reminder.user.email or not reminder.user.is_active:
                skipped += 1
                continue
            messages.append(reminder_email(reminder, term=term, base_url=base_url))
        if not dry_run and messages:
            get_connection().send_messages(messages)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {len(messages)} reminders; {skipped} people have no email.")
