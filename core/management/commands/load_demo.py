"""Load the demo data of every app and create one demo user per role. Safe to run again."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo_partnerships import ensure_demo_partnerships
from core.demo_users import DEMO_USERS, ensure_demo_users


class Command(BaseCommand):
    help = "Load the seeds' demo data and the demo users; running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        # Partnerships, then users: all demo data belongs to a partnership, and may name the
        # demo commissioner as a lead or owner.
        ensure_demo_partnerships()
        ensure_demo_users()
        for app_label in settings.LOCAL_APPS:
            # Each app that has demo data keeps its loader in `<app>/demo.py`, a `load()`
            # function, and its seed content in `<app>/demo/*.yaml` (that folder holds no code:
            # the import finds the module demo.py first).
            if find_spec(f"{app_label}.demo") is None:
                continue
            loader = getattr(import_module(f"{app_label}.demo"), "load", None)
            if loader is None:
                continue  # only a folder of seed files (core's partnerships, loaded above)
            created = loader()
            self.stdout.write(f"Demo data for {app_label}: {created} new rows.")
        self.stdout.write(self.style.SUCCESS("Demo users (username / password, role):"))
        for demo_user in DEMO_USERS:
            where = " and ".join(demo_user.partnerships)
            self.stdout.write(
                f"  {demo_user.username} / {demo_user.password}  ({demo_user.role}, {where})"
            )
            if demo_user.totp_secret:
                self.stdout.write(
                    f"    two-factor secret: {demo_user.totp_secret} (add it to an "
                    "authenticator app, or run `python manage.py demo_code` for the current code)"
                )
