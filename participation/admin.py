"""Django admin of the participation app: groups, records, the voice-of-the-child questions and
the Hear by Right self-assessments."""

from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin
from core.choices import Stage
from participation.models import (
    LUNDY_ELEMENTS,
    DecommissioningConsultation,
    HearByRightAssessment,
    HearByRightScore,
    ParticipationRecord,
    PersonalDataConfirmation,
    StakeholderGroup,
    VoiceAnswer,
    VoiceQuestion,
    YouSaidItem,
)

# The stages in the order of the cycle, not of the alphabet.
CYCLE_ORDER = Case(
    *(When(stage=stage, then=Value(rank)) for rank, stage in enumerate(Stage)),
    output_field=IntegerField(),
)


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "partnership", "convening_organisation", "is_active"]
    list_filter = ["kind", "partnership", "is_active"]
    search_fields = ["name", "description"]
    list_select_related = ["convening_organisation"]


class YouSaidItemInline(VersionCheckedInlineMixin, admin.StackedInline):
    model = YouSaidItem
    fields = ["position", "you_said", "outcome", "response", "by_date"]
    extra = 0


@admin.register(YouSaidItem)
class YouSaidItemAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Items are kept on their record's form; here they are found and corrected."""

    list_display = ["you_said", "record", "outcome", "by_date"]
    list_filter = ["outcome"]
    search_fields = ["you_said", "response", "record__title"]
    list_select_related = ["record"]
    raw_id_fields = ["record"]
    readonly_fields = ["version", "created_at", "updated_at"]


@admin.register(ParticipationRecord)
class ParticipationRecordAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """A save here is checked and bumps the version: an edit open on the site meanwhile is
    refused rather than silently overwriting this one, and this one refused if it is stale."""

    list_display = [
        "title",
        "date",
        "method",
        "level",
        "stage",
        "decision_changed",
        "lundy_influence",
        "feedback_date",
        "is_sample",
    ]
    list_filter = [
        "stage",
        "method",
        "level",
        "decision_changed",
        *(element.met_field for element in LUNDY_ELEMENTS),
        "is_sample",
        "groups",
    ]
    search_fields = [
        "title",
        "you_said",
        "we_did",
        "decision_description",
        *(element.evidence_field for element in LUNDY_ELEMENTS),
    ]
    date_hierarchy = "date"
    filter_horizontal = ["priority_areas", "groups"]
    raw_id_fields = ["activity", "created_by"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [YouSaidItemInline]


@admin.register(VoiceQuestion)
class VoiceQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "stage", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["stage", "is_active"]
    search_fields = ["text"]
    ordering = [CYCLE_ORDER, "order", "pk"]


@admin.register(VoiceAnswer)
class VoiceAnswerAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Answers are given on the activity's voice-of-the-child page; a correction here is
    version-checked as a save there is, and the earlier answer stays in the history."""

    list_display = ["activity", "question", "cycle_number", "answered_by", "answered_at"]
    list_filter = ["question__stage"]
    search_fields = ["answer", "activity__title", "question__text"]
    list_select_related = ["activity", "question", "answered_by"]
    raw_id_fields = ["activity", "answered_by"]
    readonly_fields = ["version"]


@admin.register(DecommissioningConsultation)
class DecommissioningConsultationAdmin(SimpleHistoryAdmin):
    """Links are made on the decommissioning plan's page, which checks the dates."""

    list_display = ["plan", "record", "linked_by", "linked_at"]
    list_select_related = ["plan__contract", "record", "linked_by"]
    readonly_fields = ["plan", "record", "linked_by", "linked_at"]

    def has_add_permission(self, request) -> bool:
        return False


class HearByRightScoreInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = HearByRightScore
    fields = ["standard", "level", "evidence", "records", "version"]
    readonly_fields = ["version"]
    extra = 0
    max_num = 7


@admin.register(HearByRightAssessment)
class HearByRightAssessmentAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Assessments are scored on the partnership's Hear by Right page; a correction here is
    version-checked as a save there is."""

    list_display = ["__str__", "partnership", "year", "status", "is_sample"]
    list_filter = ["status", "year", "is_sample"]
    search_fields = ["scores__evidence", "partnership__name"]
    list_select_related = ["partnership"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [HearByRightScoreInline]


@admin.register(HearByRightScore)
class HearByRightScoreAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    list_display = ["assessment", "standard", "level"]
    list_filter = ["standard", "level"]
    search_fields = ["evidence", "assessment__partnership__name"]
    list_select_related = ["assessment__partnership"]
    raw_id_fields = ["assessment"]
    filter_horizontal = ["records"]
    readonly_fields = ["version"]


@admin.register(PersonalDataConfirmation)
class PersonalDataConfirmationAdmin(admin.ModelAdmin):
    """Read-only: a confirmation is written by the record's save, once, and is its evidence.
    It goes when its record is deleted (so deleting a record stays possible here)."""

    list_display = ["record", "field_name", "kinds", "confirmed_by", "confirmed_at"]
    list_filter = ["field_name"]
    search_fields = ["record__title", "field_name", "kinds", "confirmed_by__username"]
    list_select_related = ["record", "confirmed_by"]
    date_hierarchy = "confirmed_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
