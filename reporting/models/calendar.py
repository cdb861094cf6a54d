"""Each person's private calendar feed: the secret address a calendar application subscribes to."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarFeed(models.Model):
    """The token in a person's feed address. Resetting it gives a new token: the old address
    answers 404 from then on.

    The token is kept as it is, not hashed, because the calendar page shows the address again
    whenever its owner opens it (calendar applications ask for it when setting up each device),
    and whoever can read this table can read everything the feed holds from the other tables
    anyway. The admin never shows it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reset_at = models.DateTimeField("address made", auto_now=True)

    class Meta:
        ordering = ["user__username"]
        verbose_name = "calendar feed"

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:calendar_feed", args=[self.token])
