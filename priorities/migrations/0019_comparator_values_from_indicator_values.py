"""Each indicator value's single comparator (a name and a figure) becomes a ComparatorValue of
the partnership's Comparator of that name, then the two old fields go.

Reversible: going back puts on each value the figure of its period's England comparator, else
of the first comparator (by order) that has one.
"""

from django.db import migrations

from core.roles import sync_role_groups

ENGLAND = "England"


def comparator_values_from_indicator_values(apps, schema_editor):
    IndicatorValue = apps.get_model("priorities", "IndicatorValue")
    Comparator = apps.get_model("priorities", "Comparator")
    ComparatorValue = apps.get_model("priorities", "ComparatorValue")
    comparators = {}
    values = (
        IndicatorValue.objects.exclude(comparator_value=None)
        .select_related("indicator__priority_area__framework")
        .order_by("pk")
    )
    for value in values.iterator():
        name = value.comparator.strip() or ENGLAND
        partnership_id = value.indicator.priority_area.framework.partnership_id
        key = (partnership_id, name.casefold())
        if key not in comparators:
            comparators[key] = Comparator.objects.filter(
                partnership_id=partnership_id, name__iexact=name
            ).first() or Comparator.objects.create(
                partnership_id=partnership_id,
                name=name,
                kind="england" if name.casefold() == ENGLAND.casefold() else "other",
                order=Comparator.objects.filter(partnership_id=partnership_id).count() + 1,
            )
        ComparatorValue.objects.update_or_create(
            indicator_id=value.indicator_id,
            comparator=comparators[key],
            period_label=value.period_label,
            defaults={"period_end": value.period_end, "value": value.comparator_value},
        )


def indicator_values_from_comparator_values(apps, schema_editor):
    IndicatorValue = apps.get_model("priorities", "IndicatorValue")
    ComparatorValue = apps.get_model("priorities", "ComparatorValue")
    # England first, then the others by their order: the first seen of each period wins.
    first = {}
    for comparator_value in (
        ComparatorValue.objects.select_related("comparator")
        .order_by("comparator__order", "comparator__name", "pk")
        .iterator()
    ):
        key = (comparator_value.indicator_id, comparator_value.period_label)
        held = first.get(key)
        if held is None or (
            comparator_value.comparator.kind == "england" and held.comparator.kind != "england"
        ):
            first[key] = comparator_value
    for value in IndicatorValue.objects.order_by("pk").iterator():
        comparator_value = first.get((value.indicator_id, value.period_label))
        if comparator_value is not None:
            value.comparator = comparator_value.comparator.name
            value.comparator_value = comparator_value.value
            value.save(update_fields=["comparator", "comparator_value"])


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0018_indicator_national_sources"),
    ]

    operations = [
        migrations.RunPython(
            comparator_values_from_indicator_values, indicator_values_from_comparator_values
        ),
        migrations.RemoveField(
            model_name="historicalindicatorvalue",
            name="comparator",
        ),
        migrations.RemoveField(
            model_name="historicalindicatorvalue",
            name="comparator_value",
        ),
        migrations.RemoveField(
            model_name="indicatorvalue",
            name="comparator",
        ),
        migrations.RemoveField(
            model_name="indicatorvalue",
            name="comparator_value",
        ),
        # The role groups' permissions cover the new models.
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
