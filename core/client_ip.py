"""The address a request came from, for django-axes' lockout of a username at one address."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies that each append the address
    they were reached from to X-Forwarded-For, the entry that many places from its right.

    Entries further left are whatever the client sent, so they are never trusted: otherwise
    one attacker could claim a new address for every guess, or lock a colleague out by
    claiming theirs. Without the proxies' entries (a misconfiguration) REMOTE_ADDR is used.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
