"""`manage.py api_token <username>`: make a new API token for a person and print its key (the
one they had stops working); `--revoke` revokes it instead."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reporting.api import services


class Command(BaseCommand):
    help = "Make a new API token for a person and print it (or revoke theirs with --revoke)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="Revoke the person's token.")

    def handle(self, *args, username: str, revoke: bool, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No one has the username {username!r}.")
        if revoke:
            revoked = services.api_token_revoke(user=user)
            self.stderr.write("Revoked." if revoked else f"{username} had no token.")
            return
        _, key = services.api_token_create(user=user)
        # The key alone on standard output, so a script can read it.
        self.stdout.write(key)
