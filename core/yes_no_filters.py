"""`yes_no_filter`: a list page's three-way filter (any, yes, no) in words that say what each
choice keeps, instead of django-filter's "Unknown / Yes / No", where "Unknown" means any."""

import django_filters
from django import forms


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A NullBooleanSelect whose three choices read as the filter means them."""

    def __init__(self, *, any_label: str, yes_label: str, no_label: str, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", any_label), ("true", yes_label), ("false", no_label)]


def yes_no_filter(
    *, label: str, yes: str, no: str, any_label: str = "Any", **kwargs
) -> django_filters.BooleanFilter:
    """A BooleanFilter offering `any_label` (no filtering), `yes` and `no`."""
    widget = AnyYesNoSelect(any_label=any_label, yes_label=yes, no_label=no)
    return django_filters.BooleanFilter(label=label, widget=widget, **kwargs)
