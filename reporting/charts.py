"""Server-side SVG charts (pygal), embedded as data: images so they need no script or inline
style under the Content Security Policy, and appear the same in the page and in the PDF."""

import base64
import hashlib
import json
import re
from typing import Any

import pygal
from django.core.cache import cache
from pygal.style import Style

# High-contrast, colour-blind-safe colours (Okabe-Ito); the series also differ by dash and dot.
CHART_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    colors=("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#6c757d"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=12,
    value_font_size=11,
)

# A drawn chart is kept this long in the cache, under a hash of what it draws.
CHART_CACHE_SECONDS = 24 * 60 * 60

# pygal always writes its configuration as an inline script, even with `js=[]`. An SVG shown
# as an image never runs scripts, but the chart is cut out so the document holds none at all.
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
# pygal names each chart with a random UUID; named by what it draws instead, the same chart is
# the same SVG in every process, so the board pack's HTML (and its hash, which says whether the
# kept PDF is current) is the same in the web server and the worker.
CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def comparator_lines(indicator: dict[str, Any]) -> list[tuple[str, list[float | None]]]:
    """Each comparator's name and its values at the indicator's periods, leaving out those
    with none there. Reads both snapshot shapes: named `comparators` (schema 2) and the one
    unnamed `comparator_value` per point of reports submitted before."""
    series = indicator["series"]
    if "comparators" in indicator:
        lines = [
            (comparator["name"], [_number(point["comparator_values"][i]) for point in series])
            for i, comparator in enumerate(indicator["comparators"])
        ]
    else:
        old = (indicator.get("latest") or {}).get("comparator") or "Comparator"
        lines = [(old, [_number(point.get("comparator_value")) for point in series])]
    return [(name, values) for name, values in lines if any(v is not None for v in values)]


def indicator_trend_svg(indicator: dict[str, Any]) -> str:
    """The trend of an assembled indicator (see assemble.indicators_section) as an SVG document."""
    series = indicator["series"]
    chart = pygal.Line(
        js=[],
        style=CHART_STYLE,
        width=640,
        height=280,
        show_legend=True,
        legend_at_bottom=True,
        x_label_rotation=0,
        truncate_label=-1,
        dots_size=4,
        explicit_size=True,
        show_y_guides=True,
        allow_interruptions=True,
    )
    chart.x_labels = [point["period"] for point in series]
    chart.add("Value", [_number(point["value"]) for point in series])
    for name, values in comparator_lines(indicator):
        chart.add(name, values, stroke_style={"dasharray": "6,4"})
    if indicator["target"] is not None:
        chart.add(
            "Target",
            [_number(indicator["target"])] * len(series),
            show_dots=False,
            stroke_style={"dasharray": "2,4", "width": 2},
        )
    content = json.dumps(indicator, sort_keys=True, default=str).encode()
    stable_id = f"chart-{hashlib.sha256(content).hexdigest()[:32]}"
    return CHART_ID.sub(stable_id, SCRIPT.sub("", chart.render(is_unicode=True)))


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def indicator_chart_uri(indicator: dict[str, Any]) -> str:
    """The indicator's trend chart as a data: URI, drawn once per distinct indicator content:
    a submitted report's charts never change, and drawing one costs more than the rest of
    its row (bench/pages.py)."""
    content = json.dumps(indicator, sort_keys=True, default=str).encode()
    key = f"indicator-chart:{hashlib.sha256(content).hexdigest()}"
    uri = cache.get(key)
    if uri is None:
        uri = data_uri(indicator_trend_svg(indicator))
        cache.set(key, uri, CHART_CACHE_SECONDS)
    return uri


def with_charts(content: dict[str, Any]) -> dict[str, Any]:
    """The content with a `chart` data: URI on each indicator that has values to draw."""
    indicators = [
        {**indicator, "chart": indicator_chart_uri(indicator)} if indicator["series"] else indicator
        for indicator in content.get("indicators", [])
    ]
    return {**content, "indicators": indicators}
