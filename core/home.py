"""The home page's dashboards, supplied by the app on top (reporting) without core importing it.

An app registers a builder in its AppConfig.ready(); the home view asks it for the signed-in
user's dashboard. With none registered the home page shows the task lists alone.
"""

from collections.abc import Callable
from typing import Any

DashboardBuilder = Callable[..., Any]

_builders: list[DashboardBuilder] = []


def register_dashboard(builder: DashboardBuilder) -> None:
    """Register `builder(user=...)`; registering the same builder twice keeps one."""
    if builder not in _builders:
        _builders.append(builder)


def dashboard_for(user) -> Any | None:
    """The dashboard of the first registered builder, or None when no app supplies one."""
    return _builders[0](user=user) if _builders else None
