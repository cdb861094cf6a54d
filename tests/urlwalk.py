"""Every URL pattern of the project, with a concrete sample URL for each.

Used by the tests that walk the whole site, so a new view is covered the day it is added.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern

SAMPLE_BY_CONVERTER = {
    "int": "1",
    "slug": "sample",
    "str": "sample",
    "path": "sample",
    "uuid": ("12345678-1234-5678-1234-567812345678"),
}
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\)")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class WalkedUrl:
    name: str
    url: str


def _sample_for_regex_group(match: re.Match) -> str:
    body = match.group("body")
    # Admin app lists are alternatives of app labels: take the first one.
    if re.fullmatch(r"[\w|]+", body):
        return body.split("|")[0]
    return "1"


def _concrete(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return ROUTE_PARAMETER.sub(
            lambda m: SAMPLE_BY_CONVERTER[m.group("converter") or "str"], str(pattern)
        )
    if isinstance(pattern, RegexPattern):
        text = NAMED_GROUP.sub(_sample_for_regex_group, pattern.regex.pattern)
        return text.lstrip("^").rstrip("$").replace("\\", "")
    raise TypeError(f"Unknown URL pattern type: {pattern!r}")


def _walk(resolvers, prefix: str, namespace: str) -> Iterator[WalkedUrl]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            child_namespace = namespace
            if entry.namespace:
                child_namespace = f"{namespace}{entry.namespace}:"
            yield from _walk(entry.url_patterns, prefix + _concrete(entry.pattern), child_namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else f"{namespace}<unnamed>"
            yield WalkedUrl(name=name, url=prefix + _concrete(entry.pattern))


def all_urls() -> list[WalkedUrl]:
    """Every pattern in ROOT_URLCONF as a URL that resolves back to it."""
    walked = list(_walk(get_resolver().url_patterns, "/", ""))
    for item in walked:
        resolve(item.url)  # a sample the walker got wrong fails loudly here
    return walked
