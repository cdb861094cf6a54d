"""The participation log's filters, and the coverage matrix's framework choice."""

import django_filters
from django.db.models import Q, QuerySet

from core.cached_options import CachedOptionsFilterSet
from core.choices import Stage
from core.partnerships import scope
from core.yes_no_filters import yes_no_filter
from participation.models import Level, ParticipationRecord, StakeholderGroup, feedback_owed_q
from participation.models.lundy import reached_influence_q
from priorities.filter_choices import frameworks, priority_areas, request_user
from priorities.models import PriorityArea


def priority_label(area: PriorityArea) -> str:
    return f"{area.title} ({area.framework.partnership})"


def groups(request) -> QuerySet[StakeholderGroup]:
    return scope(StakeholderGroup.objects.all(), request_user(request))


class RecordFilter(CachedOptionsFilterSet):
    option_tables = {
        "framework": ("frameworks",),
        "priority_area": ("priority-areas", "partnerships"),
        "group": ("stakeholder-groups",),
    }

    q = django_filters.CharFilter(label="Search", method="filter_text")
    framework = django_filters.ModelChoiceFilter(
        field_name="priority_areas__framework", queryset=frameworks, distinct=True
    )
    priority_area = django_filters.ModelChoiceFilter(
        field_name="priority_areas", label="Priority", queryset=priority_areas
    )
    stage = django_filters.ChoiceFilter(label="Cycle stage", choices=Stage.choices)
    group = django_filters.ModelChoiceFilter(field_name="groups", label="Group", queryset=groups)
    method = django_filters.ChoiceFilter(choices=ParticipationRecord.Method.choices)
    level = django_filters.ChoiceFilter(label="Level of participation", choices=Level.choices)
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after"
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="On or before"
    )
    feedback_owed = yes_no_filter(
        label="Feedback owed",
        yes="Feedback owed only",
        no="No feedback owed",
        method="filter_owed",
    )
    reached_influence = yes_no_filter(
        label="Reached Influence (Lundy model)",
        yes="Reached Influence: views acted on and fed back",
        no="Not reached Influence",
        method="filter_influence",
    )
    published = yes_no_filter(
        label="Published",
        yes="Published on the public page",
        no="Not published",
        field_name="published_at",
        lookup_expr="isnull",
        exclude=True,
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        fields=(("date", "date"), ("title", "title"), ("level", "level"), ("stage", "stage")),
        field_labels={"date": "Date", "title": "Title", "level": "Level", "stage": "Stage"},
    )

    class Meta:
        model = ParticipationRecord
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["priority_area"].field.label_from_instance = priority_label
        for name in ("date_after", "date_before"):
            self.filters[name].field.widget.input_type = "date"

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(title__icontains=value) | Q(you_said__icontains=value) | Q(we_did__icontains=value)
        )

    def filter_owed(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(feedback_owed_q()) if value else queryset.exclude(feedback_owed_q())

    def filter_influence(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        influence = reached_influence_q()
        return queryset.filter(influence) if value else queryset.exclude(influence)


class CoverageFilter(django_filters.FilterSet):
    """Only the framework: the matrix is built by `selectors.coverage_matrix`, not a queryset."""

    framework = django_filters.ModelChoiceFilter(queryset=frameworks, empty_label="Every framework")

    class Meta:
        model = PriorityArea
        fields: list[str] = []
