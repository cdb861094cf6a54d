"""Django admin of the participation app: groups, records and the voice-of-the-child questions."""

from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin
from core.choices import Stage
from participation.models import (
    DecommissioningConsultation,
    ParticipationRecord,
    PersonalDataConfirmation,
    StakeholderGroup,
    VoiceAnswer,
    VoiceQuestion,
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
        "feedback_date",
        "is_sample",
    ]
    list_filter = ["stage", "method", "level", "decision_changed", "is_sample", "groups"]
    search_fields = ["title", "you_said", "we_did", "decision_description"]
    date_hierarchy = "date"
    filter_horizontal = ["priority_areas", "groups"]
    raw_id_fields = ["activity", "created_by"]
    readonly_fields = ["version", "created_at", "updated_at"]


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
