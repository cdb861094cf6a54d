"""National figures in: the rows of an OHID Fingertips or DfE Explore Education Statistics (EES)
CSV download that hold a priority's indicators for the areas a partnership compares.

A download holds every area of England and many breakdowns; only the rows of a mapped
indicator, its overall figure and an area we look for count. A row that counts and cannot be
read (an unknown period, a value that is not a number, a second row for the same figure) is an
error with its row number; a suppressed value (EES "c", "x", "z", "low"; an empty Fingertips
Value) is skipped with a note. Nothing is saved here.

Periods: the label is kept as the source writes it ("2022/23"); its end date follows the
source's kind of year:
- Fingertips "2022" is a calendar year, ending 31 December 2022; "2022/23" a financial year,
  ending 31 March 2023 (Fingertips writes academic years the same way: they end 31 March
  here too); "2020 - 22" and "2018/19 - 20/21" pooled years end with their last year;
  "2022/23 Q1" to "Q4" are financial quarters (Q1 ends 30 June 2022, Q4 31 March 2023). The
  first year is "Time period Sortable" (YYYY0000) where the file has it.
- EES `time_period` 202223 with `time_identifier` "Academic year" is "2022/23", ending
  31 August 2023; "Financial year" ends 31 March 2023, "Tax year" 5 April 2023; 2022 with
  "Calendar year" or "Reporting year" ends 31 December 2022; "Autumn term" 202223 ends
  31 December 2022, "Spring term" and "Autumn and spring term" 31 March 2023, "Summer term"
  31 July 2023 (labelled "Autumn term 2022/23").
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import models

from priorities.import_files import ImportFileError, read_sheet
from priorities.models import Indicator

MAX_NATIONAL_BYTES = 5 * 1024 * 1024
MAX_NATIONAL_ROWS = 50_000
# IndicatorValue and ComparatorValue keep two decimals and ten digits before them.
_CENT = Decimal("0.01")
_LARGEST_VALUE = Decimal("9999999999.99")


class Source(models.TextChoices):
    FINGERTIPS = "fingertips", "Fingertips (OHID)"
    EES = "ees", "Explore Education Statistics (DfE)"


FINGERTIPS_COLUMNS = (
    "Indicator ID",
    "Area Code",
    "Area Name",
    "Category Type",
    "Time period",
    "Value",
)
EES_COLUMNS = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "region_code",
    "new_la_code",
)
# EES's symbols for a figure not given, and what each means (its footnotes' words).
EES_SUPPRESSED = {
    "c": "confidential (suppressed)",
    "x": "not available",
    "z": "not applicable",
    "low": "below half the unit shown",
    "u": "low reliability",
    "k": "below 0.5",
    ":": "not available",
    "..": "not available",
}
# An EES row's level -> the columns of its area's code and name.
EES_LEVELS = {
    "national": ("country_code", "country_name"),
    "regional": ("region_code", "region_name"),
    "local authority": ("new_la_code", "la_name"),
}


@dataclass(frozen=True)
class Areas:
    """The areas whose rows count: by ONS code, and by name (lower case) for neighbours listed
    without a code."""

    codes: frozenset[str]
    names: frozenset[str] = frozenset()

    def wants(self, code: str, name: str) -> bool:
        return code.upper() in self.codes or name.strip().lower() in self.names


@dataclass
class Figure:
    """A row's figure: an area's value of one of our indicators for a period."""

    row: int
    indicator: Indicator
    area_code: str
    area_name: str
    period_label: str
    period_end: datetime.date
    value: Decimal


@dataclass
class RowMessage:
    row: int
    message: str


@dataclass
class NationalFile:
    source: str
    figures: list[Figure] = field(default_factory=list)
    errors: list[RowMessage] = field(default_factory=list)
    skipped: list[RowMessage] = field(default_factory=list)  # suppressed or missing values
    notes: list[str] = field(default_factory=list)  # about the whole file


class PeriodError(ValueError):
    """A period the reader does not know; the message says what it read."""


# Periods


def _end_of_quarter(first_year: int, quarter: int) -> datetime.date:
    # Financial quarters: Q1 is April to June.
    month = 3 * quarter + 3
    year = first_year if month <= 12 else first_year + 1
    month = month if month <= 12 else month - 12
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return next_month - datetime.timedelta(days=1)


_CALENDAR = re.compile(r"^(\d{4})$")
_FINANCIAL = re.compile(r"^(\d{4})/(\d{2})$")
_POOLED_CALENDAR = re.compile(r"^(\d{4})\s*-\s*(\d{2})$")
_POOLED_FINANCIAL = re.compile(r"^(\d{4})/(\d{2})\s*-\s*(\d{2})/(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})/(\d{2})\s+Q([1-4])$")


def _later_year(first: int, two_digits: str) -> int:
    """The year "23" means after `first` (2022): the same century, or the next."""
    year = first // 100 * 100 + int(two_digits)
    return year if year >= first else year + 100


def fingertips_period(label: str, sortable: str = "") -> datetime.date:
    """The end date of a Fingertips "Time period" (see the module's rules)."""
    text = " ".join(label.split())
    start = int(sortable[:4]) if re.fullmatch(r"\d{8}", sortable) else None
    if match := _CALENDAR.match(text):
        year, end = int(match[1]), (12, 31, 0)
    elif match := _FINANCIAL.match(text):
        year, end = int(match[1]), (3, 31, _later_year(int(match[1]), match[2]) - int(match[1]))
    elif match := _POOLED_CALENDAR.match(text):
        year = int(match[1])
        end = (12, 31, _later_year(year, match[2]) - year)
    elif match := _POOLED_FINANCIAL.match(text):
        year = int(match[1])
        end = (3, 31, _later_year(year, match[4]) - year)
    elif match := _QUARTER.match(text):
        year = int(match[1])
        if start is not None and start != year:
            raise PeriodError(f"“{label}” does not begin in {start}, as its sortable period says")
        return _end_of_quarter(year, int(match[3]))
    else:
        raise PeriodError(f"unknown period “{label}”")
    if start is not None and start != year:
        raise PeriodError(f"“{label}” does not begin in {start}, as its sortable period says")
    month, day, years_on = end
    return datetime.date(year + years_on, month, day)


# time_identifier (lower case) -> (label format, month and day of the end, years after the
# first year of time_period); "{years}" is "2022/23" or "2022".
EES_PERIODS = {
    "academic year": ("{years}", 8, 31, 1),
    "financial year": ("{years}", 3, 31, 1),
    "tax year": ("{years}", 4, 5, 1),
    "autumn term": ("Autumn term {years}", 12, 31, 0),
    "spring term": ("Spring term {years}", 3, 31, 1),
    "autumn and spring term": ("Autumn and spring term {years}", 3, 31, 1),
    "summer term": ("Summer term {years}", 7, 31, 1),
    "calendar year": ("{years}", 12, 31, 0),
    "reporting year": ("{years}", 12, 31, 0),
}


def ees_period(time_period: str, time_identifier: str) -> tuple[str, datetime.date]:
    """The label and end date of an EES row's period: 202223 "Academic year" is "2022/23",
    ending 31 August 2023."""
    kind = EES_PERIODS.get(" ".join(time_identifier.split()).lower())
    if kind is None:
        raise PeriodError(f"unknown period: time_identifier “{time_identifier}”")
    text, (shape, month, day, years_on) = time_period.strip(), kind
    two_years = years_on == 1 or shape.startswith("Autumn term")
    if two_years:
        if (
            not re.fullmatch(r"\d{6}", text)
            or _later_year(int(text[:4]), text[4:]) != int(text[:4]) + 1
        ):
            raise PeriodError(
                f"unknown period “{time_period}”: a {time_identifier} is written like 202223"
            )
        years = f"{text[:4]}/{text[4:]}"
    else:
        if not re.fullmatch(r"\d{4}", text):
            raise PeriodError(
                f"unknown period “{time_period}”: a {time_identifier} is written like 2022"
            )
        years = text
    return shape.format(years=years), datetime.date(int(text[:4]) + years_on, month, day)


# Values


def _value(text: str) -> Decimal:
    """A figure as the models keep it (two decimals), or ValueError saying why not."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"the value “{text[:40]}” is not a number") from None
    if not value.is_finite():
        raise ValueError(f"the value “{text[:40]}” is not a number")
    value = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    if abs(value) > _LARGEST_VALUE:
        raise ValueError(f"the value {text[:40]} is too large to keep")
    return value


# Files


def detect_source(header: list[str]) -> str:
    """Which source wrote a header row, or ""."""
    names = set(header)
    if set(FINGERTIPS_COLUMNS) <= names:
        return Source.FINGERTIPS
    if set(EES_COLUMNS) <= names:
        return Source.EES
    return ""


def _require(header: list[str], columns: Iterable[str], source: str) -> None:
    missing = [column for column in columns if column not in header]
    if missing:
        raise ImportFileError(
            f"This is not a {Source(source).label} file: the header row lacks the columns "
            f"{', '.join(missing)}."
        )


class _Reader:
    def __init__(self, header: list[str], source: str, areas: Areas):
        self.index = {name: i for i, name in reversed(list(enumerate(header)))}
        self.result = NationalFile(source=source)
        self.areas = areas
        self._kept: dict[tuple[int, str, str], dict[str, Figure]] = {}

    def cell(self, cells: list[str], column: str) -> str:
        i = self.index.get(column)
        return cells[i] if i is not None and i < len(cells) else ""

    def error(self, row: int, message: str) -> None:
        self.result.errors.append(RowMessage(row, message))

    def add(self, figure: Figure, *, sex: str = "") -> None:
        """Keep a row's figure, one per indicator, area, period and sex (Fingertips gives some
        indicators for males and females besides persons; `finish` picks the overall one)."""
        key = (
            figure.indicator.pk,
            figure.area_code.upper() or figure.area_name.lower(),
            figure.period_label,
        )
        by_sex = self._kept.setdefault(key, {})
        sex = "" if sex.strip().lower() in ("", "persons") else sex.strip()
        kept = by_sex.get(sex)
        if kept is None:
            by_sex[sex] = figure
            return
        self.error(
            figure.row,
            f"row {kept.row} already gives {figure.area_name}'s {figure.period_label} figure "
            f"for “{figure.indicator.name}”: keep one row per area and period (for EES, "
            "add a filter to the indicator that picks one).",
        )

    def finish(self) -> NationalFile:
        """The figures kept: the persons row where there is one, else the only row."""
        for by_sex in self._kept.values():
            if "" in by_sex or len(by_sex) == 1:
                self.result.figures.append(by_sex.get("") or next(iter(by_sex.values())))
            else:
                rows = ", ".join(str(f.row) for f in by_sex.values())
                first = next(iter(by_sex.values()))
                self.error(
                    first.row,
                    f"rows {rows} give {first.area_name}'s {first.period_label} figure by sex "
                    "but the file has no row for persons.",
                )
        self.result.figures.sort(key=lambda figure: figure.row)
        self.result.errors.sort(key=lambda error: error.row)
        return self.result


def _fingertips(rows, reader: _Reader, indicators: list[Indicator]) -> None:
    by_id: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        if indicator.fingertips_indicator_id:
            by_id.setdefault(indicator.fingertips_indicator_id, []).append(indicator)
    if not by_id:
        reader.result.notes.append(
            "No indicator of this priority has a Fingertips indicator ID: edit an indicator "
            "to give it one."
        )
        return
    seen_ids: set[int] = set()
    for number, cells in rows:
        cell = partial(reader.cell, cells)
        text_id = cell("Indicator ID")
        ours = by_id.get(int(text_id)) if text_id.isascii() and text_id.isdigit() else None
        code, name = cell("Area Code"), cell("Area Name")
        if not ours or cell("Category Type") or not reader.areas.wants(code, name):
            continue
        seen_ids.add(int(text_id))
        label = " ".join(cell("Time period").split())
        try:
            end = fingertips_period(label, cell("Time period Sortable"))
        except PeriodError as error:
            reader.error(number, f"Time period: {error}.")
            continue
        if not cell("Value"):
            why = cell("Value note") or "no value given"
            reader.result.skipped.append(RowMessage(number, f"{name} {label}: {why}."))
            continue
        try:
            value = _value(cell("Value"))
        except ValueError as error:
            reader.error(number, f"Value: {error}.")
            continue
        for indicator in ours:
            reader.add(Figure(number, indicator, code, name, label, end, value), sex=cell("Sex"))
    for missing in sorted(set(by_id) - seen_ids):
        names = ", ".join(f"“{i.name}”" for i in by_id[missing])
        reader.result.notes.append(
            f"The file has no rows of Fingertips indicator {missing} ({names}) for the areas "
            "compared."
        )


def _ees(rows, reader: _Reader, indicators: list[Indicator]) -> None:
    mapped = [i for i in indicators if i.ees_value_column]
    ours = []
    for indicator in mapped:
        absent = [
            column
            for column in [indicator.ees_value_column, *indicator.ees_filter_pairs]
            if column not in reader.index
        ]
        if absent:
            reader.result.notes.append(
                f"“{indicator.name}” is not read from this file: it has no column "
                f"{', '.join(absent)}"
                + (
                    f" (its data set is {indicator.ees_data_set})."
                    if indicator.ees_data_set
                    else "."
                )
            )
        else:
            ours.append(indicator)
    if not ours:
        raise ImportFileError(
            "No indicator of this priority is read from this file: give an indicator the "
            "column that holds its figure (and its filters) as this file names them."
            if mapped
            else "No indicator of this priority has an Explore Education Statistics value "
            "column: edit an indicator to give it one."
        )
    for number, cells in rows:
        cell = partial(reader.cell, cells)
        level = EES_LEVELS.get(cell("geographic_level").strip().lower())
        if level is None:
            continue
        code, name = cell(level[0]), cell(level[1])
        if not reader.areas.wants(code, name):
            continue
        for indicator in ours:
            filters = indicator.ees_filter_pairs.items()
            if any(cell(c).strip().lower() != v.lower() for c, v in filters):
                continue
            try:
                label, end = ees_period(cell("time_period"), cell("time_identifier"))
            except PeriodError as error:
                reader.error(number, f"time_period: {error}.")
                break
            text = cell(indicator.ees_value_column)
            if text.strip().lower() in EES_SUPPRESSED or not text:
                meaning = EES_SUPPRESSED.get(text.strip().lower(), "no value given")
                reader.result.skipped.append(
                    RowMessage(number, f"{name} {label}: “{text}”, {meaning}.")
                )
                continue
            try:
                value = _value(text)
            except ValueError as error:
                reader.error(number, f"{indicator.ees_value_column}: {error}.")
                continue
            reader.add(Figure(number, indicator, code, name, label, end, value))


def check_national_size(upload: UploadedFile) -> None:
    """Refuse a file too large to be a download of a few indicators."""
    if upload.size > MAX_NATIONAL_BYTES:
        raise ImportFileError(
            f"The file is larger than {MAX_NATIONAL_BYTES // (1024 * 1024)} MB: download the "
            "figures of fewer indicators or areas."
        )


def read_national_file(
    upload: UploadedFile, *, indicators: list[Indicator], areas: Areas, source: str = ""
) -> NationalFile:
    """The figures of an uploaded Fingertips or EES CSV for `indicators` and `areas`; the source
    is found from the header row unless given. Raises ImportFileError for a file that cannot
    be read (too large, not UTF-8 text, no header, missing columns)."""
    check_national_size(upload)
    sheet = read_sheet(
        upload,
        max_rows=MAX_NATIONAL_ROWS,
        max_sheet_rows=MAX_NATIONAL_ROWS + 1000,
        what="rows",
        utf8_only=True,
    )
    if not sheet.rows:
        raise ImportFileError("The file is empty.")
    header = [name.strip() for name in sheet.rows[0][1]]
    found = detect_source(header)
    source = source or found
    if not source:
        raise ImportFileError(
            "This is neither a Fingertips nor an Explore Education Statistics CSV: its header "
            f"row lacks the columns {', '.join(FINGERTIPS_COLUMNS)} (Fingertips) or "
            f"{', '.join(EES_COLUMNS)} (EES)."
        )
    reader = _Reader(header, source, areas)
    if source == Source.FINGERTIPS:
        _require(header, FINGERTIPS_COLUMNS, source)
        _fingertips(sheet.rows[1:], reader, indicators)
    else:
        _require(header, EES_COLUMNS, source)
        _ees(sheet.rows[1:], reader, indicators)
    return reader.finish()
