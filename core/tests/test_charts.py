"""The one chart module: time on a real axis, a text alternative and a table for every chart,
no script in the SVG, the same chart the same image."""

import base64
import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template import Context, Template

from core import charts
from core.tests.caches import clear_cache

pytestmark = pytest.mark.uses_cache


def _svg(chart: charts.Chart) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert chart.uri.startswith(prefix)
    return base64.b64decode(chart.uri[len(prefix) :]).decode()


def _line_xs(svg: str, gid: str) -> list[float]:
    group = re.search(rf'<g id="{gid}">(.*?)</g>', svg, re.DOTALL).group(1)
    path = re.search(r'<path d="([^"]+)"', group).group(1)
    return [float(x) for x in re.findall(r"[ML] ?(-?[\d.]+) ", path)]


@pytest.fixture(autouse=True)
def _empty_cache():
    clear_cache()


GLD = charts.Series(
    "Halton",
    [
        charts.Point(dt.date(2017, 6, 30), Decimal("61"), "June 2017"),
        charts.Point(dt.date(2018, 6, 30), Decimal("63"), "June 2018"),
        charts.Point(dt.date(2026, 9, 30), Decimal("66.5"), "Q2 2026/27"),
    ],
)
ENGLAND = charts.Series(
    "England",
    [
        charts.Point(dt.date(2017, 6, 30), Decimal("71"), "June 2017"),
        charts.Point(dt.date(2026, 9, 30), Decimal("68"), "Q2 2026/27"),
    ],
)


def test_a_trend_places_periods_by_their_dates_not_evenly():
    chart = charts.trend_chart(title="Good level of development", series=[GLD, ENGLAND], target=70)
    xs = _line_xs(_svg(chart), "series-0")
    assert len(xs) == 3
    # One year, then eight years and a quarter: the gaps are in that ratio, not equal.
    first_gap, second_gap = xs[1] - xs[0], xs[2] - xs[1]
    days = (
        (dt.date(2018, 6, 30) - dt.date(2017, 6, 30)).days,
        (dt.date(2026, 9, 30) - dt.date(2018, 6, 30)).days,
    )
    assert second_gap / first_gap == pytest.approx(days[1] / days[0], rel=0.01)


def test_a_trend_names_its_series_and_target_and_has_a_table_and_alt_text():
    chart = charts.trend_chart(
        title="Good level of development", series=[GLD, ENGLAND], target=70, unit="%"
    )
    svg = _svg(chart)
    for name in ("Halton", "England", "Target"):
        assert f">{name}<" in svg
    assert "<script" not in svg
    assert chart.table.headers == ["Period", "Halton", "England", "Target"]
    assert chart.table.rows == [
        ["June 2017", "61", "71", "70"],
        ["June 2018", "63", "–", "70"],
        ["Q2 2026/27", "66.5", "68", "70"],
    ]
    assert chart.alt == (
        "Line chart: Good level of development. Halton: 61 in June 2017 to 66.5 in Q2 2026/27. "
        "England: 71 in June 2017 to 68 in Q2 2026/27. Target 70 (%)."
    )


def test_the_same_chart_is_the_same_image_however_often_it_is_drawn():
    first = charts.trend_chart(title="GLD", series=[GLD])
    clear_cache()
    assert charts.trend_chart(title="GLD", series=[GLD]).uri == first.uri
    assert charts.trend_chart(title="GLD", series=[GLD], target=70).uri != first.uri


def test_stacked_bars_label_each_part_with_its_count_and_total_it_in_the_table():
    chart = charts.rag_stacked_bars(
        title="Actions by RAG",
        categories=["Early help", "Emotional health and wellbeing"],
        segments=[
            charts.Segment("Red", "red", [4, 0]),
            charts.Segment("Amber", "amber", [3, 2]),
            charts.Segment("Green", "green", [8, 5]),
        ],
    )
    svg = _svg(chart)
    assert ">8<" in svg and ">5<" in svg
    assert chart.table.rows == [
        ["Early help", "4", "3", "8", "15"],
        ["Emotional health and wellbeing", "0", "2", "5", "7"],
    ]
    assert chart.alt.startswith("Stacked bar chart: Actions by RAG. Early help: 4 red, 3 amber")


def test_a_heat_map_writes_each_judgement_as_a_letter_as_well_as_a_colour():
    chart = charts.rag_heat_map(
        title="Overall RAG by term",
        rows=["Early help", "Emotional health"],
        columns=["Autumn 2026", "Spring 2027"],
        cells=[["amber", "green"], ["red", ""]],
    )
    svg = _svg(chart)
    assert svg.count(">R<") == 1 and svg.count(">A<") == 1 and svg.count(">G<") == 1
    assert chart.table.rows == [
        ["Early help", "Amber", "Green"],
        ["Emotional health", "Red", "None"],
    ]


def test_a_heat_maps_column_labels_break_onto_two_lines_in_the_image_only():
    """Six terms' names overlapped above the heat map's columns."""
    chart = charts.rag_heat_map(
        title="Overall RAG by term",
        rows=["Early help"],
        columns=["Autumn 2026/27"],
        cells=[["red"]],
    )
    svg = _svg(chart)
    assert ">Autumn<" in svg and ">2026/27<" in svg
    assert chart.table.headers == ["", "Autumn 2026/27"]
    assert "Autumn 2026/27 Red" in chart.alt


def test_a_trend_of_counts_marks_whole_numbers_only():
    """A count of overdue actions had its axis marked 0.2, 0.4 ..."""
    points = [
        charts.Point(dt.date(2026, 3, 31), 0, "Spring 2025/26"),
        charts.Point(dt.date(2026, 8, 31), 1, "Summer 2025/26"),
    ]
    series = [charts.Series("Overdue actions", points)]
    counted = _svg(charts.trend_chart(title="Overdue", series=series, integer=True))
    assert ">0.2<" not in counted and ">1<" in counted
    assert ">0.2<" in _svg(charts.trend_chart(title="Overdue", series=series))


def test_a_sparkline_with_no_values_says_so():
    chart = charts.sparkline(title="GLD", points=[])
    assert chart.alt == "Trend of GLD: no values yet."
    assert chart.table.rows == []


def test_the_chart_tag_shows_the_image_its_alt_and_its_table():
    chart = charts.trend_chart(title="Good level of development", series=[GLD])
    html = Template("{% load charts %}{% chart chart %}").render(Context({"chart": chart}))
    assert f'alt="{chart.alt}"' in html
    assert "<summary>Show the figures as a table</summary>" in html
    assert '<th scope="row">Q2 2026/27</th><td>66.5</td>' in html


def test_the_charts_table_scrolls_in_a_region_a_keyboard_reaches():
    """axe: the table's scrolling region took no keyboard focus and had no name."""
    chart = charts.trend_chart(title="Good level of development", series=[GLD])
    html = Template("{% load charts %}{% chart chart %}").render(Context({"chart": chart}))
    assert (
        '<div class="table-responsive" tabindex="0" role="region" '
        'aria-label="Good level of development, as a table">'
    ) in html
