"""The anonymised export of participation, for analysis: counts and categories, no free text.

One row per record with: the month (never the day), method, level, cycle stage, priority areas,
the counts by age band and of the special groups, the kinds of group that took part (never
their names: a named standing group and a month could point at a handful of children), the
Lundy values (LUNDY_EXPORT_FIELDS, empty where a record has none), whether a decision changed,
and the quotes whose consent is for public pages and current today. No other words of a record
(what was said, what was done, which decision, how it was fed back) leave the product.

Records with fewer participants than PARTICIPATION_SUPPRESSION_THRESHOLD are not rows of their
own: per cycle stage and method they are added up into one row "Other (fewer than N)", without
their quotes; if that row's total is itself below N its counts are left empty too.
"""

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Font

from core.formulas import formula_safe
from participation.models import (
    AGE_BAND_FIELDS,
    LUNDY_ELEMENTS,
    SPECIAL_GROUP_FIELDS,
    ConsentUse,
    ParticipationRecord,
    split_by_consent,
)
from participation.models.records import AGE_BANDS, SPECIAL_GROUPS

# Whether each element of the Lundy model was met (yes / partly / no), never the evidence
# written for it. A record logged before the model was kept exports empty cells.
LUNDY_EXPORT_FIELDS = tuple(element.met_field for element in LUNDY_ELEMENTS)
LUNDY_EXPORT_HEADERS = tuple(f"Lundy: {element.name.lower()}" for element in LUNDY_ELEMENTS)

# The columns, in order: extend this tuple (and `_record_row`) to export more.
EXPORT_HEADERS = (
    "Row",
    "Month",
    "Method",
    "Level of participation",
    "Cycle stage",
    "Priority areas",
    "Records",
    *(label for _, label in AGE_BANDS),
    "Total taking part",
    *(label for _, label in SPECIAL_GROUPS),
    "Kinds of group taking part",
    *LUNDY_EXPORT_HEADERS,
    "Did a decision change?",
    "Quotes (consent for public pages)",
)
COUNT_FIELDS = (*AGE_BAND_FIELDS, *SPECIAL_GROUP_FIELDS)


def suppression_threshold() -> int:
    return settings.PARTICIPATION_SUPPRESSION_THRESHOLD


def _lundy_value(record: ParticipationRecord, name: str) -> str:
    # "" (not recorded) exports an empty cell, not the words "Not recorded".
    return getattr(record, f"get_{name}_display")() if getattr(record, name) else ""


@dataclass
class ExportRow:
    """One row of the export: a record, or the records of a stage and method added up."""

    label: str
    month: str
    method: str
    level: str
    stage: str
    priority_areas: set[str] = field(default_factory=set)
    records: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_FIELDS, 0))
    group_kinds: set[str] = field(default_factory=set)
    lundy: tuple[str, ...] = ("",) * len(LUNDY_EXPORT_FIELDS)
    decision_changed: str = ""
    quotes: list[str] = field(default_factory=list)
    hide_counts: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts[name] for name in AGE_BAND_FIELDS)

    def add(self, record: ParticipationRecord) -> None:
        self.records += 1
        self.priority_areas |= {area.title for area in record.priority_areas.all()}
        self.group_kinds |= {group.get_kind_display() for group in record.groups.all()}
        for name in COUNT_FIELDS:
            self.counts[name] += getattr(record, name)

    def cells(self, threshold: int) -> list[object]:
        def shown(names: tuple[str, ...]) -> list[object]:
            return ["" if self.hide_counts else self.counts[name] for name in names]

        total = f"fewer than {threshold}" if self.hide_counts else self.total
        values = [
            self.label,
            self.month,
            self.method,
            self.level,
            self.stage,
            "; ".join(sorted(self.priority_areas)),
            self.records,
            *shown(AGE_BAND_FIELDS),
            total,
            *shown(SPECIAL_GROUP_FIELDS),
            "; ".join(sorted(self.group_kinds)),
            *self.lundy,
            self.decision_changed,
            "\n".join(self.quotes),
        ]
        return [formula_safe(value) for value in values]


def _record_row(record: ParticipationRecord, today: datetime.date) -> ExportRow:
    quotes, _ = split_by_consent(record.quotes.all(), ConsentUse.PUBLIC, today)
    row = ExportRow(
        label="Record",
        month=f"{record.date:%Y-%m}",
        method=record.get_method_display(),
        level=record.get_level_display(),
        stage=record.get_stage_display(),
        lundy=tuple(_lundy_value(record, name) for name in LUNDY_EXPORT_FIELDS),
        decision_changed=record.get_decision_changed_display(),
        quotes=[quote.text for quote in quotes],
    )
    row.add(record)
    return row


def export_rows(
    records: Iterable[ParticipationRecord], *, today: datetime.date, threshold: int
) -> list[ExportRow]:
    """The rows of the export: a row per record of at least `threshold` participants, then
    one "Other" row per cycle stage and method adding up the smaller ones."""
    rows: list[ExportRow] = []
    merged: dict[tuple[str, str], ExportRow] = {}
    for record in records:
        if record.total_participants >= threshold:
            rows.append(_record_row(record, today))
            continue
        key = (record.get_stage_display(), record.get_method_display())
        if key not in merged:
            merged[key] = ExportRow(
                label=f"Other (fewer than {threshold})",
                month="",
                method=key[1],
                level="",
                stage=key[0],
            )
        merged[key].add(record)
    for key in sorted(merged):
        row = merged[key]
        row.hide_counts = row.total < threshold
        rows.append(row)
    return rows


def export_to_csv(rows: list[ExportRow], threshold: int) -> str:
    """CSV, starting with a BOM so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADERS)
    for row in rows:
        writer.writerow(row.cells(threshold))
    return buffer.getvalue()


def export_to_xlsx(rows: list[ExportRow], threshold: int) -> bytes:
    """A workbook of one sheet: a bold header row, then the rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Participation (anonymised)"
    sheet.append(list(EXPORT_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row.cells(threshold))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
