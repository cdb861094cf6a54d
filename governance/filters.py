"""Filters of the governance app's lists."""

import django_filters
from django import forms
from django.db.models import Q, Value
from django.db.models.functions import Concat

from core.cached_options import CachedOptionsFilterSet
from core.partnerships import scope
from governance.forms import DATE_WIDGET
from governance.models import Board, Decision


class DecisionFilterForm(forms.Form):
    """The log's filters, in a compact grid drawn by decision_log.html: three across on a wide
    screen, stacked on a phone."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("taken_from"), cleaned.get("taken_to")
        if start and end and start > end:
            raise forms.ValidationError(
                "“Decided on or after” is later than “Decided on or before”: swap the dates."
            )
        return cleaned


class DecisionFilter(CachedOptionsFilterSet):
    """The decisions log: by board, status, owner, overdue and the date of the meeting."""

    option_tables = {"board": ("boards",)}

    board = django_filters.ModelChoiceFilter(
        field_name="meeting__board",
        queryset=lambda request: scope(Board.objects, request.user).order_by("name"),
        label="Board",
        empty_label="Any board",
    )
    status = django_filters.ChoiceFilter(choices=Decision.Status.choices, empty_label="Any")
    owner = django_filters.CharFilter(method="filter_owner", label="Owner's name contains")
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label="Only overdue", widget=forms.CheckboxInput
    )
    taken_from = django_filters.DateFilter(
        field_name="meeting__starts_at",
        lookup_expr="date__gte",
        label="Decided on or after",
        widget=DATE_WIDGET,
    )
    taken_to = django_filters.DateFilter(
        field_name="meeting__starts_at",
        lookup_expr="date__lte",
        label="Decided on or before",
        widget=DATE_WIDGET,
    )

    class Meta:
        model = Decision
        form = DecisionFilterForm
        fields = ["board", "status", "owner", "overdue", "taken_from", "taken_to"]

    def filter_owner(self, queryset, name, value):
        """The person's full name, the organisation's name, or an owner recorded as text."""
        full_name = Concat("owner_user__first_name", Value(" "), "owner_user__last_name")
        return queryset.alias(owner_full_name=full_name).filter(
            Q(owner_full_name__icontains=value)
            | Q(owner_user__username__icontains=value)
            | Q(owner_organisation__name__icontains=value)
            | Q(owner_note__icontains=value)
        )

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
