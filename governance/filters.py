"""Filters of the governance app's lists."""

import django_filters
from django import forms

from governance.forms import DATE_WIDGET
from governance.models import Board, Decision


class DecisionFilter(django_filters.FilterSet):
    """The decisions log: by board, status, owner, overdue and the date of the meeting."""

    board = django_filters.ModelChoiceFilter(
        field_name="meeting__board", queryset=Board.objects.order_by("name"), label="Board"
    )
    status = django_filters.ChoiceFilter(choices=Decision.Status.choices, empty_label="Any")
    owner = django_filters.CharFilter(lookup_expr="icontains", label="Owner contains")
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
        fields = ["board", "status", "owner", "overdue", "taken_from", "taken_to"]

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
