"""What a browser posts back from a page as it rendered: for tests that save an admin change
page (its form and every inline formset) or a site edit page opened earlier."""

import datetime
from typing import Any

from django import forms


def form_data(form: forms.BaseForm) -> dict[str, Any]:
    """An unbound form's values as the page rendered them, under the form's prefix."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = getattr(field.widget, "widget", field.widget)  # admin related-field wrappers
        if value is None or value is False:
            continue
        if isinstance(widget, forms.MultiWidget):
            # Each part under its own name: "_0", "_1" (the admin's date and time), "_day"...
            for suffix, part, part_value in zip(
                widget.widgets_names, widget.widgets, widget.decompress(value), strict=True
            ):
                data[f"{key}{suffix}"] = part.format_value(part_value) or ""
        elif isinstance(value, list | tuple):
            data[key] = [str(getattr(item, "pk", item)) for item in value]
        elif value is True:
            data[key] = "on"
        elif isinstance(value, datetime.date | datetime.time):
            data[key] = widget.format_value(value)
        else:
            data[key] = str(getattr(value, "pk", value))
    return data


def admin_change_data(response) -> dict[str, Any]:
    """An admin change page's form and inline formsets, management forms included."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= form_data(formset.management_form)
        for form in formset.forms:
            data |= form_data(form)
    return data
