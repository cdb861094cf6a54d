"""`{% filter_field field %}`: one field of a list page's filter form, in Bootstrap's markup.

The filter panels render a dozen fields on every list request; crispy-forms' field template
cost more than the rest of the page together (bench/pages.py), so these few lines render the
same label, control, error and help markup directly. Forms that save data keep crispy-forms.
"""

from django import forms, template
from django.core.cache import cache
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.cached_options import CACHE_SECONDS

register = template.Library()


def _control_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


@register.simple_tag
def filter_field(field: BoundField) -> str:
    control_class = _control_class(field.field.widget)
    attrs = {"class": control_class}
    error_ids = [f"error_{n}_{field.auto_id}" for n, _ in enumerate(field.errors, start=1)]
    help_id = f"{field.auto_id}_helptext" if field.help_text else ""
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    described_by = " ".join([*error_ids, help_id]).strip()
    if described_by:
        attrs["aria-describedby"] = described_by
    control = field.as_widget(attrs=attrs)
    label = format_html(
        '<label for="{}" class="{}">{}</label>',
        field.id_for_label,
        "form-check-label" if control_class == "form-check-input" else "form-label",
        field.label,
    )
    errors = format_html_join(
        "",
        '<div id="{}" class="invalid-feedback"><strong>{}</strong></div>',
        zip(error_ids, field.errors, strict=True),
    )
    help_text = (
        format_html('<div id="{}" class="form-text">{}</div>', help_id, field.help_text)
        if help_id
        else ""
    )
    if control_class == "form-check-input":
        return format_html(
            '<div class="mb-3 form-check">{}{}{}{}</div>', control, label, errors, help_text
        )
    return format_html('<div class="mb-3">{}{}{}{}</div>', label, control, errors, help_text)


@register.simple_tag
def filter_panel_fields(filterset) -> SafeString:
    """Every field of a filter panel's form, each in its grid column. A CachedOptionsFilterSet's
    panel is cached under its panel_cache_key: on a list page it cost as much as the rows."""
    key_of = getattr(filterset, "panel_cache_key", None)
    key = key_of() if key_of is not None else None
    if key is not None:
        html = cache.get(key)
        if html is not None:
            # Rendered by format_html below, then kept as a plain string.
            return mark_safe(html)  # nosec B308 B703
    html = format_html_join(
        "",
        '<div class="col-sm-6 col-lg-3">{}</div>',
        ((filter_field(field),) for field in filterset.form),
    )
    if key is not None:
        cache.set(key, str(html), timeout=CACHE_SECONDS)
    return html
