"""Django admin of the commissioning app: providers and contracts as administrators keep them,
with import and export (XLSX, CSV), and the cycle's records for reference."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from commissioning import services
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    ContractVariation,
    Contribution,
    DecommissioningPlan,
    ExtensionOption,
    FundingAgreement,
    KeyPerformanceIndicator,
    KpiValue,
    NeedsAssessment,
    PerformanceAssessment,
    ProcurementLeadTime,
    Provider,
    Service,
    StageMove,
)
from commissioning.resources import ContractResource, ProviderResource
from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin

# Administrators exchange spreadsheets: offer the two formats they use, nothing else.
SPREADSHEET_FORMATS = [XLSX, CSV]


class ContractInline(VersionCheckedInlineMixin, admin.TabularInline):
    """Read-only rows; version-checked all the same, as every inline of a versioned record."""

    model = Contract
    fields = ("reference", "title", "service", "status", "annual_value", "start_date", "end_date")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ("-end_date",)

    def has_add_permission(self, request, obj=None) -> bool:
        # A contract has many more fields than fit here: add it from the contracts list.
        return False


@admin.register(Provider)
class ProviderAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [ProviderResource]
    # An organisation's contact details, not a child's (core.personal_data).
    personal_data_exempt = ("address", "contact_name", "contact_phone")
    import_formats = export_formats = SPREADSHEET_FORMATS
    list_display = ("name", "kind", "safeguarding_checked_on", "is_active", "is_sample")
    list_filter = ("kind", "is_active", "is_sample")
    search_fields = ("name", "charity_number", "company_number", "ods_code", "contact_name")
    date_hierarchy = "safeguarding_checked_on"
    inlines = [ContractInline]
    fieldsets = (
        (None, {"fields": ("name", "kind", "is_sme", "is_active", "is_sample")}),
        ("Registration", {"fields": ("charity_number", "company_number", "ods_code")}),
        (
            "Contact",
            {"fields": ("address", "contact_name", "contact_email", "contact_phone")},
        ),
        ("Safeguarding", {"fields": ("safeguarding_checked_on",)}),
    )


class ContractReviewInline(VersionCheckedInlineMixin, admin.StackedInline):
    """Reviews for reference: a decision acts on the contract only from the review page of the
    product (commissioning.services.contract_review_decide), so none is added here. A row
    corrected here is version-checked: a correction saved meanwhile is not overwritten."""

    model = ContractReview
    extra = 0
    fields = (
        ("date", "performance_rag", "value_for_money"),
        "outcomes_achieved",
        ("decision", "decision_date"),
        "decision_note",
        "opened_activity",
        "is_sample",
    )
    readonly_fields = ("decision", "decision_date", "decision_note", "opened_activity")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ContractReview)
class ContractReviewAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Reviews are taken on the contract's review page, whose decision acts on the contract;
    here they are corrected (version-checked), never decided."""

    list_display = ("contract", "date", "performance_rag", "decision", "decision_date")
    list_filter = ("decision", "performance_rag", "value_for_money", "is_sample")
    search_fields = ("contract__reference", "contract__title", "outcomes_achieved")
    list_select_related = ("contract",)
    fields = ContractReviewInline.fields
    readonly_fields = (
        "contract",
        "decision",
        "decision_date",
        "decision_note",
        "opened_activity",
        "version",
    )

    def has_add_permission(self, request) -> bool:
        return False


class ExtensionOptionInline(admin.TabularInline):
    model = ExtensionOption
    extra = 0
    fields = ("order", "months", "taken_on", "taken_by")
    readonly_fields = ("taken_on", "taken_by")
    ordering = ("order",)


class ContractVariationInline(admin.StackedInline):
    model = ContractVariation
    extra = 0
    can_delete = False
    readonly_fields = (
        "review",
        "agreed_on",
        "agreed_by",
        "reason",
        "scope_change",
        "previous_annual_value",
        "new_annual_value",
        "previous_total_value",
        "new_total_value",
        "previous_end_date",
        "new_end_date",
    )
    exclude = ("is_sample",)

    def has_add_permission(self, request, obj=None) -> bool:
        # A variation is the decision of a review, taken on the contract's review page.
        return False


class ContributionInline(VersionCheckedInlineMixin, admin.TabularInline):
    """Partners' shares; a row saved elsewhere meanwhile is refused, as on the site."""

    model = Contribution
    fields = ("organisation", "annual_amount", "arrangement", "agreement", "note", "is_sample")
    autocomplete_fields = ("agreement",)
    extra = 0


class KpiInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = KeyPerformanceIndicator
    fields = ("name", "target", "unit", "polarity", "frequency", "is_sample")
    extra = 0
    show_change_link = True


class PerformanceAssessmentInline(admin.StackedInline):
    model = PerformanceAssessment
    fields = (("date", "rating", "assessed_by"), "summary", "is_sample")
    extra = 0


_MONEY_AND_PERFORMANCE_INLINES = [ContributionInline, KpiInline, PerformanceAssessmentInline]


@admin.action(description="Mark the selected contracts decommissioned")
def mark_decommissioned(modeladmin, request, queryset) -> None:
    changed = services.contracts_mark_decommissioned(contracts=queryset)
    modeladmin.message_user(
        request,
        f"{changed} contract{'s' if changed != 1 else ''} marked decommissioned.",
        messages.SUCCESS,
    )


@admin.register(Contract)
class ContractAdmin(VersionCheckedAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """A save here is checked against the version and bumps it, as the contract's edit page
    and its review decisions do: neither overwrites the other silently."""

    resource_classes = [ContractResource]
    import_formats = export_formats = SPREADSHEET_FORMATS
    list_display = (
        "reference",
        "title",
        "provider",
        "form",
        "status",
        "annual_value",
        "start_date",
        "end_date",
        "is_sample",
    )
    list_filter = ("status", "form", "procurement_route", "lead_organisation", "is_sample")
    search_fields = ("reference", "title", "provider__name", "service__name")
    date_hierarchy = "end_date"
    list_select_related = ("provider",)
    autocomplete_fields = ("provider", "service", "activity")
    filter_horizontal = ("co_commissioners",)
    inlines = [
        ExtensionOptionInline,
        ContractVariationInline,
        ContractReviewInline,
        *_MONEY_AND_PERFORMANCE_INLINES,
    ]
    actions = [mark_decommissioned]
    readonly_fields = ("version",)

    def get_deleted_objects(self, objs, request):
        """Django's list of what a deletion would take, with the boards' decisions on each
        contract among the protected records: no foreign key protects them."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for contract in objs:
            protected.extend(
                f"Board decision: {decision}" for decision in contract.governance_decisions()
            )
        return to_delete, model_count, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        """Say why a contract with a record of its management cannot be deleted, and what to
        do instead, above Django's list of the records that stop it."""
        contract = self.get_object(request, unquote(object_id))
        refusal = contract.deletion_refusal() if contract is not None else ""
        if refusal and request.method == "GET":
            self.message_user(request, refusal, messages.ERROR)
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        # As contract_create does: a contract's first term ends where it ends when added.
        if obj.initial_end_date is None:
            obj.initial_end_date = obj.end_date
        obj.take_partnership_from_parents()  # and is led by its priority's (or service's)
        super().save_model(request, obj, form, change)

    fieldsets = (
        (
            None,
            {
                "fields": (
                    "reference",
                    "title",
                    "service",
                    "provider",
                    "activity",
                    "activity_cycle",
                    "status",
                    "priority_area",
                    "owner",
                    "version",
                )
            },
        ),
        (
            "Commissioning",
            {
                "fields": (
                    "form",
                    "procurement_route",
                    "quotes_invited",
                    "lead_organisation",
                    "department",
                    "co_commissioners",
                )
            },
        ),
        ("Value (£)", {"fields": ("annual_value", "total_value", "non_recoverable_vat")}),
        (
            "Dates",
            {
                "fields": (
                    "start_date",
                    "initial_end_date",
                    "end_date",
                    "review_date",
                    "notice_period_months",
                )
            },
        ),
        ("Clauses", {"fields": ("safeguarding_clause", "social_value_clause", "is_sample")}),
    )


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "partnership", "client_group")
    list_filter = ("partnership", "client_group")
    search_fields = ("name",)
    filter_horizontal = ("priority_areas",)


class StageMoveInline(admin.TabularInline):
    model = StageMove
    fields = ("moved_at", "from_stage", "to_stage", "from_cycle", "to_cycle", "moved_by", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        # Moves are made on the activity page, where the cycle's rules apply.
        return False


class NeedsAssessmentInline(admin.StackedInline):
    model = NeedsAssessment
    extra = 0
    readonly_fields = ("cycle_number",)

    def has_add_permission(self, request, obj=None) -> bool:
        # Added on the activity page, which files it under the activity's current cycle.
        return False


@admin.register(CommissioningActivity)
class CommissioningActivityAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """A save here is checked and bumps the version: it makes an edit or move begun elsewhere
    stale, as the services' do, and is refused itself if one was saved meanwhile."""

    list_display = ("title", "priority_area", "stage", "cycle_number", "status", "is_sample")
    list_filter = ("stage", "status", "level", "footprint", "resourcing", "is_sample")
    search_fields = ("title", "description")
    list_select_related = ("priority_area",)
    autocomplete_fields = ("recommissions",)
    filter_horizontal = ("commissioning_organisations",)
    # Specifications are published over HTTPS; Django 6 makes this the default.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # The cycle's fields change only through its moves, on the activity page.
    readonly_fields = (
        "stage",
        "cycle_number",
        "stage_entered_at",
        "purpose",
        "specification_cycle",
        "version",
    )
    inlines = [NeedsAssessmentInline, StageMoveInline, ContributionInline]

    def save_model(self, request, obj, form, change) -> None:
        if {"specification_text", "specification_url"} & set(form.changed_data):
            # As activity_update does: the Plan to Do gate counts this cycle's specification.
            obj.specification_cycle = obj.cycle_number
        super().save_model(request, obj, form, change)


@admin.register(DecommissioningPlan)
class DecommissioningPlanAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Plans are filled in on the site; here for reference and correction. Completing one
    (which ends the contract) happens only on its page, where the steps are checked."""

    list_display = ("contract", "service_end_date", "status", "is_sample")
    list_filter = ("status", "is_sample")
    search_fields = ("contract__reference", "contract__title")
    list_select_related = ("contract",)
    readonly_fields = (
        "contract",
        "activity",
        "review",
        "decision_date",
        "status",
        "completed_on",
        "completed_by",
        "version",
    )


@admin.register(FundingAgreement)
class FundingAgreementAdmin(SimpleHistoryAdmin):
    """Section 75 agreements and the like: the product lists them read-only."""

    list_display = ("reference", "title", "kind", "start_date", "end_date", "is_sample")
    list_filter = ("kind", "is_sample")
    search_fields = ("reference", "title")
    date_hierarchy = "start_date"
    filter_horizontal = ("parties",)


@admin.register(Contribution)
class ContributionAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Partners' shares, also shown (and kept) on their contract's and activity's pages."""

    list_display = ("organisation", "annual_amount", "arrangement", "contract", "activity")
    list_filter = ("arrangement", "organisation", "is_sample")
    search_fields = ("organisation__name", "contract__reference", "activity__title")
    list_select_related = ("organisation", "contract", "activity")
    autocomplete_fields = ("contract", "activity", "agreement")
    readonly_fields = ("version",)


class KpiValueInline(admin.TabularInline):
    model = KpiValue
    fields = ("period_end", "value", "note", "recorded_by", "recorded_at", "is_sample")
    extra = 0


@admin.register(KeyPerformanceIndicator)
class KeyPerformanceIndicatorAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "contract", "target", "unit", "polarity", "frequency")
    list_filter = ("polarity", "frequency", "is_sample")
    search_fields = ("name", "contract__reference", "contract__title")
    list_select_related = ("contract",)
    autocomplete_fields = ("contract",)
    readonly_fields = ("version",)
    inlines = [KpiValueInline]


@admin.register(ProcurementLeadTime)
class ProcurementLeadTimeAdmin(SimpleHistoryAdmin):
    """One row per procurement route: the pipeline plans each contract's decision from it."""

    list_display = ("route", "months")
    list_editable = ("months",)
    list_display_links = ("route",)
