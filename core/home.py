"""The home page's dashboards, supplied by the app on top (reporting) without core importing it.

An app registers a builder in its AppConfig.ready(); the home view asks it for the signed-in
user's dashboard. With none registered the home page shows the task lists alone.
"""

import datetime
from collections.abc import Callable
from typing import Any

DashboardBuilder = Callable[..., Any]

_builders: list[DashboardBuilder] = []


def register_dashboard(builder: DashboardBuilder) -> None:
    """Register `builder(user=..., since=...)`; registering the same builder twice keeps one."""
    if builder not in _builders:
        _builders.append(builder)


def dashboard_for(user, *, since: datetime.datetime | None = None) -> Any | None:
    """The dashboard of the first registered builder, or None when no app supplies one;
    `since` is the user's previous sign-in, if any, for what changed since."""
    return _builders[0](user=user, since=since) if _builders else None
