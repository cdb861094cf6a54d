"""List pages' filter panels: their drop-downs rendered without a template per option, and the
options read from other tables cached under those tables' versions (core.cache_versions).

The filter panel was a third of the action list's time (issue 23): a query per drop-down and
Django's option template for each of hundreds of options. Here a drop-down's options are one
string of HTML, built once per version of the tables they are read from and per partnership,
and the request's selection is marked in it on the way out, so a cached panel never shows
another request's choice.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.cache_versions import versioned_key
from core.partnerships import current_partnership

# Versions make an entry stale; this only lets unread ones go.
CACHE_SECONDS = 24 * 60 * 60
# The drop-downs' querysets, unevaluated, by filter set, drop-down and partnership: SQL, not
# data, so nothing makes one stale (see CachedOptionsFilterSet._made_once).
_OPTION_QUERYSETS: dict[tuple[str, str, object], object] = {}


class FastSelect(forms.Select):
    """A single-choice drop-down rendered with format_html. With `cache_names` set, its options'
    HTML is cached under the versions of those tables and `cache_extra` (whose options they
    are)."""

    cache_names: tuple[str, ...] = ()
    cache_extra: tuple[object, ...] = ()

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        options = self._options_html()
        if options is None:  # grouped options: Django's own template knows optgroups
            return super().render(name, value, attrs, renderer)
        for chosen in self.format_value(value)[:1]:
            target = format_html('<option value="{}">', chosen)
            options = options.replace(target, target[:-1] + " selected>", 1)
        opening = format_html(
            '<select name="{}"{}>', name, flatatt(self.build_attrs(self.attrs, attrs))
        )
        # Every part was escaped by format_html or format_html_join; marking the selection
        # (str.replace) is what returned a plain string.
        return mark_safe(f"{opening}{options}</select>")  # nosec B308 B703

    def _options_html(self) -> str | None:
        if not self.cache_names:
            return self._render_options()
        key = versioned_key("filter-options", *self.cache_names, extra=self.cache_extra)
        html = cache.get(key)
        if html is None:
            html = self._render_options()
            cache.set(key, html, timeout=CACHE_SECONDS)
        return html

    def _render_options(self) -> str | None:
        choices = [("" if value is None else value, label) for value, label in self.choices]
        if any(isinstance(label, (list, tuple)) for _, label in choices):
            return None
        return str(format_html_join("", '<option value="{}">{}</option>', choices))


class CachedOptionsFilterSet(django_filters.FilterSet):
    """A FilterSet whose plain drop-downs are FastSelects; `option_tables` names, for each
    drop-down whose options come from the database, the tables they read (the version names
    their models bump on save), so those options are cached."""

    option_tables: dict[str, tuple[str, ...]] = {}

    def _made_once(self, name: str, build):
        """`build` (a drop-down's queryset function) called once per process and partnership,
        and a copy of its queryset handed out after that: building one (a join, an EXISTS)
        cost more than a cached panel's whole rendering, on every request. The options'
        tables are read from its copy, and only when their cached HTML is missing or a choice
        is checked. Like the options' cache, it assumes the options depend on the partnership
        alone, as every filter set's queryset functions scope them."""
        key = (f"{type(self).__module__}.{type(self).__qualname__}", name, self._partnership_pk)

        def queryset(request):
            made = _OPTION_QUERYSETS.get(key)
            if made is None:
                made = _OPTION_QUERYSETS[key] = build(request)
            return made.all()

        return queryset

    def panel_cache_key(self) -> str | None:
        """The cache key of this panel's rendered fields (`{% filter_panel_fields %}`): the
        versions of every table its options read, the partnership, and what the request chose.
        None if a drop-down reads a table `option_tables` does not name: that panel is never
        cached, since nothing would tell it of a change."""
        for name, filter_ in self.filters.items():
            if isinstance(filter_.field, forms.ModelChoiceField) and name not in self.option_tables:
                return None
        names = sorted({table for tables in self.option_tables.values() for table in tables})
        data = self.data if self.data is not None else {}
        fields = self.form.fields
        # Only the form's own parameters: a page number or a stray one would fill the cache.
        chosen = sorted(
            (key, data.getlist(key) if hasattr(data, "getlist") else [data[key]])
            for key in data
            if key in fields
        )
        return versioned_key(
            "filter-panel", *names, extra=(type(self).__name__, self._partnership_pk, chosen)
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        partnership = current_partnership(user) if user is not None else None
        self._partnership_pk = getattr(partnership, "pk", "none")
        for name in self.option_tables:
            build = getattr(self.filters[name], "queryset", None)
            if callable(build):
                self.filters[name].queryset = self._made_once(name, build)
        for name, filter_ in self.filters.items():
            field = filter_.field
            if type(field.widget) is not forms.Select:
                continue
            widget = FastSelect(attrs=field.widget.attrs)
            widget.choices = field.choices
            names = self.option_tables.get(name, ())
            if names:
                widget.cache_names = names
                widget.cache_extra = (type(self).__name__, name, self._partnership_pk)
            field.widget = widget
