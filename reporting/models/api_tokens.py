"""Each person's API token: the credential the partnership's other systems send to the JSON
API (reporting/api/)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

# What a token starts with: it tells a leaked key for what it is (secret scanners look for it).
KEY_PREFIX = "jcm_"
# How much of the key the token page and the admin show, to tell one token from another.
SHOWN_CHARACTERS = 8


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A person's token for the API; revoking it keeps the row, so the token page can list
    when each was made, last used and revoked.

    Only the key's SHA-256 digest is kept (a key is long and random, so no slower hash is
    needed): the key is shown once, when it is made, and a copy of this table lets nobody in.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    shown_part = models.CharField("starts with", max_length=20, editable=False)
    created_at = models.DateTimeField("made", auto_now_add=True)
    last_used_at = models.DateTimeField("last used", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_api_token_per_user",
                violation_error_message="This person already has an API token.",
            ),
        ]

    def __str__(self) -> str:
        return f"API token {self.shown_part}… of {self.user}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
