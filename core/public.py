"""Public pages: open without signing in, read-only, cached and rate-limited.

A public view renders its template without the request (`render_public`), so no context
processor runs: no user, session, CSRF token or message can reach the page, and one rendering
serves every visitor. `public_page` then keeps that rendering in the cache for
PUBLIC_PAGE_CACHE_SECONDS (until something it shows changes: `refresh_public_pages`), lets
browsers and proxies keep it as long, and answers 429 to an address that asks more often than
PUBLIC_RATE_LIMIT.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django_ratelimit.core import is_ratelimited

from core.cache_versions import bump, bump_on_save, version
from core.client_ip import client_ip
from core.two_factor.middleware import second_factor_not_required

# The cache version (core/cache_versions.py) every public page's key carries.
VERSION_NAME = "public-pages"
# Headers of a public view's response kept with its body in the cache.
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def render_public(template_name: str, context: dict, **response_kwargs) -> HttpResponse:
    """`template_name` rendered with `context` alone: nothing of the request reaches it."""
    return HttpResponse(render_to_string(template_name, context), **response_kwargs)


def refresh_public_pages() -> None:
    """Forget every cached public page, on every app server (their keys carry a version)."""
    bump(VERSION_NAME)


def refresh_public_pages_on_change(*models: type[Model]) -> None:
    """Refresh the public pages whenever a record of one of `models` is saved or deleted."""
    for model in models:
        bump_on_save(model, VERSION_NAME)


def _cache_key(request: HttpRequest) -> str:
    # Hashed: the address and query are the visitor's words, of any length.
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-pages:{version(VERSION_NAME)}:{path}"


def _client_key(_group: str, request: HttpRequest) -> str:
    return client_ip(request) or "unknown"


def rate_limited() -> HttpResponse:
    response = HttpResponse(
        "Too many requests from your address: please wait a minute and try again.",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    return response


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open `view` to everyone, for reading only, through the cache and the rate limit.

    Only a 200 answer is cached; a 404 for an unknown partnership is rendered each time (the
    rate limit bounds how often). Outside a transaction: it only reads, and a cached answer
    then costs no statement at all.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if is_ratelimited(
            request,
            group="public-pages",
            key=_client_key,
            rate=settings.PUBLIC_RATE_LIMIT,
            increment=True,
        ):
            return rate_limited()
        key = _cache_key(request)
        kept = cache.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            kept = (response.content, headers)
            cache.set(key, kept, settings.PUBLIC_PAGE_CACHE_SECONDS)
        content, headers = kept
        response = HttpResponse(content, headers=headers)
        response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_CACHE_SECONDS}"
        # core.headers.NoStoreMiddleware leaves this response's caching as it is.
        response.is_public = True
        return response

    return login_not_required(second_factor_not_required(transaction.non_atomic_requests(wrapped)))
