"""The idle time of a session, for the sign-out warning (`_partials/session_timeout.html`)."""

from django import template
from django.conf import settings

register = template.Library()

# The warning comes this long before the session ends (GOV.UK's timeout warning: 2 minutes).
WARNING_SECONDS = 120


@register.simple_tag
def session_idle_seconds() -> int:
    return settings.SESSION_COOKIE_AGE


@register.simple_tag
def session_warning_seconds() -> int:
    return WARNING_SECONDS


@register.simple_tag
def session_idle_minutes() -> str:
    """The idle time in words: "30 minutes"."""
    minutes = max(1, round(settings.SESSION_COOKIE_AGE / 60))
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"
