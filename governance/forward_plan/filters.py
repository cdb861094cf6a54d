"""The forward plan's filters."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms

from core.partnerships import scope
from governance.forward_plan.models import ForwardPlanEntry
from governance.models import Board


class ForwardPlanFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ForwardPlanFilter(django_filters.FilterSet):
    """By board, and whether the decision is still to be taken."""

    board = django_filters.ModelChoiceFilter(
        queryset=lambda request: scope(Board.objects, request.user).order_by("name"),
        label="Board",
        empty_label="Every board",
    )
    to_take = django_filters.BooleanFilter(
        method="filter_to_take",
        label="Only decisions still to be taken",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = ForwardPlanEntry
        form = ForwardPlanFilterForm
        fields = ["board", "to_take"]

    def filter_to_take(self, queryset, name, value):
        return queryset.filter(decision__isnull=True) if value else queryset
