"""Spreadsheet cells that never run as formulas, for every export the product and the admin make.

A spreadsheet program runs a cell that starts with "=", "+", "-" or "@" as a formula (and
some start one after a tab or a carriage return): a provider named
`=HYPERLINK("http://evil.example","x")` would become a live link in whoever opens the export.
Such a text is written with a leading apostrophe, which spreadsheets read as "this is text";
imports take it off again. Numbers are never touched: a negative amount stays a number.

django-import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is not used: in the
installed version (4.4) it only strips a leading "=" (so "+", "-", "@" still run, and the
value is changed rather than kept) and turns every cell, numbers and dates too, into text.
"""

from collections.abc import Sequence
from typing import Any

from import_export import widgets

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_WIDGETS = (widgets.NumberWidget,)


def formula_safe(value: Any) -> Any:
    """`value`, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


def formula_unescaped(value: Any) -> Any:
    """Undo `formula_safe`: "'=x" was written for "=x"."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


class FormulaSafeResourceMixin:
    """A django-import-export resource whose exported text cells never run as formulas; its
    number columns are left as they are, and its import takes the apostrophe off again."""

    def export_resource(self, instance, selected_fields=None, **kwargs) -> list[Any]:
        row = super().export_resource(instance, selected_fields, **kwargs)
        export_fields: Sequence = self.get_export_fields(selected_fields)
        return [
            value if isinstance(field.widget, _NUMBER_WIDGETS) else formula_safe(value)
            for field, value in zip(export_fields, row, strict=True)
        ]

    def before_import_row(self, row, **kwargs) -> None:
        for key, value in list(row.items()):
            row[key] = formula_unescaped(value)
        super().before_import_row(row, **kwargs)
