"""An indicator's trend as its page shows it: the chart of its own values and each comparator's,
the table of the same figures with each value's note, and how the latest value stands."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from core import charts
from priorities.models import ComparatorValue, Indicator, IndicatorValue


@dataclass(frozen=True)
class TrendRow:
    """One period of the values table: the indicator's value (None if it has none for the
    period), each comparator's in the order of `IndicatorTrend.comparators`, and the note."""

    period_label: str
    period_end: datetime.date
    value: Decimal | None
    comparator_values: list[Decimal | None]
    note: str


@dataclass(frozen=True)
class Judgement:
    """How the latest value compares with `than` (the target or a comparator): "better",
    "worse" or "level"."""

    than: str
    judgement: str


@dataclass(frozen=True)
class IndicatorTrend:
    comparators: list[str]
    rows: list[TrendRow]
    chart: charts.Chart
    latest: IndicatorValue | None
    judgements: list[Judgement]


def _by_comparator(values: list[ComparatorValue]) -> dict[str, list[ComparatorValue]]:
    series: dict[str, list[ComparatorValue]] = {}
    for value in values:
        series.setdefault(value.comparator.name, []).append(value)
    return series


def judge_latest(
    indicator: Indicator,
    latest: IndicatorValue | None,
    comparators: dict[str, list[ComparatorValue]],
) -> list[Judgement]:
    """The latest value against the target and each comparator's value for the same period.

    Kept to this one function so that the polarity-aware judgement of priorities/judgement.py
    can take its place."""
    if latest is None:
        return []
    judgements = [Judgement("target", indicator.judge(latest.value, indicator.target))]
    for name, values in comparators.items():
        same_period = [value for value in values if value.period_end == latest.period_end]
        if same_period:
            judgements.append(Judgement(name, indicator.judge(latest.value, same_period[0].value)))
    return [judgement for judgement in judgements if judgement.judgement]


def indicator_trend(indicator: Indicator) -> IndicatorTrend:
    """The trend of an indicator fetched with `selectors.indicator_detail`."""
    own = sorted(indicator.values.all(), key=lambda value: value.period_end)
    comparators = _by_comparator(list(indicator.comparator_values.all()))
    # A period is its end date: a comparator naming it otherwise (2016/17 for 2017) shares the
    # row, under the indicator's own name for it.
    labels = {
        value.period_end: value.period_label for series in comparators.values() for value in series
    } | {value.period_end: value.period_label for value in own}
    own_by_period = {value.period_end: value for value in own}
    comparator_by_period = [
        {value.period_end: value.value for value in series} for series in comparators.values()
    ]
    rows = []
    for period_end in sorted(labels):
        value = own_by_period.get(period_end)
        rows.append(
            TrendRow(
                period_label=labels[period_end],
                period_end=period_end,
                value=value.value if value else None,
                comparator_values=[values.get(period_end) for values in comparator_by_period],
                note=value.note if value else "",
            )
        )
    series = [
        charts.Series(
            indicator.name,
            [charts.Point(value.period_end, value.value, value.period_label) for value in own],
        ),
        *(
            charts.Series(
                name,
                [
                    charts.Point(value.period_end, value.value, value.period_label)
                    for value in values
                ],
            )
            for name, values in comparators.items()
        ),
    ]
    chart = charts.trend_chart(
        title=indicator.name,
        series=series,
        target=indicator.target,
        unit=indicator.get_unit_display(),
    )
    latest = indicator.latest_value
    return IndicatorTrend(
        comparators=list(comparators),
        rows=rows,
        chart=chart,
        latest=latest,
        judgements=judge_latest(indicator, latest, comparators),
    )
