"""Action plans out to XLSX and CSV, in the columns that the import reads back."""

import csv
import datetime
import io
from collections.abc import Callable, Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from core.formulas import FORMULA_PREFIXES, formula_safe
from priorities.models import Action

__all__ = ["COLUMNS", "FORMULA_PREFIXES", "HEADERS", "actions_to_csv", "actions_to_xlsx"]


def _user(user) -> str:
    return user.get_full_name() or user.username


# (header, value of an action). The import reads the columns it knows by these headers.
COLUMNS: list[tuple[str, Callable[[Action], object]]] = [
    ("Reference", lambda a: a.pk),
    # The import refuses a row whose action has changed since this version: no silent overwrite.
    ("Version", lambda a: a.version),
    ("Framework", lambda a: str(a.priority_area.framework)),
    ("Priority", lambda a: a.priority_area.title),
    ("Objective", lambda a: a.objective.text if a.objective else ""),
    ("Title", lambda a: a.title),
    ("Description", lambda a: a.description),
    ("Owner", lambda a: a.owner.username),
    ("Owner name", lambda a: _user(a.owner)),
    ("Lead organisation", lambda a: a.lead_organisation.short_name),
    ("Start date", lambda a: a.start_date),
    ("Due date", lambda a: a.due_date),
    ("Status", lambda a: a.get_status_display()),
    ("Commissioning stage", lambda a: a.get_stage_display()),
    ("Cancellation reason", lambda a: a.cancellation_reason),
    ("RAG", lambda a: a.get_latest_rag_display()),
    ("Percent complete", lambda a: a.latest_percent),
    ("Last update", lambda a: a.latest_update_on),
    ("Overdue", lambda a: "Yes" if a.is_overdue else "No"),
]
HEADERS = [header for header, _ in COLUMNS]


def _rows(actions: Iterable[Action]) -> Iterable[list[object]]:
    for action in actions:
        yield [formula_safe(value(action)) for _, value in COLUMNS]


def actions_to_xlsx(actions: Iterable[Action], *, sheet_title: str = "Actions") -> bytes:
    """A workbook of one sheet: a bold header row, then one row per action, dates as dates."""
    workbook = Workbook()
    sheet = workbook.active
    # Sheet names are at most 31 characters and cannot hold some punctuation.
    sheet.title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:31] or "Actions"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(actions):
        sheet.append(row)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, datetime.date | datetime.datetime):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def actions_to_csv(actions: Iterable[Action]) -> str:
    """CSV with British dates (dd/mm/yyyy); starts with a BOM so Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in _rows(actions):
        writer.writerow(
            f"{value:%d/%m/%Y}" if isinstance(value, datetime.date) else value for value in row
        )
    return buffer.getvalue()
