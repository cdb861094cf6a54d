"""Emptying the cache between tests, whichever backend CACHE_URL chose."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

# A test that lets a cached value's timeout pass on the frozen clock: Redis expires keys by its
# own clock, which the tests cannot move, so such a test runs against local memory only.
expires_by_the_frozen_clock = pytest.mark.skipif(
    settings.CACHES["default"]["BACKEND"].endswith("RedisCache"),
    reason="Redis expires keys by its own clock, not the tests' frozen one",
)


def clear_cache(alias: str = "default") -> None:
    """Remove this test run's keys: all of local memory, or on a shared Redis only the keys
    under this run's prefix (config/settings/test.py), never another run's."""
    backend = caches[alias]
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{backend.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        backend.clear()
