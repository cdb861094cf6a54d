"""The API's filters (django-filter's DRF backend): a value that is not valid answers 400 with
the reason, never 500. Records are named by id; an id of nothing (or of another partnership's
record) simply matches nothing, as the querysets are already kept to the partnership."""

from django import forms
from django_filters import rest_framework as filters

from commissioning.models import CommissioningActivity, Contract
from core.choices import Stage
from governance.models import Decision, Meeting
from participation.models import ParticipationRecord
from priorities.models import RAG, Action, Indicator, IndicatorValue, ProgressUpdate

# The largest id the database holds (a 64-bit primary key).
LARGEST_ID = 2**63 - 1


class IdFilter(filters.Filter):
    """A record's id: a whole number, in the range a primary key can hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)


class ActionFilter(filters.FilterSet):
    priority = IdFilter(field_name="priority_area_id", label="Priority id")
    objective = IdFilter(field_name="objective_id", label="Objective id")
    owner = IdFilter(field_name="owner_id", label="Owner's id (owner_id)")
    status = filters.ChoiceFilter(choices=Action.Status.choices)
    rag = filters.ChoiceFilter(field_name="latest_rag", choices=RAG.choices, label="RAG")
    stage = filters.ChoiceFilter(choices=Stage.choices)
    due_after = filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label="Due on or after"
    )
    due_before = filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label="Due on or before"
    )

    class Meta:
        model = Action
        fields = []


class ProgressUpdateFilter(filters.FilterSet):
    action = IdFilter(field_name="action_id", label="Action id")
    priority = IdFilter(field_name="action__priority_area_id", label="Priority id")
    rag = filters.ChoiceFilter(choices=RAG.choices, label="RAG")
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte", label="On or after")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before")

    class Meta:
        model = ProgressUpdate
        fields = []


class IndicatorFilter(filters.FilterSet):
    priority = IdFilter(field_name="priority_area_id", label="Priority id")

    class Meta:
        model = Indicator
        fields = []


class IndicatorValueFilter(filters.FilterSet):
    indicator = IdFilter(field_name="indicator_id", label="Indicator id")
    period = filters.CharFilter(field_name="period_label", label="Period, e.g. 2017")
    period_end_after = filters.DateFilter(
        field_name="period_end", lookup_expr="gte", label="Period ending on or after"
    )
    period_end_before = filters.DateFilter(
        field_name="period_end", lookup_expr="lte", label="Period ending on or before"
    )

    class Meta:
        model = IndicatorValue
        fields = []


class ActivityFilter(filters.FilterSet):
    priority = IdFilter(field_name="priority_area_id", label="Priority id")
    stage = filters.ChoiceFilter(choices=Stage.choices)
    status = filters.ChoiceFilter(choices=CommissioningActivity.Status.choices)
    level = filters.ChoiceFilter(choices=CommissioningActivity.Level.choices)

    class Meta:
        model = CommissioningActivity
        fields = []


class ContractFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Contract.Status.choices)
    provider = IdFilter(field_name="provider_id", label="Provider id")
    priority = IdFilter(field_name="priority_area_id", label="Priority id")
    form = filters.ChoiceFilter(choices=Contract.Form.choices)
    end_after = filters.DateFilter(
        field_name="end_date", lookup_expr="gte", label="Ends on or after"
    )
    end_before = filters.DateFilter(
        field_name="end_date", lookup_expr="lte", label="Ends on or before"
    )

    class Meta:
        model = Contract
        fields = []


class ParticipationFilter(filters.FilterSet):
    priority = IdFilter(field_name="priority_areas", label="Priority id", distinct=True)
    stage = filters.ChoiceFilter(choices=Stage.choices)
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte", label="On or after")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before")

    class Meta:
        model = ParticipationRecord
        fields = []


class MeetingFilter(filters.FilterSet):
    board = IdFilter(field_name="board_id", label="Board id")
    status = filters.ChoiceFilter(choices=Meeting.Status.choices)

    class Meta:
        model = Meeting
        fields = []


class DecisionFilter(filters.FilterSet):
    meeting = IdFilter(field_name="meeting_id", label="Meeting id")
    board = IdFilter(field_name="meeting__board_id", label="Board id")
    status = filters.ChoiceFilter(choices=Decision.Status.choices)

    class Meta:
        model = Decision
        fields = []
