"""What a national file would change in a priority's figures: the partnership's own values of
each indicator, and each comparator's (England, a region, the statistical neighbours' mean).

The file's figures (priorities.national_files) are matched to the partnership's area code and
each comparator's; a neighbours comparator without a row of its own takes the mean of its
neighbours' rows (by area code, else by name). Each value is new, changed or unchanged against
what is saved; `services.national_figures_save` writes the new and changed ones, all or none.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.uploadedfile import UploadedFile

from priorities.models import Comparator, ComparatorValue, IndicatorValue, PriorityArea
from priorities.national_files import Areas, Figure, NationalFile, RowMessage, read_national_file
from priorities.services import NationalFigure

_CENT = Decimal("0.01")


@dataclass
class PlannedValue:
    """One value the file gives, and what is saved for its period now."""

    indicator: object
    comparator: Comparator | None
    period_label: str
    period_end: datetime.date
    value: Decimal
    rows: list[int]
    before: Decimal | None = None
    before_end: datetime.date | None = None
    exists: bool = False
    detail: str = ""  # how it was made, e.g. "mean of 3 of 4 neighbours"

    @property
    def status(self) -> str:
        if not self.exists:
            return "new"
        if self.before == self.value and self.before_end == self.period_end:
            return "unchanged"
        return "changed"

    @property
    def series(self) -> str:
        return self.comparator.name if self.comparator else "Our value"

    def to_save(self) -> NationalFigure:
        return NationalFigure(
            indicator_id=self.indicator.pk,
            comparator_id=self.comparator.pk if self.comparator else None,
            period_label=self.period_label,
            period_end=self.period_end,
            value=self.value,
            before=self.before if self.exists else None,
        )


@dataclass
class NationalPreview:
    source: str
    values: list[PlannedValue] = field(default_factory=list)
    errors: list[RowMessage] = field(default_factory=list)
    skipped: list[RowMessage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def to_save(self) -> list[PlannedValue]:
        return [value for value in self.values if value.status != "unchanged"]

    def count(self, status: str) -> int:
        return sum(1 for value in self.values if value.status == status)

    @property
    def new_count(self) -> int:
        return self.count("new")

    @property
    def changed_count(self) -> int:
        return self.count("changed")

    @property
    def unchanged_count(self) -> int:
        return self.count("unchanged")


def _comparators(priority_area: PriorityArea) -> list[Comparator]:
    partnership = priority_area.framework.partnership
    return list(partnership.comparators.filter(is_active=True).prefetch_related("neighbours"))


def areas_of(priority_area: PriorityArea, comparators: Iterable[Comparator]) -> Areas:
    """The area codes (and neighbours' names) whose rows a file's import reads."""
    codes = {priority_area.framework.partnership.area_code}
    names = set()
    for comparator in comparators:
        codes.add(comparator.area_code)
        for neighbour in comparator.neighbours.all():
            codes.add(neighbour.area_code)
            names.add(neighbour.name.strip().lower())
    return Areas(codes=frozenset(c.upper() for c in codes if c), names=frozenset(names))


def _neighbour_of(comparator: Comparator, figure: Figure) -> bool:
    code, name = figure.area_code.upper(), figure.area_name.strip().lower()
    for neighbour in comparator.neighbours.all():
        if neighbour.area_code:
            if neighbour.area_code.upper() == code:
                return True
        elif neighbour.name.strip().lower() == name:
            return True
    return False


def _from_figure(figure: Figure, *, comparator: Comparator | None) -> PlannedValue:
    return PlannedValue(
        indicator=figure.indicator,
        comparator=comparator,
        period_label=figure.period_label,
        period_end=figure.period_end,
        value=figure.value,
        rows=[figure.row],
    )


def _plan(
    priority_area: PriorityArea, comparators: list[Comparator], figures: list[Figure]
) -> list[PlannedValue]:
    own_code = priority_area.framework.partnership.area_code.upper()
    planned: dict[tuple, PlannedValue] = {}
    neighbours: dict[tuple, list[Figure]] = {}
    for figure in figures:
        code = figure.area_code.upper()
        if own_code and code == own_code:
            key = (figure.indicator.pk, None, figure.period_label)
            planned[key] = _from_figure(figure, comparator=None)
        for comparator in comparators:
            key = (figure.indicator.pk, comparator.pk, figure.period_label)
            if comparator.area_code and comparator.area_code.upper() == code:
                planned[key] = _from_figure(figure, comparator=comparator)
            elif comparator.kind == Comparator.Kind.NEIGHBOURS and _neighbour_of(
                comparator, figure
            ):
                neighbours.setdefault(key, []).append(figure)
    by_pk = {comparator.pk: comparator for comparator in comparators}
    for key, found in neighbours.items():
        if key in planned:  # the file gives the comparator's own row: it is the figure
            continue
        comparator, first = by_pk[key[1]], found[0]
        mean = (sum(f.value for f in found) / len(found)).quantize(_CENT, rounding=ROUND_HALF_UP)
        planned[key] = PlannedValue(
            indicator=first.indicator,
            comparator=comparator,
            period_label=first.period_label,
            period_end=first.period_end,
            value=mean,
            rows=[f.row for f in found],
            detail=f"mean of {len(found)} of {len(comparator.neighbours.all())} neighbours",
        )
    return sorted(
        planned.values(),
        key=lambda v: (
            v.indicator.order,
            v.indicator.pk,
            v.comparator is not None,
            v.comparator.order if v.comparator else 0,
            v.period_end,
        ),
    )


def _compare_with_saved(values: list[PlannedValue]) -> None:
    """Set each value's `before`: what is saved for its period (two queries)."""
    indicator_pks = {v.indicator.pk for v in values}
    labels = {v.period_label for v in values}
    own = IndicatorValue.objects.filter(indicator__in=indicator_pks, period_label__in=labels)
    theirs = ComparatorValue.objects.filter(indicator__in=indicator_pks, period_label__in=labels)
    saved = {(v.indicator_id, None, v.period_label): v for v in own}
    saved |= {(v.indicator_id, v.comparator_id, v.period_label): v for v in theirs}
    for value in values:
        key = (value.indicator.pk, value.comparator.pk if value.comparator else None)
        current = saved.get((*key, value.period_label))
        if current is not None:
            value.exists, value.before, value.before_end = True, current.value, current.period_end


def preview_national_file(
    *, priority_area: PriorityArea, upload: UploadedFile, source: str = ""
) -> NationalPreview:
    """Read a national file for a priority and say what saving it would change. Raises
    ImportFileError for a file that cannot be read."""
    comparators = _comparators(priority_area)
    indicators = list(priority_area.indicators.all())
    read: NationalFile = read_national_file(
        upload,
        indicators=indicators,
        areas=areas_of(priority_area, comparators),
        source=source,
    )
    preview = NationalPreview(
        source=read.source, errors=read.errors, skipped=read.skipped, notes=read.notes
    )
    if not priority_area.framework.partnership.area_code:
        preview.notes.append(
            "The partnership has no area code, so none of its own values are read: an "
            "administrator sets it (e.g. E06000006 for Halton)."
        )
    preview.values = _plan(priority_area, comparators, read.figures)
    _compare_with_saved(preview.values)
    if not preview.values and not preview.errors:
        preview.notes.append(
            "The file has no figures of this priority's indicators for the partnership's area "
            "or its comparators' areas."
        )
    return preview
