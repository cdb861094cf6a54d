"""The API's resources: each a list and a detail, kept to the caller's partnership, with what
its serializer reads fetched in a fixed number of queries whatever the page's length."""

from django.db.models import Prefetch

from commissioning.models import CommissioningActivity, Contract
from governance.models import AgendaItem, Board, Decision, Meeting
from participation.models import ParticipationRecord
from priorities.models import (
    Action,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
)
from priorities.selectors import indicator_comparator_values
from reporting.api import filters, serializers
from reporting.api.base import ReadOnlyViewSet


class FrameworkViewSet(ReadOnlyViewSet):
    """Frameworks: the partnership's commissioning frameworks."""

    queryset = Framework.objects.order_by("-period", "title", "pk")
    serializer_class = serializers.FrameworkSerializer


class PriorityViewSet(ReadOnlyViewSet):
    """Priority areas, with their objectives and lead commissioners."""

    queryset = PriorityArea.objects.prefetch_related(
        "lead_commissioners", Prefetch("objectives", Objective.objects.order_by("order", "pk"))
    ).order_by("framework_id", "order", "pk")
    serializer_class = serializers.PrioritySerializer


class ActionViewSet(ReadOnlyViewSet):
    """Actions of the priorities' action plans, with their latest RAG and percent complete."""

    queryset = (
        Action.objects.with_overdue()
        .select_related("owner", "lead_organisation")
        .order_by("due_date", "pk")
    )
    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter


class ProgressUpdateViewSet(ReadOnlyViewSet):
    """Progress updates of actions, newest first."""

    queryset = ProgressUpdate.objects.select_related("author").order_by("-date", "-pk")
    serializer_class = serializers.ProgressUpdateSerializer
    filterset_class = filters.ProgressUpdateFilter


class IndicatorViewSet(ReadOnlyViewSet):
    """Indicators measuring the priorities' progress."""

    queryset = Indicator.objects.order_by("priority_area_id", "order", "pk")
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilter


class IndicatorValueViewSet(ReadOnlyViewSet):
    """Indicators' values, one per period, with their comparators' values for it."""

    queryset = (
        IndicatorValue.objects.select_related("indicator")
        .prefetch_related(
            Prefetch(
                "indicator__comparator_values", queryset=indicator_comparator_values().queryset
            )
        )
        .order_by("indicator_id", "-period_end", "pk")
    )
    serializer_class = serializers.IndicatorValueSerializer
    filterset_class = filters.IndicatorValueFilter


class ActivityViewSet(ReadOnlyViewSet):
    """Commissioning activities and where each is in the cycle (with those shared with the
    partnership)."""

    queryset = CommissioningActivity.objects.select_related("lead_commissioner").order_by(
        "title", "pk"
    )
    serializer_class = serializers.ActivitySerializer
    filterset_class = filters.ActivityFilter


class ContractViewSet(ReadOnlyViewSet):
    """Contracts, as the contract register shows them (with those shared with the
    partnership)."""

    queryset = Contract.objects.select_related(
        "provider", "service", "owner", "lead_organisation"
    ).order_by("end_date", "reference", "pk")
    serializer_class = serializers.ContractSerializer
    filterset_class = filters.ContractFilter


class ParticipationRecordViewSet(ReadOnlyViewSet):
    """Participation records a lead commissioner has published, with their public fields
    only."""

    queryset = (
        ParticipationRecord.objects.published()
        .select_related("partnership")
        .prefetch_related("priority_areas", "quotes")
        .order_by("-date", "-pk")
    )
    serializer_class = serializers.PublishedParticipationSerializer
    filterset_class = filters.ParticipationFilter


class BoardViewSet(ReadOnlyViewSet):
    """Boards and groups, and whom each reports to."""

    queryset = Board.objects.order_by("name", "pk")
    serializer_class = serializers.BoardSerializer


class MeetingViewSet(ReadOnlyViewSet):
    """Boards' meetings, newest first, with their agenda."""

    queryset = Meeting.objects.prefetch_related(
        Prefetch("agenda_items", AgendaItem.objects.order_by("order", "pk"))
    ).order_by("-starts_at", "-pk")
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter


class DecisionViewSet(ReadOnlyViewSet):
    """Decisions recorded at meetings, newest meeting first."""

    queryset = Decision.objects.select_related("owner_user", "owner_organisation").order_by(
        "-meeting__starts_at", "pk"
    )
    serializer_class = serializers.DecisionSerializer
    filterset_class = filters.DecisionFilter
