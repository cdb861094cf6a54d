"""Action plans in from XLSX or CSV: map the file's columns, check each row with a form and say
what each row would change.

Nothing is saved here: the view shows the preview and, once every row is valid, hands the rows
that add or change an action to `services.actions_import`, which saves them all or none. A row
with a Reference changes only the columns the file has; a row equal to its action is counted,
not saved.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, Value
from django.db.models.functions import Concat, Trim
from django.utils.dateformat import format as date_format
from django.utils.text import Truncator

from core.choices import Stage
from core.personal_data import check_text
from governance.models import Organisation
from priorities import services
from priorities.exports import FORMULA_PREFIXES
from priorities.forms import ActionRulesMixin, owner_choices, user_label
from priorities.import_files import ImportFileError, read_sheet
from priorities.models import Action, Objective, PriorityArea

__all__ = ["IMPORT_COLUMNS", "ImportFileError", "Preview", "preview_rows", "read_table"]

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
# The columns of free text a person writes, checked for what could identify a child (an owner's
# email address is how the file names them).
PROSE_COLUMNS = {"title", "description", "cancellation_reason"}
# The columns a new action needs; a file of updates only (with References) may leave them out.
NEW_ACTION_FIELDS = ("title", "owner", "lead_organisation", "start_date", "due_date")
_LARGEST_PK = 2**63 - 1

# A row as it is kept between the preview and the confirmation: its number in the file, and
# {field: text} for the file's columns.
Row = tuple[int, dict[str, str]]


@dataclass
class Table:
    rows: list[Row]
    note: str = ""


def _unescape(text: str) -> str:
    """Undo the export's guard against formulas: "'=x" was written for "=x"."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def read_table(upload: UploadedFile) -> Table:
    """The file's data rows as {field: text}, keyed by IMPORT_COLUMNS; blank rows dropped."""
    sheet = read_sheet(upload)
    if not sheet.rows:
        raise ImportFileError("The file is empty.")
    headers = [h.strip().lower() for h in sheet.rows[0][1]]
    index = {
        name: headers.index(h.lower()) for name, h in IMPORT_COLUMNS.items() if h.lower() in headers
    }
    if "reference" not in index:
        missing = [IMPORT_COLUMNS[name] for name in NEW_ACTION_FIELDS if name not in index]
        if missing:
            raise ImportFileError(f"The header row lacks these columns: {', '.join(missing)}.")
    rows = [
        (number, {name: _unescape(cells[i]) if i < len(cells) else "" for name, i in index.items()})
        for number, cells in sheet.rows[1:]
    ]
    if not rows:
        raise ImportFileError("The file has a header row but no actions.")
    return Table(rows=rows, note=sheet.note)


def _choice(value: str, choices: list[tuple[str, str]], what: str) -> str:
    for key, label in choices:
        if value.lower() in (key.lower(), label.lower()):
            return key
    allowed = ", ".join(label for _, label in choices)
    raise forms.ValidationError(f"Unknown {what} “{value}”: use one of {allowed}.")


def find_owner(text: str, *, current=None, partnership_id: int | None = None):
    """The person a cell names, by username, else email address, else full name, among active
    users (and the action's current owner); refused if nobody or several match, or if they may
    not own actions of the partnership."""
    name = " ".join(text.split())
    User = get_user_model()
    may_match = Q(is_active=True) if current is None else Q(is_active=True) | Q(pk=current.pk)
    people = User.objects.filter(may_match).annotate(
        full_name=Trim(Concat(Trim("first_name"), Value(" "), Trim("last_name")))
    )
    ways = [
        (Q(username=name), ""),
        (Q(username__iexact=name), f"Several people have usernames like “{text}”"),
        (Q(email__iexact=name), f"Several people have the email address “{text}”"),
        (Q(full_name__iexact=name), f"Several people are called “{text}”"),
    ]
    for match, several in ways:
        found = list(people.filter(match).order_by("pk")[:2])
        if len(found) > 1:
            raise forms.ValidationError(
                f"{several}: write the username of the one you mean, as the export does."
            )
        if found:
            owner = found[0]
            break
    else:
        raise forms.ValidationError(
            f"Unknown owner “{text}”: nobody active has this name, email address or username."
        )
    keep = current.pk if current is not None else None
    if not owner_choices(partnership_id=partnership_id, keep_pk=keep).filter(pk=owner.pk).exists():
        raise forms.ValidationError(
            f"“{text}” is neither a commissioner nor an administrator, so cannot own actions."
        )
    return owner


class _Lookups:
    """Finds objectives, organisations and owners by the text of a cell, once per text."""

    def __init__(self, priority_area: PriorityArea):
        self.priority_area = priority_area
        self._found: dict[tuple, tuple[Any, forms.ValidationError | None]] = {}

    def _once(self, key: tuple, find: Callable[[], Any]) -> Any:
        if key not in self._found:
            try:
                self._found[key] = (find(), None)
            except forms.ValidationError as error:
                self._found[key] = (None, error)
        found, error = self._found[key]
        if error is not None:
            raise error
        return found

    def objective(self, text: str) -> Objective:
        def find() -> Objective:
            objective = self.priority_area.objectives.filter(text__iexact=text).first()
            if objective is None:
                raise forms.ValidationError(f"Unknown objective “{text[:60]}” for this priority.")
            return objective

        return self._once(("objective", text.lower()), find)

    def organisation(self, text: str) -> Organisation:
        def find() -> Organisation:
            organisation = Organisation.objects.filter(
                Q(short_name__iexact=text) | Q(name__iexact=text),
                partnerships=self.priority_area.framework.partnership_id,
            ).first()
            if organisation is None:
                raise forms.ValidationError(f"Unknown lead organisation “{text}”.")
            return organisation

        return self._once(("organisation", text.lower()), find)

    def owner(self, text: str, *, current=None):
        key = ("owner", text.lower(), current.pk if current is not None else None)
        partnership_id = self.priority_area.framework.partnership_id
        return self._once(
            key, lambda: find_owner(text, current=current, partnership_id=partnership_id)
        )


class ActionImportRowForm(ActionRulesMixin, forms.Form):
    """One row of an import, checked as the action form checks an action.

    For a new action (`action` None) every field counts, absent ones being empty; for an update
    only the file's columns do, the others keep the action's values.
    """

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

    def __init__(self, data: dict[str, str], *, action: Action | None, lookups: _Lookups):
        super().__init__(data)
        self.action = action
        self.lookups = lookups
        if action is not None:
            for name in services.ACTION_EDITABLE_FIELDS:
                if name not in data:
                    del self.fields[name]

    def add_error(self, field: str | None, error: Any) -> None:
        # A rule about two fields, one of them not in the file, is about the row.
        super().add_error(field if field is None or field in self.fields else None, error)

    def clean_version(self) -> int | None:
        version = self.cleaned_data["version"]
        if self.action is not None and version is None:
            raise forms.ValidationError(
                f"Give the version of action {self.action.pk} (the Version column of the "
                "plan's export), so that an edit made since the export is not overwritten."
            )
        return version

    def clean_objective(self) -> Objective | None:
        text = self.cleaned_data["objective"]
        return self.lookups.objective(text) if text else None

    def clean_owner(self):
        current = self.action.owner if self.action is not None else None
        return self.lookups.owner(self.cleaned_data["owner"], current=current)

    def clean_lead_organisation(self) -> Organisation:
        return self.lookups.organisation(self.cleaned_data["lead_organisation"])

    def clean_status(self) -> str:
        value = self.cleaned_data["status"]
        if not value:
            return self.action.status if self.action else Action.Status.NOT_STARTED
        return _choice(value, Action.Status.choices, "status")

    def clean_stage(self) -> str:
        value = self.cleaned_data["stage"]
        if not value:
            return self.action.stage if self.action else Stage.PLAN
        return _choice(value, Stage.choices, "commissioning stage")

    def clean(self) -> dict[str, Any]:
        if self.action is not None:
            # The cross-field rules see the action as it would be.
            for name in services.ACTION_EDITABLE_FIELDS:
                if name not in self.fields:
                    self.cleaned_data[name] = getattr(self.action, name)
        return super().clean()

    def data_to_save(self) -> dict[str, Any]:
        """A new action's fields, or the fields of the file that change the action."""
        names = [n for n in services.ACTION_EDITABLE_FIELDS if n in self.fields]
        present = {name: self.cleaned_data[name] for name in names}
        if self.action is None:
            return present
        return services.action_changes(self.action, present)


def shown(name: str, value: Any) -> str:
    """A value of an action's field as a person writes it: full names, "1 December 2026"."""
    if value is None or value == "":
        return "(empty)"
    if name == "owner":
        return user_label(value)
    if name == "objective":
        return Truncator(value.text).chars(120)
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if name == "status":
        return str(Action.Status(value).label)
    if name == "stage":
        return str(Stage(value).label)
    return Truncator(str(value)).chars(200)


@dataclass
class Change:
    column: str
    old: str
    new: str


@dataclass
class PreviewRow:
    number: int  # the row's number in the file, the header being row 1
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    action: Action | None = None  # the action a row with a Reference updates
    version: int | None = None
    data: dict[str, Any] = field(default_factory=dict)  # what saving the row writes
    changes: list[Change] = field(default_factory=list)

    @property
    def is_update(self) -> bool:
        return self.action is not None

    @property
    def is_unchanged(self) -> bool:
        return not self.errors and self.is_update and not self.data

    def for_service(self) -> dict[str, Any]:
        return {"reference": self.action, "version": self.version, **self.data}


@dataclass
class Preview:
    rows: list[PreviewRow]
    note: str = ""

    @property
    def is_valid(self) -> bool:
        return all(not row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def shown_rows(self) -> list[PreviewRow]:
        """The rows a person should check: errors, new actions and changes."""
        return [row for row in self.rows if not row.is_unchanged]

    @property
    def to_save(self) -> list[PreviewRow]:
        return [row for row in self.rows if not row.errors and not row.is_unchanged]

    @property
    def new_count(self) -> int:
        return sum(1 for row in self.to_save if not row.is_update)

    @property
    def update_count(self) -> int:
        return sum(1 for row in self.to_save if row.is_update)

    @property
    def unchanged_count(self) -> int:
        return sum(1 for row in self.rows if row.is_unchanged)


def _reference(values: dict[str, str]) -> str:
    """The row's Reference, "3" for "03"; "" if it has none."""
    text = values.get("reference", "")
    return str(int(text)) if text.isascii() and text.isdigit() else text


def _referenced_actions(priority_area: PriorityArea, rows: Iterable[Row]) -> dict[str, Action]:
    references = {_reference(values) for _, values in rows}
    pks = [int(r) for r in references if r.isascii() and r.isdigit() and int(r) <= _LARGEST_PK]
    actions = priority_area.actions.filter(pk__in=pks).select_related(
        "owner", "lead_organisation", "objective"
    )
    return {str(action.pk): action for action in actions}


def _check_row(
    number: int, values: dict[str, str], *, action: Action | None, lookups: _Lookups
) -> PreviewRow:
    row = PreviewRow(number=number, values=values, action=action)
    if action is None:
        missing = [IMPORT_COLUMNS[name] for name in NEW_ACTION_FIELDS if name not in values]
        if missing:
            row.errors.append(
                "Reference: a row without one adds a new action, which needs the columns "
                f"{', '.join(missing)}; the file lacks them."
            )
            return row
    form = ActionImportRowForm(values, action=action, lookups=lookups)
    if not form.is_valid():
        for name, messages in form.errors.items():
            label = IMPORT_COLUMNS.get(name, "Row")
            row.errors.extend(f"{label}: {message}" for message in messages)
        return row
    row.version = form.cleaned_data.get("version")
    row.data = form.data_to_save()
    if action is not None and row.data and row.version != action.version:
        # A row equal to the action overwrites nothing, however old its export.
        row.errors.append(
            f"Version: Action {action.pk} was changed by someone else after this file was "
            f"exported (it is now at version {action.version}, the file has {row.version}): "
            "export the plan again and redo your changes there."
        )
        return row
    row.changes = [
        Change(
            column=IMPORT_COLUMNS[name],
            old=shown(name, getattr(action, name)) if action else "",
            new=shown(name, value),
        )
        for name, value in row.data.items()
    ]
    return row


def preview_rows(
    *, priority_area: PriorityArea, rows: Sequence[Sequence[Any]], note: str = ""
) -> Preview:
    """Check every row and say what it would change; each bad row carries its reasons, in words
    a user can act on. `rows` are (number, {field: text}), as `read_table` gives them."""
    rows = [(int(number), values) for number, values in rows]
    actions = _referenced_actions(priority_area, rows)
    lookups = _Lookups(priority_area)
    checked = []
    first_row_of: dict[str, int] = {}
    for number, values in rows:
        reference = _reference(values)
        action = actions.get(reference)
        if reference and action is None:
            row = PreviewRow(number=number, values=values)
            row.errors.append(
                f"Reference: {reference} is not an action of this priority: leave it empty "
                "to add a new action."
            )
        else:
            row = _check_row(number, values, action=action, lookups=lookups)
        for name in PROSE_COLUMNS & set(values):
            text = values[name]
            message = check_text(text) if isinstance(text, str) else None
            if message:
                row.errors.append(f"{IMPORT_COLUMNS.get(name, name)}: {message}")
        if reference and reference in first_row_of:
            row.errors.append(
                f"Reference: action {reference} is already updated by row "
                f"{first_row_of[reference]}; keep one row per action."
            )
        if reference:
            first_row_of.setdefault(reference, number)
        checked.append(row)
    return Preview(rows=checked, note=note)
