"""The action list's filters and sort orders."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from core.cached_options import CachedOptionsFilterSet
from core.choices import Stage
from core.partnerships import scope
from core.yes_no_filters import yes_no_filter
from governance.models import Organisation
from priorities.models import RAG, Action, Framework, PriorityArea

NO_RAG = "none"


class ActionFilter(CachedOptionsFilterSet):
    option_tables = {
        "framework": ("frameworks",),
        "priority_area": ("priority-areas", "frameworks"),
        # Whoever owns an action: a change of owner changes the list.
        "owner": ("users", "actions"),
        "lead_organisation": ("organisations",),
    }

    q = django_filters.CharFilter(label="Search", method="filter_text")
    framework = django_filters.ModelChoiceFilter(
        field_name="priority_area__framework",
        queryset=lambda request: scope(Framework.objects, request.user),
    )
    priority_area = django_filters.ModelChoiceFilter(
        label="Priority",
        queryset=lambda request: scope(PriorityArea.objects, request.user).select_related(
            "framework"
        ),
    )
    owner = django_filters.ModelChoiceFilter(
        # EXISTS, not a join and DISTINCT over every action: the index on owner answers it.
        queryset=lambda request: (
            get_user_model()
            .objects.filter(
                Exists(scope(Action.objects, request.user).filter(owner=OuterRef("pk")))
            )
            .order_by("first_name", "last_name", "username")
        )
    )
    lead_organisation = django_filters.ModelChoiceFilter(
        queryset=lambda request: scope(Organisation.objects, request.user)
    )
    status = django_filters.ChoiceFilter(choices=Action.Status.choices)
    rag = django_filters.ChoiceFilter(
        label="RAG", choices=[*RAG.choices, (NO_RAG, "No update yet")], method="filter_rag"
    )
    stage = django_filters.ChoiceFilter(label="Commissioning stage", choices=Stage.choices)
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label="Due on or after"
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label="Due on or before"
    )
    overdue = yes_no_filter(
        label="Overdue", yes="Overdue only", no="Not overdue", method="filter_overdue"
    )
    exceptions_on = django_filters.DateFilter(
        label="Red, amber or overdue on",
        method="filter_exceptions_on",
        help_text="The exceptions a termly report of that day lists.",
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        fields=(
            ("due_date", "due_date"),
            ("title", "title"),
            ("status", "status"),
            ("latest_rag", "rag"),
            ("latest_update_on", "updated"),
            ("priority_area__title", "priority"),
        ),
        field_labels={
            "due_date": "Due date",
            "title": "Title",
            "status": "Status",
            "latest_rag": "RAG",
            "latest_update_on": "Last update",
            "priority_area__title": "Priority",
        },
    )

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["owner"].field.label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )
        self.filters["priority_area"].field.label_from_instance = lambda area: (
            f"{area.title} ({area.framework.period})"
        )
        for name in ("due_after", "due_before", "exceptions_on"):
            self.filters[name].field.widget.input_type = "date"

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_rag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(latest_rag="" if value == NO_RAG else value)

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return (
            queryset.filter(Action.overdue_q()) if value else queryset.exclude(Action.overdue_q())
        )

    def filter_exceptions_on(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.exceptions_on(value)
