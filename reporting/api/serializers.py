"""What each resource of the API carries: the records' own fields, related records by id (and
a name where a reader needs one), people by display name only, never an email or a phone."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from commissioning.models import CommissioningActivity, Contract, Provider
from governance.models import AgendaItem, Board, Decision, Meeting
from participation.models import LUNDY_ELEMENTS, LundyMet, ParticipationRecord
from participation.publication import (
    PUBLIC_COUNT_FIELDS,
    PUBLIC_FIELDS,
    public_quotes,
    shown_count,
)
from priorities.models import (
    Action,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
)


def display_name(user) -> str:
    """A person as the pages name them: their name, else their username (never an email)."""
    if user is None:
        return ""
    name = user.get_full_name() or user.get_username()
    return name.split("@")[0]


@extend_schema_field(OpenApiTypes.STR)
class DisplayNameField(serializers.Field):
    """A person, by display name."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return display_name(value)


class FrameworkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ["id", "title", "period", "version", "status", "owning_board", "review_date"]


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = ["id", "order", "text"]


class PrioritySerializer(serializers.ModelSerializer):
    lead_commissioners = serializers.SerializerMethodField()
    objectives = ObjectiveSerializer(many=True, read_only=True)

    class Meta:
        model = PriorityArea
        fields = [
            "id",
            "framework",
            "order",
            "title",
            "aim",
            "lead_board",
            "lead_commissioners",
            "objectives",
        ]

    def get_lead_commissioners(self, area) -> list[str]:
        return [display_name(user) for user in area.lead_commissioners.all()]


class ActionSerializer(serializers.ModelSerializer):
    priority = serializers.PrimaryKeyRelatedField(source="priority_area", read_only=True)
    owner = DisplayNameField()
    owner_id = serializers.IntegerField(read_only=True)
    lead_organisation = serializers.CharField(source="lead_organisation.name", read_only=True)
    rag = serializers.CharField(source="latest_rag", read_only=True)
    percent_complete = serializers.IntegerField(
        source="latest_percent", read_only=True, allow_null=True
    )
    last_update_on = serializers.DateField(
        source="latest_update_on", read_only=True, allow_null=True
    )
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "priority",
            "objective",
            "title",
            "description",
            "owner",
            "owner_id",
            "lead_organisation",
            "start_date",
            "due_date",
            "status",
            "cancellation_reason",
            "stage",
            "rag",
            "percent_complete",
            "last_update_on",
            "is_overdue",
            "created_at",
            "updated_at",
        ]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    author = DisplayNameField()

    class Meta:
        model = ProgressUpdate
        fields = ["id", "action", "date", "author", "rag", "percent_complete", "narrative"]


class IndicatorSerializer(serializers.ModelSerializer):
    priority = serializers.PrimaryKeyRelatedField(source="priority_area", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "priority",
            "order",
            "name",
            "definition",
            "unit",
            "polarity",
            "target",
            "source",
        ]


class IndicatorValueSerializer(serializers.ModelSerializer):
    comparators = serializers.SerializerMethodField(
        help_text="Each comparator's value for the same period, by its name, e.g. England."
    )

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "indicator",
            "period_label",
            "period_end",
            "value",
            "comparators",
            "note",
        ]

    @extend_schema_field(
        {"type": "object", "additionalProperties": {"type": "string", "format": "decimal"}}
    )
    def get_comparators(self, value: IndicatorValue) -> dict[str, str]:
        # Through the indicator's prefetched comparator values (the view's queryset).
        return {
            held.comparator.name: str(held.value)
            for held in value.indicator.comparator_values.all()
            if held.period_label == value.period_label and held.comparator.is_active
        }


class ActivitySerializer(serializers.ModelSerializer):
    priority = serializers.PrimaryKeyRelatedField(source="priority_area", read_only=True)
    lead_commissioner = DisplayNameField()

    class Meta:
        model = CommissioningActivity
        fields = [
            "id",
            "title",
            "description",
            "priority",
            "lead_commissioner",
            "level",
            "footprint",
            "resourcing",
            "budget",
            "purpose",
            "stage",
            "cycle_number",
            "stage_entered_at",
            "status",
            "created_at",
            "updated_at",
        ]


class ContractProviderSerializer(serializers.ModelSerializer):
    """A contract's provider as the contract register names it: the organisation and its
    registration numbers, none of its contacts."""

    class Meta:
        model = Provider
        fields = ["id", "name", "kind", "company_number", "charity_number"]


class ContractSerializer(serializers.ModelSerializer):
    provider = ContractProviderSerializer(read_only=True)
    service = serializers.CharField(source="service.name", read_only=True)
    priority = serializers.PrimaryKeyRelatedField(
        source="priority_area", read_only=True, allow_null=True
    )
    owner = DisplayNameField(allow_null=True)
    lead_organisation = serializers.CharField(source="lead_organisation.name", read_only=True)

    class Meta:
        model = Contract
        fields = [
            "id",
            "reference",
            "title",
            "service",
            "provider",
            "activity",
            "priority",
            "owner",
            "form",
            "procurement_route",
            "lead_organisation",
            "annual_value",
            "total_value",
            "start_date",
            "initial_end_date",
            "end_date",
            "notice_period_months",
            "status",
            "safeguarding_clause",
            "social_value_clause",
        ]


class LundySerializer(serializers.Serializer):
    """Whether a record met each element of the Lundy model ("": not recorded); never the
    evidence, whose words the publishing check does not read."""

    def get_fields(self):
        return {
            element.key: serializers.ChoiceField(
                choices=LundyMet.choices, source=element.met_field, read_only=True
            )
            for element in LUNDY_ELEMENTS
        }


class PublishedParticipationSerializer(serializers.ModelSerializer):
    """A published record's public fields (participation.publication): its words, how many
    took part, each count shown only at or above the partnership's smallest group (null: fewer
    than that), which elements of the Lundy model it met and the quotes consented for public
    pages."""

    priorities = serializers.PrimaryKeyRelatedField(
        source="priority_areas", many=True, read_only=True
    )
    counts = serializers.SerializerMethodField()
    lundy = LundySerializer(source="*", read_only=True)
    quotes = serializers.SerializerMethodField()

    class Meta:
        model = ParticipationRecord
        fields = [
            "id",
            *PUBLIC_FIELDS,
            "priorities",
            "counts",
            "lundy",
            "quotes",
            "published_at",
        ]

    def get_quotes(self, record) -> list[str]:
        """The quotes consented for public pages, consent current: their words only."""
        return public_quotes(record)

    def get_counts(self, record) -> dict[str, int | None]:
        smallest = record.partnership.smallest_public_group
        return {name: shown_count(getattr(record, name), smallest) for name in PUBLIC_COUNT_FIELDS}


class BoardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Board
        fields = ["id", "name", "kind", "reports_to", "purpose", "meeting_frequency", "is_active"]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "order", "title", "presenter", "paper_url"]


class MeetingSerializer(serializers.ModelSerializer):
    agenda_items = AgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "board",
            "starts_at",
            "location",
            "status",
            "papers_published_at",
            "minutes",
            "agenda_items",
        ]


class DecisionSerializer(serializers.ModelSerializer):
    # The owner as the pages name them: a person by display name, else the organisation.
    owner = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = ["id", "meeting", "text", "owner", "due_date", "status"]

    def get_owner(self, decision: Decision) -> str:
        if decision.owner_user_id:
            return display_name(decision.owner_user)
        return decision.owner_name
