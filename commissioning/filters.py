"""Filters of the cycle board, the contracts register, the pipeline and the provider directory."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from commissioning.models import CommissioningActivity, Contract, Provider
from commissioning.models.contracts import add_months
from core.cached_options import CachedOptionsFilterSet
from core.choices import Stage
from core.partnerships import scope
from core.yes_no_filters import yes_no_filter
from priorities.filter_choices import frameworks, organisations, priority_areas, request_user


class ActivityBoardFilter(CachedOptionsFilterSet):
    option_tables = {
        "framework": ("frameworks",),
        "priority_area": ("priority-areas",),
        "organisation": ("organisations",),
    }

    framework = django_filters.ModelChoiceFilter(
        field_name="priority_area__framework", queryset=frameworks
    )
    priority_area = django_filters.ModelChoiceFilter(label="Priority", queryset=priority_areas)
    organisation = django_filters.ModelChoiceFilter(
        label="Commissioning organisation",
        queryset=organisations,
        method="filter_organisation",
    )
    status = django_filters.ChoiceFilter(
        choices=CommissioningActivity.Status.choices,
        empty_label="Active and paused",
        method="filter_status",
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label="Every stage")

    class Meta:
        model = CommissioningActivity
        fields = ["framework", "priority_area", "organisation", "status", "stage"]

    def filter_organisation(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(
            pk__in=CommissioningActivity.objects.filter(commissioning_organisations=value).values(
                "pk"
            )
        )

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(status=value)

    @property
    def qs(self) -> QuerySet:
        queryset = super().qs
        # Closed work leaves the board unless asked for (an unbound form asks for nothing).
        chosen = self.form.cleaned_data.get("status") if self.is_bound else None
        if not chosen:
            queryset = queryset.exclude(status=CommissioningActivity.Status.CLOSED)
        return queryset


class ContractFilter(CachedOptionsFilterSet):
    option_tables = {"provider": ("providers",), "organisation": ("organisations",)}

    q = django_filters.CharFilter(label="Reference or title", method="filter_text")
    provider = django_filters.ModelChoiceFilter(queryset=Provider.objects.all())
    status = django_filters.ChoiceFilter(choices=Contract.Status.choices)
    form = django_filters.ChoiceFilter(label="Contract form", choices=Contract.Form.choices)
    procurement_route = django_filters.ChoiceFilter(
        label="Procurement route", choices=Contract.Route.choices
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Commissioning organisation (lead or co-commissioner)",
        queryset=organisations,
        method="filter_organisation",
    )
    min_value = django_filters.NumberFilter(
        field_name="annual_value", lookup_expr="gte", label="Annual value from (£)", min_value=0
    )
    max_value = django_filters.NumberFilter(
        field_name="annual_value", lookup_expr="lte", label="Annual value up to (£)", min_value=0
    )
    ending_within = django_filters.NumberFilter(
        label="Ending within (months)",
        method="filter_ending_within",
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"min": 0, "max": 120, "step": 1}),
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        fields=(
            ("end_date", "end"),
            ("reference", "reference"),
            ("annual_value", "value"),
            ("provider__name", "provider"),
        ),
        field_labels={
            "end_date": "End date",
            "reference": "Reference",
            "annual_value": "Annual value",
            "provider__name": "Provider",
        },
    )

    class Meta:
        model = Contract
        fields = ["q", "provider", "status", "form", "procurement_route", "organisation"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(reference__icontains=value) | Q(title__icontains=value))

    def filter_organisation(self, queryset: QuerySet, name: str, value) -> QuerySet:
        co_commissioned = Contract.objects.filter(co_commissioners=value).values("pk")
        return queryset.filter(Q(lead_organisation=value) | Q(pk__in=co_commissioned))

    def filter_ending_within(self, queryset: QuerySet, name: str, value) -> QuerySet:
        today = timezone.localdate()
        return queryset.filter(end_date__gte=today, end_date__lte=add_months(today, int(value)))


class ProviderFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name", field_name="name", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(choices=Provider.Kind.choices)
    is_active = yes_no_filter(label="Active", yes="Active only", no="Inactive only")

    class Meta:
        model = Provider
        fields = ["q", "kind", "is_active"]


def contract_managers(request):
    """Who manages a contract the person sees."""
    managed = scope(Contract.objects.all(), request_user(request)).values("owner")
    return (
        get_user_model()
        .objects.filter(pk__in=managed)
        .order_by("first_name", "last_name", "username")
    )


class PipelineFilter(CachedOptionsFilterSet):
    option_tables = {
        # Whoever manages a contract: a change of manager changes the list.
        "owner": ("users", "contracts"),
        "partner": ("organisations",),
    }

    owner = django_filters.ModelChoiceFilter(label="Contract manager", queryset=contract_managers)
    procurement_route = django_filters.ChoiceFilter(
        label="Procurement route", choices=Contract.Route.choices
    )
    partner = django_filters.ModelChoiceFilter(
        label="Partner (commissioning or contributing)",
        queryset=organisations,
        method="filter_partner",
    )

    class Meta:
        model = Contract
        fields = ["owner", "procurement_route", "partner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["owner"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )

    def filter_partner(self, queryset: QuerySet, name: str, value) -> QuerySet:
        involved = Contract.objects.filter(
            Q(co_commissioners=value) | Q(contributions__organisation=value)
        ).values("pk")
        return queryset.filter(Q(lead_organisation=value) | Q(pk__in=involved))
