"""Emptying the cache between tests, whichever backend CACHE_URL chose."""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


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
