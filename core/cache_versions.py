"""Version numbers kept in the cache, for cached things that must change when their data does.

A cached value's key carries the versions of what it was made from (`versioned_key`); saving
or deleting one of those records bumps its version (`bump_on_save`), so every app server's
next look-up misses and makes the value afresh, while the old value simply expires. Nothing is
ever deleted from one process's memory, which is why it stays right behind a load balancer
with a shared cache (CACHE_URL, e.g. `rediscache://127.0.0.1:6379/1`).

    bump_on_save(Organisation, "organisations")           # in an AppConfig.ready()
    key = versioned_key("action-filters", "organisations", "users", extra=partnership.pk)
    html = cache.get(key)                                 # None after any organisation changed
"""

import hashlib
import json
import re
import time
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "version:"
# The names each model bumps (bump_on_save), for writes that bypass the signals (bump_model).
_NAMES_OF: dict[type[Model], set[str]] = {}


def _key(name: str) -> str:
    # Names are words joined by hyphens ("priority-areas"): a key with a space would not
    # work with memcached, and Django warns of one on any backend.
    return PREFIX + name


def _first_version() -> int:
    # A version that was evicted from the cache starts again above any number it can have
    # reached before (a bump a microsecond at most), so no value kept under an old version
    # number is ever read again.
    return time.time_ns() // 1000


def version(name: str) -> int:
    """The current version of `name` (started if it has none yet)."""
    return versions(name)[name]


def versions(*names: str) -> dict[str, int]:
    """The current versions of `names`, in one round trip to the cache when they are kept."""
    found = cache.get_many([_key(name) for name in names])
    result = {}
    for name in names:
        value = found.get(_key(name))
        if value is None:
            cache.add(_key(name), _first_version(), timeout=None)
            value = cache.get(_key(name))
        result[name] = int(value)
    return result


def bump(*names: str) -> None:
    """Move each of `names` to a new version: nothing cached under the old one is read again."""
    for name in names:
        try:
            cache.incr(_key(name))
        except ValueError:
            # Not kept (never read, or evicted): a fresh start is already newer than any
            # version it had.
            if not cache.add(_key(name), _first_version(), timeout=None):
                cache.incr(_key(name))


def bump_after_write(*names: str) -> None:
    """Bump `names` for a write in this transaction: now, so that this request reads its own
    change; and again when the transaction commits, so that a value another server cached from
    the data before the commit (the only data it could see) is not kept under the new version."""
    bump(*names)
    transaction.on_commit(lambda: bump(*names))


def versioned_key(prefix: str, *names: str, extra: Any = None) -> str:
    """A cache key for a value made from `names` (and `extra`: a partnership, a query...):
    it changes whenever one of them is bumped."""
    parts = [prefix] + [f"{name}.{number}" for name, number in versions(*names).items()]
    if extra is not None:
        # Hashed: `extra` may be a visitor's query of any length, or not a string at all.
        text = json.dumps(extra, sort_keys=True, default=str)
        parts.append(hashlib.sha256(text.encode()).hexdigest()[:32])
    return ":".join(parts)


def bump_on_save(model: type[Model], name: str) -> None:
    """Bump `name` whenever a record of `model` is saved or deleted, or one of its
    many-to-many relations changes."""

    def handler(action: str = "", **_signal_kwargs) -> None:
        if action.startswith("pre_"):
            return  # m2m_changed: the change is made after this signal, and signalled again
        bump_after_write(name)

    _NAMES_OF.setdefault(model, set()).add(name)
    if not re.fullmatch(r"[\w-]+", name):
        raise ValueError(f"A version name is words joined by hyphens, not {name!r}.")
    uid = f"cache-version:{name}:{model._meta.label}"
    post_save.connect(handler, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(handler, sender=model, weak=False, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            handler,
            sender=field.remote_field.through,
            weak=False,
            dispatch_uid=f"{uid}:{field.name}",
        )


def bump_model(model: type[Model]) -> None:
    """Bump what `model` bumps on save, after a queryset update() or bulk_create() that sends no
    signal: now and when the transaction commits, as a save does (bump_after_write)."""
    names = _NAMES_OF.get(model, set())
    if names:
        bump_after_write(*sorted(names))
