"""The daily reminders: notify what has fallen due, then send the emails chosen "at once".

Run daily by cron (see README): `python manage.py send_reminders --base-url https://...`.
Running it twice sends nothing new: each event is notified once and each notification emailed
once. Mail goes through Django's email backend, which EMAIL_URL configures.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from core.notifications.emails import send_immediate_emails
from reporting.reminders import notifications_daily


class Command(BaseCommand):
    help = "Notify overdue actions, reports due and feedback owed; email those who chose it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, for links in the emails, e.g. https://jcm.example.org "
            "(default: the SITE_URL setting)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be done; change and send nothing.",
        )

    def handle(self, *args, base_url: str, dry_run: bool, **options):
        with transaction.atomic():
            made = notifications_daily(timezone.localdate())
            outcome = send_immediate_emails(base_url=base_url, dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would make" if dry_run else "Made"
        sent = "would send" if dry_run else "sent"
        self.stdout.write(
            f"{verb} {sum(made.values())} notifications; {sent} {outcome.emails} emails; "
            f"{outcome.no_email} people have no email."
        )
