"""Version numbers of cached content, kept in the shared cache, so every app server agrees.

A cached piece of a page is stored under a key that carries the versions of the tables it was
read from (`versioned_key`); saving or deleting a row of one of them bumps its version
(`bump_on_save`), so the next request on any server misses the old entry and renders afresh.
Nothing is ever deleted from one process's memory: an old entry simply expires unread.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "jcm:version:"
# The names each model bumps (bump_on_save), for writes that bypass the signals (bump_model).
_NAMES_OF: dict[type[Model], set[str]] = {}


def _key(name: str) -> str:
    return PREFIX + name.replace(" ", "_")


def version(name: str) -> int:
    """The current version of `name` (1 until it is first bumped)."""
    return versions([name])[name]


def versions(names: Iterable[str]) -> dict[str, int]:
    """The current versions of `names`, read from the cache in one round trip."""
    names = list(names)
    found = cache.get_many([_key(name) for name in names])
    missing = {_key(name): 1 for name in names if _key(name) not in found}
    if missing:
        # add(), not set(): a server that bumped meanwhile keeps its higher number.
        for key, start in missing.items():
            cache.add(key, start, timeout=None)
        found |= cache.get_many(list(missing))
    return {name: found.get(_key(name), 1) for name in names}


def bump(*names: str) -> None:
    """Move each of `names` to a new version, now and again when the transaction commits:
    a request that read the old rows before the commit cannot leave them under the new key."""
    _bump(names)
    transaction.on_commit(lambda: _bump(names))


def _bump(names: Iterable[str]) -> None:
    for name in names:
        key = _key(name)
        if not cache.add(key, 2, timeout=None):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 2, timeout=None)


def versioned_key(prefix: str, *names: str, extra: Iterable[object] = ()) -> str:
    """A cache key for content read from the tables `names`, with `extra` parts (who it is
    for, which field) that also tell entries apart."""
    current = versions(names)
    parts = [prefix, *(f"{name.replace(' ', '_')}.{current[name]}" for name in names)]
    parts += [str(part) for part in extra]
    return ":".join(parts)


def bump_on_save(model: type[Model], name: str) -> None:
    """Bump `name` whenever a `model` row is saved or deleted, or its many-to-many fields change."""

    def receiver(sender, **kwargs):
        bump(name)

    _NAMES_OF.setdefault(model, set()).add(name)
    uid = f"cache_versions:{model._meta.label}:{name}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            receiver,
            sender=field.remote_field.through,
            weak=False,
            dispatch_uid=f"{uid}:{field.name}",
        )


def bump_model(model: type[Model]) -> None:
    """Bump what `model` bumps on save, after a queryset update() that sends no signal."""
    names = _NAMES_OF.get(model, set())
    if names:
        bump(*sorted(names))
