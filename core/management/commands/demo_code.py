"""Print the demo administrator's current two-factor code, for trying the demo without a phone."""

from base64 import b32decode

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from core.demo_users import DEMO_ADMINISTRATOR_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the code an authenticator app with the demo administrator's secret shows now."

    def handle(self, *args, **options):
        key = b32decode(DEMO_ADMINISTRATOR_TOTP_SECRET.replace(" ", ""))
        self.stdout.write(f"{TOTP(key).token():06d}")
