"""Action plans in from XLSX or CSV: read rows with openpyxl or csv, check each with a form.

Nothing is saved here: the view shows the preview and, once every row is valid, hands the
cleaned rows to `services.actions_import`, which saves them all or none.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from typing import Any
from zipfile import BadZipFile

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from core.choices import Stage
from core.personal_data import check_text
from governance.models import Organisation
from priorities.exports import FORMULA_PREFIXES
from priorities.forms import ActionRulesMixin, owner_choices
from priorities.models import Action, PriorityArea

# Import field -> the header it is read from (the export's headers, matched case-insensitively).
IMPORT_COLUMNS = {
    "reference": "Reference",
    "version": "Version",
    "title": "Title",
    "description": "Description",
    "objective": "Objective",
    "owner": "Owner",
    "lead_organisation": "Lead organisation",
    "start_date": "Start date",
    "due_date": "Due date",
    "status": "Status",
    "stage": "Commissioning stage",
    "cancellation_reason": "Cancellation reason",
}
REQUIRED_HEADERS = ("Title", "Owner", "Lead organisation", "Start date", "Due date")
MAX_ROWS = 1000


class ImportFileError(Exception):
    """The file cannot be read as a table of actions; the message says why."""


def _unescape(text: str) -> str:
    """Undo the export's guard against formulas: "'=x" was written for "=x"."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _unescape(str(value).strip())


def read_table(upload: UploadedFile) -> list[dict[str, str]]:
    """The file's data rows as {field: text}, keyed by IMPORT_COLUMNS; blank rows dropped."""
    if upload.name.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as error:
            raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
        table = [
            [_cell_text(v) for v in row] for row in workbook.active.iter_rows(values_only=True)
        ]
        workbook.close()
    else:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError("Save the CSV file as UTF-8 and try again.") from error
        table = [[_cell_text(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
    if not table:
        raise ImportFileError("The file is empty.")
    headers = [h.strip().lower() for h in table[0]]
    missing = [h for h in REQUIRED_HEADERS if h.lower() not in headers]
    if missing:
        raise ImportFileError(f"The header row lacks these columns: {', '.join(missing)}.")
    index = {
        name: headers.index(h.lower()) for name, h in IMPORT_COLUMNS.items() if h.lower() in headers
    }
    rows = []
    for cells in table[1:]:
        if not any(cells):
            continue
        rows.append({name: cells[i] if i < len(cells) else "" for name, i in index.items()})
    if not rows:
        raise ImportFileError("The file has a header row but no actions.")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            f"The file has {len(rows)} actions; import at most {MAX_ROWS} at once."
        )
    return rows


def _choice(value: str, choices: list[tuple[str, str]], what: str) -> str:
    for key, label in choices:
        if value.lower() in (key.lower(), label.lower()):
            return key
    allowed = ", ".join(label for _, label in choices)
    raise forms.ValidationError(f"Unknown {what} “{value}”: use one of {allowed}.")


class ActionImportRowForm(ActionRulesMixin, forms.Form):
    """One row of an import, checked as the action form checks an action."""

    reference = forms.CharField(required=False)
    version = forms.IntegerField(required=False, min_value=1)
    title = forms.CharField(max_length=300)
    description = forms.CharField(required=False)
    objective = forms.CharField(required=False)
    owner = forms.CharField()
    lead_organisation = forms.CharField()
    start_date = forms.DateField()
    due_date = forms.DateField()
    status = forms.CharField(required=False)
    stage = forms.CharField(required=False)
    cancellation_reason = forms.CharField(required=False)

    def __init__(self, *args, priority_area: PriorityArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.priority_area = priority_area

    def clean_reference(self) -> Action | None:
        reference = self.cleaned_data["reference"]
        if not reference:
            return None
        action = None
        if reference.isdigit():
            action = self.priority_area.actions.filter(pk=int(reference)).first()
        if action is None:
            raise forms.ValidationError(
                f"Reference {reference} is not an action of this priority: leave it empty to "
                "add a new action."
            )
        return action

    def clean_objective(self):
        text = self.cleaned_data["objective"]
        if not text:
            return None
        objective = self.priority_area.objectives.filter(text__iexact=text).first()
        if objective is None:
            raise forms.ValidationError(f"Unknown objective “{text[:60]}” for this priority.")
        return objective

    def clean_owner(self):
        username = self.cleaned_data["owner"]
        if not get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(f"Unknown owner “{username}”: no user has this username.")
        owner = owner_choices().filter(username__iexact=username).first()
        if owner is None:
            raise forms.ValidationError(
                f"“{username}” is neither a commissioner nor an administrator, so cannot own "
                "actions."
            )
        return owner

    def clean(self):
        cleaned = super().clean()
        action, version = cleaned.get("reference"), cleaned.get("version")
        if action is not None and version is not None and version != action.version:
            self.add_error(
                "version",
                f"Action {action.pk} was changed by someone else after this file was exported "
                f"(it is now at version {action.version}, the file has {version}): export the "
                "plan again and redo your changes there.",
            )
        return cleaned

    def clean_lead_organisation(self) -> Organisation:
        name = self.cleaned_data["lead_organisation"]
        organisation = Organisation.objects.filter(
            Q(short_name__iexact=name) | Q(name__iexact=name)
        ).first()
        if organisation is None:
            raise forms.ValidationError(f"Unknown lead organisation “{name}”.")
        return organisation

    def clean_status(self) -> str:
        value = self.cleaned_data["status"]
        if not value:
            return Action.Status.NOT_STARTED
        return _choice(value, Action.Status.choices, "status")

    def clean_stage(self) -> str:
        value = self.cleaned_data["stage"]
        if not value:
            return Stage.PLAN
        return _choice(value, Stage.choices, "commissioning stage")


@dataclass
class PreviewRow:
    number: int  # the row's line in the file, counting the header as line 1
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    cleaned: dict[str, Any] = field(default_factory=dict)

    @property
    def is_update(self) -> bool:
        return bool(self.cleaned.get("reference"))


@dataclass
class Preview:
    rows: list[PreviewRow]

    @property
    def is_valid(self) -> bool:
        return all(not row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)


def preview_rows(*, priority_area: PriorityArea, rows: list[dict[str, str]]) -> Preview:
    """Check every row; each bad row carries its reasons, in words a user can act on."""
    checked = []
    first_row_of: dict[str, int] = {}
    for number, values in enumerate(rows, start=2):
        form = ActionImportRowForm(values, priority_area=priority_area)
        row = PreviewRow(number=number, values=values)
        if form.is_valid():
            row.cleaned = dict(form.cleaned_data)
        else:
            for name, messages in form.errors.items():
                label = IMPORT_COLUMNS.get(name, "Row")
                row.errors.extend(f"{label}: {message}" for message in messages)
        for name, text in values.items():
            message = check_text(text)
            if message:
                row.errors.append(f"{IMPORT_COLUMNS[name]}: {message}")
        reference = values.get("reference", "")
        if reference and reference in first_row_of:
            row.errors.append(
                f"Reference: action {reference} is already updated by row "
                f"{first_row_of[reference]}; keep one row per action."
            )
        if reference:
            first_row_of.setdefault(reference, number)
        checked.append(row)
    return Preview(rows=checked)
