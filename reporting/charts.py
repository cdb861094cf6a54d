"""The charts of an assembled report's indicators (see assemble.indicators_section), drawn by
core/charts.py: the indicator's values and each comparator's on a time axis, with its target,
and a sparkline for the board pack's exceptions.

Reads both snapshot shapes: named `comparators` with their own series (schema 2), and the one
unnamed `comparator_value` per point of reports submitted before. Points without a period end
(reports submitted before the series kept them) are placed a year apart, in order.
"""

import datetime
from decimal import Decimal
from typing import Any

from core import charts


def _when(point: dict[str, Any], index: int) -> datetime.date:
    if point.get("period_end"):
        return datetime.date.fromisoformat(point["period_end"])
    return datetime.date(2000 + index, 8, 31)


def _points(series: list[dict[str, Any]], key: str = "value") -> list[charts.Point]:
    return [
        charts.Point(
            when=_when(point, index),
            value=None if point.get(key) is None else Decimal(point[key]),
            label=point["period"],
        )
        for index, point in enumerate(series)
    ]


def comparator_series(indicator: dict[str, Any]) -> list[charts.Series]:
    """Each comparator with values to draw, named."""
    if "comparators" in indicator:
        lines = [
            charts.Series(comparator["name"], _points(comparator["series"]))
            for comparator in indicator["comparators"]
        ]
    else:
        name = (indicator.get("latest") or {}).get("comparator") or "Comparator"
        lines = [charts.Series(name, _points(indicator["series"], "comparator_value"))]
    return [line for line in lines if any(point.value is not None for point in line.points)]


def _target(indicator: dict[str, Any]) -> Decimal | None:
    return None if indicator.get("target") is None else Decimal(indicator["target"])


def indicator_trend(indicator: dict[str, Any]) -> charts.Chart:
    # "Value", not the indicator's name: the heading above the chart names it, and a legend
    # repeating it would read as a heading at the foot of a page in the pack.
    return charts.trend_chart(
        title=indicator.get("name", ""),
        series=[
            charts.Series("Value", _points(indicator["series"])),
            *comparator_series(indicator),
        ],
        target=_target(indicator),
        unit=indicator.get("unit", ""),
    )


def indicator_sparkline(indicator: dict[str, Any]) -> charts.Chart:
    return charts.sparkline(
        title=indicator["name"], points=_points(indicator["series"]), target=_target(indicator)
    )


def with_charts(content: dict[str, Any]) -> dict[str, Any]:
    """The content with a `chart` data: URI and its `chart_alt` on each indicator that has
    values to draw."""
    indicators = []
    for indicator in content.get("indicators", []):
        if indicator["series"]:
            chart = indicator_trend(indicator)
            indicator = {**indicator, "chart": chart.uri, "chart_alt": chart.alt}
        indicators.append(indicator)
    return {**content, "indicators": indicators}
