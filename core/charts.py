"""Every chart the product draws: server-side SVG by matplotlib, embedded as `data:` images so
they need no script or inline style under the Content Security Policy and look the same in the
page and in the PDF.

Each function returns a `Chart`: the image, a text alternative for its `alt`, and the table of
the figures it draws (the `{% chart %}` tag shows both, core/templatetags/charts.py). Time runs
on a real time axis: periods are placed by their end dates, so June 2017 and Q2 2026/27 are as
far apart as they are in time. A drawn chart is cached under a hash of what it draws.
"""

import base64
import datetime
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal

import matplotlib

matplotlib.use("svg")

from django.core.cache import cache  # noqa: E402
from matplotlib import dates as mdates  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Bump when the drawing changes, so cached charts are drawn again.
CHART_VERSION = 2
CHART_CACHE_SECONDS = 24 * 60 * 60

# Okabe-Ito, safe for colour-blind readers; the series also differ by line style and marker.
SERIES_STYLES = (
    {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    {"color": "#D55E00", "linestyle": "--", "marker": "s"},
    {"color": "#009E73", "linestyle": "-.", "marker": "^"},
    {"color": "#CC79A7", "linestyle": ":", "marker": "D"},
    {"color": "#56B4E9", "linestyle": "--", "marker": "v"},
)
TARGET_STYLE = {"color": "#212529", "linestyle": (0, (2, 3)), "linewidth": 1.5}
# RAG fills; every bar segment and heat map cell also carries its letter or count in text.
RAG_COLOURS = {"red": "#C0392B", "amber": "#E69F00", "green": "#009E73", "": "#BFBFBF"}
RAG_LETTERS = {"red": "R", "amber": "A", "green": "G", "": "–"}
TEXT_ON = {"red": "white", "amber": "black", "green": "white", "": "black"}

FONT = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.fonttype": "none",  # text stays text: smaller, and selectable in the PDF
    "svg.hashsalt": "jcm-charts",  # the same chart is the same SVG in every process
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Point:
    """A value at the end of its period; `label` is the period as people name it."""

    when: datetime.date
    value: Decimal | float | None
    label: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    points: Sequence[Point]


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar across every category, e.g. the red actions of each priority."""

    name: str
    rag: str
    values: Sequence[int]


@dataclass(frozen=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Chart:
    uri: str
    alt: str
    table: Table
    width: int
    height: int
    title: str = ""
    notes: Sequence[str] = field(default_factory=tuple)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _figure_text(value) -> str:
    if value is None:
        return "–"
    number = float(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"


def _draw(key_content: dict, width: int, height: int, paint) -> str:
    """The chart's data: URI, from the cache or drawn by `paint(figure)`."""
    content = json.dumps(
        {"v": CHART_VERSION, "w": width, "h": height, **key_content}, sort_keys=True, default=str
    )
    key = "chart:" + hashlib.sha256(content.encode()).hexdigest()
    uri = cache.get(key)
    if uri is None:
        with matplotlib.rc_context(FONT):
            figure = Figure(figsize=(width / 100, height / 100), dpi=100, layout="constrained")
            paint(figure)
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        svg = buffer.getvalue()
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
        cache.set(key, uri, CHART_CACHE_SECONDS)
    return uri


def _series_content(series: Sequence[Series]) -> list:
    return [{"name": one.name, "points": [asdict(point) for point in one.points]} for one in series]


def trend_chart(
    *,
    title: str,
    series: Sequence[Series],
    target: Decimal | float | None = None,
    unit: str = "",
    width: int = 640,
    height: int = 300,
    integer: bool = False,
) -> Chart:
    """Values over time, one line per series (the indicator's own first, then comparators),
    with the target as a dashed line; periods placed by date. `integer` for counts: the value
    axis then marks whole numbers only."""

    def paint(figure: Figure) -> None:
        axes = figure.subplots()
        for index, one in enumerate(series):
            points = [point for point in one.points if point.value is not None]
            if not points:
                continue
            style = SERIES_STYLES[index % len(SERIES_STYLES)]
            (line,) = axes.plot(
                [point.when for point in points],
                [_number(point.value) for point in points],
                label=one.name,
                linewidth=2.5 if index == 0 else 1.5,
                markersize=5,
                **style,
            )
            line.set_gid(f"series-{index}")  # names the line's group in the SVG
        if target is not None:
            axes.axhline(_number(target), label="Target", **TARGET_STYLE)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.set_ylabel(unit)
        if integer:
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", color="#dee2e6", linewidth=0.8)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4, frameon=False)

    periods = sorted(
        {
            (point.when, point.label or point.when.isoformat())
            for one in series
            for point in one.points
        }
    )
    headers = ["Period", *(one.name for one in series)] + (["Target"] if target is not None else [])
    by_series = [
        {(point.when, point.label or point.when.isoformat()): point.value for point in one.points}
        for one in series
    ]
    rows = [
        [label, *(_figure_text(values.get((when, label))) for values in by_series)]
        + ([_figure_text(target)] if target is not None else [])
        for when, label in periods
    ]
    alt = _trend_alt(title, series, target, unit)
    uri = _draw(
        {
            "kind": "trend",
            "series": _series_content(series),
            "target": target,
            "unit": unit,
            "integer": integer,
        },
        width,
        height,
        paint,
    )
    return Chart(
        uri=uri, alt=alt, table=Table(headers, rows), width=width, height=height, title=title
    )


def _trend_alt(title: str, series: Sequence[Series], target, unit: str) -> str:
    parts = [f"Line chart: {title}."]
    for one in series:
        points = [point for point in one.points if point.value is not None]
        if points:
            first, last = points[0], points[-1]
            parts.append(
                f"{one.name}: {_figure_text(first.value)} in {first.label or first.when} "
                f"to {_figure_text(last.value)} in {last.label or last.when}."
            )
    if target is not None:
        parts.append(f"Target {_figure_text(target)}{f' ({unit})' if unit else ''}.")
    return " ".join(parts)


def sparkline(*, title: str, points: Sequence[Point], target=None) -> Chart:
    """A small line of one series for tables and the board pack, first and last value marked."""
    values = [point for point in points if point.value is not None]

    def paint(figure: Figure) -> None:
        axes = figure.subplots()
        axes.set_axis_off()
        if values:
            axes.plot(
                [point.when for point in values],
                [_number(point.value) for point in values],
                color=SERIES_STYLES[0]["color"],
                linewidth=1.5,
            )
            axes.plot(
                [values[-1].when], [_number(values[-1].value)], "o", color="#212529", markersize=3
            )
        if target is not None:
            axes.axhline(_number(target), **{**TARGET_STYLE, "linewidth": 0.8})

    rows = [[point.label or point.when.isoformat(), _figure_text(point.value)] for point in points]
    if values:
        alt = (
            f"Trend of {title}: {_figure_text(values[0].value)} in "
            f"{values[0].label or values[0].when} to {_figure_text(values[-1].value)} in "
            f"{values[-1].label or values[-1].when}."
        )
    else:
        alt = f"Trend of {title}: no values yet."
    uri = _draw(
        {"kind": "spark", "points": [asdict(point) for point in points], "target": target},
        120,
        32,
        paint,
    )
    return Chart(
        uri=uri, alt=alt, table=Table(["Period", "Value"], rows), width=120, height=32, title=title
    )


def rag_stacked_bars(
    *,
    title: str,
    categories: Sequence[str],
    segments: Sequence[Segment],
    unit: str = "Actions",
    width: int = 640,
) -> Chart:
    """Horizontal bars, one per category (e.g. priority or term), split by RAG, each part
    labelled with its count."""
    height = max(140, 70 + 34 * len(categories))

    def paint(figure: Figure) -> None:
        axes = figure.subplots()
        positions = list(range(len(categories)))
        lefts = [0] * len(categories)
        for segment in segments:
            bars = axes.barh(
                positions,
                list(segment.values),
                left=lefts,
                color=RAG_COLOURS.get(segment.rag, RAG_COLOURS[""]),
                label=segment.name,
                edgecolor="white",
                height=0.7,
            )
            labels = [str(value) if value else "" for value in segment.values]
            axes.bar_label(
                bars, labels=labels, label_type="center", color=TEXT_ON.get(segment.rag, "black")
            )
            lefts = [left + value for left, value in zip(lefts, segment.values, strict=True)]
        axes.set_yticks(positions, [_short(category) for category in categories])
        axes.invert_yaxis()
        axes.set_xlabel(unit)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, frameon=False)

    headers = ["", *(segment.name for segment in segments), "Total"]
    rows = []
    for index, category in enumerate(categories):
        counts = [segment.values[index] for segment in segments]
        rows.append([category, *(str(count) for count in counts), str(sum(counts))])
    alt = f"Stacked bar chart: {title}. " + " ".join(
        f"{row[0]}: "
        + ", ".join(
            f"{count} {segment.name.lower()}"
            for segment, count in zip(segments, row[1:-1], strict=True)
        )
        + "."
        for row in rows
    )
    uri = _draw(
        {
            "kind": "stacked",
            "unit": unit,
            "categories": list(categories),
            "segments": [asdict(segment) for segment in segments],
        },
        width,
        height,
        paint,
    )
    return Chart(
        uri=uri, alt=alt, table=Table(headers, rows), width=width, height=height, title=title
    )


def rag_heat_map(
    *,
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[str]],
    width: int = 640,
) -> Chart:
    """A grid of RAG judgements (e.g. each priority's overall RAG by term); each cell carries its
    letter, and an empty cell a dash, so colour is never the only sign."""
    height = max(120, 60 + 32 * len(rows))
    names = {"red": "Red", "amber": "Amber", "green": "Green", "": "None"}

    def paint(figure: Figure) -> None:
        axes = figure.subplots()
        for y, row in enumerate(cells):
            for x, rag in enumerate(row):
                axes.add_patch(
                    Rectangle(
                        (x, y),
                        0.96,
                        0.92,
                        facecolor=RAG_COLOURS.get(rag, RAG_COLOURS[""]),
                        edgecolor="white",
                    )
                )
                axes.text(
                    x + 0.48,
                    y + 0.46,
                    RAG_LETTERS.get(rag, "–"),
                    ha="center",
                    va="center",
                    color=TEXT_ON.get(rag, "black"),
                    fontweight="bold",
                )
        axes.set_xlim(0, max(1, len(columns)))
        axes.set_ylim(len(rows), 0)
        # A column's label on two lines ("Autumn" over "2026/27"), so six terms do not overlap.
        axes.set_xticks(
            [x + 0.48 for x in range(len(columns))],
            [column.replace(" ", "\n", 1) for column in columns],
        )
        axes.xaxis.tick_top()
        axes.set_yticks([y + 0.46 for y in range(len(rows))], [_short(row) for row in rows])
        axes.tick_params(length=0)
        for side in ("top", "right", "bottom", "left"):
            axes.spines[side].set_visible(False)

    table_rows = [
        [row, *(names.get(rag, "None") for rag in cells[index])] for index, row in enumerate(rows)
    ]
    alt = f"Heat map: {title}. " + " ".join(
        f"{row[0]}: "
        + ", ".join(f"{column} {rag}" for column, rag in zip(columns, row[1:], strict=True))
        + "."
        for row in table_rows
    )
    uri = _draw(
        {
            "kind": "heat",
            "rows": list(rows),
            "columns": list(columns),
            "cells": [list(c) for c in cells],
        },
        width,
        height,
        paint,
    )
    return Chart(
        uri=uri,
        alt=alt,
        table=Table(["", *columns], table_rows),
        width=width,
        height=height,
        title=title,
    )


def _short(text: str, limit: int = 34) -> str:
    """An axis label short enough not to be cut off; the table beside it names it in full."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
