"""The charts on the framework and priority pages.

What the termly reports say by term (the framework's heat map, a priority's RAG mix over the
terms) belongs to reporting, the app on top, which priorities does not import: reporting
registers a builder for each page in its AppConfig.ready(), as it does for the home page
(core/home.py). With none registered the pages show no term charts. The indicators off track
are priorities' own, drawn here by core.charts.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core import charts
from priorities import judgement
from priorities.models import Indicator, IndicatorValue, PriorityArea
from priorities.templatetags.priorities_tags import figure

FRAMEWORK_PAGE = "framework"
PRIORITY_PAGE = "priority_area"

_builders: dict[str, Callable[..., Any]] = {}


def register_page_charts(page: str, builder: Callable[..., Any]) -> None:
    """Register `builder(**what the page passes)` for FRAMEWORK_PAGE or PRIORITY_PAGE; the
    latest registered builder of a page is the one asked."""
    if page not in (FRAMEWORK_PAGE, PRIORITY_PAGE):
        raise ValueError(f"No page named {page!r} takes charts.")
    _builders[page] = builder


def page_charts(page: str, **kwargs) -> Any | None:
    """The charts of the registered builder for `page`, or None when no app supplies them."""
    builder = _builders.get(page)
    return builder(**kwargs) if builder else None


@dataclass(frozen=True)
class OffTrack:
    indicator: Indicator
    latest: IndicatorValue
    trend: charts.Chart
    against: str  # what it is worse than, e.g. "a target of 70" or "England's 71"


@dataclass
class OffTrackIndicators:
    """The indicators off track; `judged` says whether any indicator could be judged at all
    (a value and a target or a comparator's figure), so an empty list can say which it means."""

    rows: list[OffTrack] = field(default_factory=list)
    judged: bool = False


def _worse_than(indicator: Indicator) -> tuple[bool, str]:
    """Whether the indicator could be judged, and what its latest value is worse than
    (judgement.off_track's rule): "a target of 70" or "England's 71"; "" when it is not."""
    comparison = next(iter(indicator.latest_comparisons), None)
    judged, worse = judgement.off_track(indicator.target, indicator.against_target, comparison)
    if not worse:
        return judged, ""
    if indicator.target is not None:
        return True, f"a target of {figure(indicator.target)}"
    return True, f"{comparison['comparator']}'s {figure(comparison['value'])}"


def indicators_off_track(priority_area: PriorityArea) -> OffTrackIndicators:
    """The priority's indicators whose latest value is worse than its target, or without one
    than its first comparator, by their polarity, each with a sparkline of its values; reads
    the prefetched indicators, values and comparator values (selectors.priority_area_detail),
    so it adds no query."""
    found = OffTrackIndicators()
    for indicator in priority_area.indicators.all():
        judged, against = _worse_than(indicator)
        found.judged = found.judged or judged
        if not against:
            continue
        values = list(indicator.values.all())  # newest first
        points = [
            charts.Point(when=value.period_end, value=value.value, label=value.period_label)
            for value in reversed(values)
        ]
        trend = charts.sparkline(title=indicator.name, points=points, target=indicator.target)
        found.rows.append(
            OffTrack(indicator=indicator, latest=values[0], trend=trend, against=against)
        )
    return found
