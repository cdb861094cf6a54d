"""Dates typed as GOV.UK's date pattern asks: day, month and year in three boxes in a fieldset
whose legend is the field's label, with errors that say what is wrong ("Due date must include a
month", "Due date must be a real date").

The product's date fields use it through `date_formfield`, a ModelForm `formfield_callback`, or
as a declared `DateField`. A single value posted under the field's own name (an ISO date, or
day/month/year: a script, an old page, a test) is still read, so nothing that posted a date
before breaks. Django admin keeps its own date widget.
"""

import datetime
from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import get_format

PARTS = ("day", "month", "year")


def _parse(value: str) -> datetime.date | None:
    """A date typed in one box, in any of the site's input formats; None if it is none."""
    for date_format in get_format("DATE_INPUT_FORMATS"):
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except (TypeError, ValueError):
            continue
    return None


def _part_input(part: str) -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "inputmode": "numeric",
            "autocomplete": "off",
            "class": f"jcm-date-{part}",
        }
    )


class DateInputs(forms.MultiWidget):
    """Day, month and year boxes, each labelled; the field's label is the fieldset's legend."""

    template_name = "core/widgets/date_inputs.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        super().__init__({part: _part_input(part) for part in PARTS}, attrs)

    def decompress(self, value) -> list:
        if isinstance(value, str):
            value = _parse(value.strip()) or value
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if not any(f"{name}_{part}" in data for part in PARTS) and name in data:
            return data.get(name)  # one value, as every date was posted before the three boxes
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and super().value_omitted_from_data(data, files, name)


class HiddenDateInputs(DateInputs):
    """The same three values as hidden inputs (a field's `show_hidden_initial`)."""

    template_name = "django/forms/widgets/multiwidget.html"
    use_fieldset = False

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, {f"_{part}": forms.HiddenInput() for part in PARTS}, attrs)


class DateField(forms.MultiValueField):
    """A date from three boxes (or one value, see the module), with GOV.UK's error messages."""

    widget = DateInputs
    hidden_widget = HiddenDateInputs

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        parts = [forms.CharField(required=False) for _ in PARTS]
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def _name(self) -> str:
        label = str(self.label or "Date")
        return label[:1].upper() + label[1:]

    def _parts(self, value) -> tuple[str, str, str] | datetime.date:
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return ("", "", "")
            parsed = _parse(value)
            if parsed is None:
                raise ValidationError(f"{self._name()} must be a real date", code="invalid")
            return parsed
        if isinstance(value, Sequence) and len(value) == len(PARTS):
            day, month, year = (str(part if part is not None else "").strip() for part in value)
            return (day, month, year)
        return ("", "", "")

    def clean(self, value) -> datetime.date | None:
        parts = self._parts(value)
        day_value = parts if isinstance(parts, datetime.date) else self._from_parts(*parts)
        self.validate(day_value)
        self.run_validators(day_value)
        return day_value

    def _from_parts(self, day: str, month: str, year: str) -> datetime.date | None:
        name = self._name()
        if not (day or month or year):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = [part for part, text in zip(PARTS, (day, month, year), strict=True) if not text]
        if missing:
            raise ValidationError(
                f"{name} must include a {' and a '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{name} must be a real date", code="invalid")
        if len(year) != 4:
            raise ValidationError(f"{name} year must include 4 numbers", code="invalid")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{name} must be a real date", code="invalid") from None

    def validate(self, value) -> None:
        if value in self.empty_values and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def compress(self, data_list):  # clean() does the work; required by MultiValueField
        return data_list

    def has_changed(self, initial, data) -> bool:
        try:
            before = self._parts(initial) if initial is not None else None
            after = self._parts(data)
        except ValidationError:
            return True
        if not isinstance(after, datetime.date):
            try:
                # Three empty boxes are no date, even for a required field: an empty extra row
                # of a formset has not changed.
                after = self._from_parts(*after) if any(after) else None
            except ValidationError:
                return True
        if before is not None and not isinstance(before, datetime.date):
            before = None
        return before != after


def date_formfield(model_field: models.Field, **kwargs) -> forms.Field | None:
    """A ModelForm `formfield_callback`: model date fields get the three boxes."""
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        kwargs["form_class"] = DateField
        kwargs.pop("widget", None)
    return model_field.formfield(**kwargs)
