"""Django admin of the participation app: groups, records, the voice-of-the-child questions and
the Hear by Right self-assessments."""

import datetime

from django import forms
from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin
from core.choices import Stage
from participation import retention
from participation.models import (
    LUNDY_ELEMENTS,
    AnonymisationLog,
    DecommissioningConsultation,
    HearByRightAssessment,
    HearByRightScore,
    ParticipationRecord,
    PersonalDataConfirmation,
    Quote,
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


class QuoteInline(VersionCheckedInlineMixin, admin.StackedInline):
    model = Quote
    fields = ["text", "given_by", "consent_use", "consent_until"]
    raw_id_fields = ["given_by"]
    extra = 0


# How far ahead the "retention due" filter looks.
RETENTION_LOOKAHEAD = datetime.timedelta(days=90)


class RetentionDueFilter(admin.SimpleListFilter):
    """Records whose words the retention job removes: past due, or due within 90 days."""

    title = "retention due"
    parameter_name = "retention"

    def lookups(self, request, model_admin):
        return [
            ("past", "Past due, not yet anonymised"),
            ("soon", "Due in the next 90 days"),
            ("anonymised", "Anonymised"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "past":
            return queryset.retention_due(today)
        if self.value() == "soon":
            return queryset.filter(
                anonymised_at__isnull=True,
                retention_date__gte=today,
                retention_date__lte=today + RETENTION_LOOKAHEAD,
            )
        if self.value() == "anonymised":
            return queryset.filter(anonymised_at__isnull=False)
        return queryset


class ParticipationRecordAdminForm(forms.ModelForm):
    """The retention date may move later than the partnership's rule, never earlier; left
    empty, it takes the rule's date."""

    # No Meta: the admin builds the form's Meta from its own fields.

    def clean_retention_date(self):
        chosen = self.cleaned_data.get("retention_date")
        record = self.instance
        if not record.pk or record.partnership_id is None:
            return chosen
        rule = retention.retention_date_for(
            record, record.partnership.participation_retention_years
        )
        if chosen is None:
            return rule
        if chosen < rule:
            raise forms.ValidationError(
                f"The partnership's rule keeps this record until {rule:%-d %B %Y}: choose that "
                "date or a later one."
            )
        return chosen


@admin.register(ParticipationRecord)
class ParticipationRecordAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """A save here is checked and bumps the version: an edit open on the site meanwhile is
    refused rather than silently overwriting this one, and this one refused if it is stale."""

    form = ParticipationRecordAdminForm

    list_display = [
        "title",
        "date",
        "method",
        "level",
        "stage",
        "decision_changed",
        "lundy_influence",
        "feedback_date",
        "retention_date",
        "is_sample",
    ]
    list_filter = [
        RetentionDueFilter,
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
    readonly_fields = ["version", "created_at", "updated_at", "anonymised_at"]
    inlines = [YouSaidItemInline, QuoteInline]


@admin.register(Quote)
class QuoteAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Quotes are kept on their record's form; here administrators correct a consent."""

    list_display = ["record", "given_by", "consent_use", "consent_until"]
    list_filter = ["consent_use"]
    search_fields = ["text", "record__title", "given_by__name"]
    list_select_related = ["record", "given_by"]
    raw_id_fields = ["record", "given_by"]
    readonly_fields = ["version"]


@admin.register(AnonymisationLog)
class AnonymisationLogAdmin(admin.ModelAdmin):
    """What the retention job removed, record by record: written by the job only."""

    list_display = [
        "record",
        "anonymised_at",
        "retention_date",
        "quotes_removed",
        "history_rows_changed",
        "done_by",
    ]
    search_fields = ["record__title", "done_by"]
    list_select_related = ["record"]
    date_hierarchy = "anonymised_at"
    readonly_fields = [
        "record",
        "anonymised_at",
        "retention_date",
        "quotes_removed",
        "fields_removed",
        "history_rows_changed",
        "done_by",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


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
