"""Indicator values' single comparator becomes comparator values, and comes back on reversal."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from priorities.models import Comparator, ComparatorValue
from priorities.tests.factories import (
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
)

BEFORE = [("priorities", "0018_indicator_national_sources")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_old_comparator_fields_move_to_comparator_values_and_back():
    indicator = IndicatorFactory(polarity="lower")
    partnership = indicator.priority_area.framework.partnership
    region = ComparatorFactory(partnership=partnership, kind="region", name="North West", order=2)
    IndicatorValueFactory(indicator=indicator, period_label="2016", value=144, england="129.6")
    ComparatorValueFactory(indicator=indicator, comparator=region, period_label="2016", value=150)
    IndicatorValueFactory(indicator=indicator, period_label="2017", value=140)
    ComparatorValueFactory(indicator=indicator, comparator=region, period_label="2017", value=148)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    old = _migrate(BEFORE)
    OldValue = old.get_model("priorities", "IndicatorValue")
    back = {v.period_label: (v.comparator, v.comparator_value) for v in OldValue.objects.all()}
    assert back == {
        "2016": ("England", Decimal("129.60")),
        "2017": ("North West", Decimal("148.00")),
    }, "England first, else the first comparator with a value of the period"
    # Before the comparators, a value named another comparator, one not yet a Comparator.
    old.get_model("priorities", "ComparatorValue").objects.all().delete()
    OldValue.objects.filter(period_label="2017").update(
        comparator="Statistical neighbours", comparator_value=Decimal("139.5")
    )
    OldValue.objects.create(
        indicator_id=indicator.pk, period_label="2018", period_end="2018-12-31", value=138
    )

    _migrate(latest)

    held = {
        (cv.comparator.name, cv.comparator.kind, cv.period_label, cv.period_end.year, cv.value)
        for cv in ComparatorValue.objects.select_related("comparator")
    }
    assert held == {
        ("England", "england", "2016", 2016, Decimal("129.60")),
        ("Statistical neighbours", "other", "2017", 2017, Decimal("139.50")),
    }
    assert Comparator.objects.filter(partnership=partnership).count() == 3, (
        "England and North West kept, one comparator made"
    )
