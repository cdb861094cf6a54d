"""Import and export of providers and contracts (django-import-export), for the admin, and the
export of the expiry pipeline.

Each row is validated with the model's `full_clean()` (`clean_model_instances`), and an import
is all or nothing (`use_transactions`): a bad row saves no row and the admin shows why.
"""

from django.db import transaction
from import_export import fields, resources, widgets
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from commissioning.models import Contract, Provider, Service
from core.formulas import FormulaSafeResourceMixin
from core.personal_data import PersonalDataResourceMixin
from governance.models import Organisation


class _RollBack(Exception):
    def __init__(self, result):
        self.result = result


class AllOrNothingResource(
    PersonalDataResourceMixin, FormulaSafeResourceMixin, resources.ModelResource
):
    """An import that keeps no row when any row is invalid, not only when one raises, nor a
    text that could identify a child (core.personal_data); an export whose text never runs as
    a formula (core.formulas)."""

    def import_data(self, dataset, dry_run=False, **kwargs):
        try:
            with transaction.atomic():
                result = super().import_data(dataset, dry_run=dry_run, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise _RollBack(result)
        except _RollBack as rollback:
            return rollback.result
        return result


class ProviderResource(AllOrNothingResource):
    # An organisation's contact details, not a child's.
    personal_data_exempt = ("address", "contact_name", "contact_phone")

    class Meta:
        model = Provider
        import_id_fields = ("name",)
        fields = (
            "name",
            "kind",
            "is_sme",
            "charity_number",
            "company_number",
            "ods_code",
            "address",
            "contact_name",
            "contact_email",
            "contact_phone",
            "safeguarding_checked_on",
            "is_active",
        )
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True


class ContractResource(AllOrNothingResource):
    # Related records are named as people know them, not by their ids.
    service = fields.Field(
        attribute="service", column_name="service", widget=ForeignKeyWidget(Service, "name")
    )
    provider = fields.Field(
        attribute="provider", column_name="provider", widget=ForeignKeyWidget(Provider, "name")
    )
    lead_organisation = fields.Field(
        attribute="lead_organisation",
        column_name="lead_organisation",
        widget=ForeignKeyWidget(Organisation, "short_name"),
    )
    co_commissioners = fields.Field(
        attribute="co_commissioners",
        column_name="co_commissioners",
        widget=ManyToManyWidget(Organisation, field="short_name", separator=";"),
    )

    class Meta:
        model = Contract
        import_id_fields = ("reference",)
        fields = (
            "reference",
            "title",
            "service",
            "provider",
            "form",
            "procurement_route",
            "quotes_invited",
            "lead_organisation",
            "department",
            "co_commissioners",
            "annual_value",
            "total_value",
            "non_recoverable_vat",
            "start_date",
            "initial_end_date",
            "end_date",
            "review_date",
            "status",
            "safeguarding_clause",
            "social_value_clause",
        )
        # Amounts as numbers, not text, so that a spreadsheet adds them up.
        widgets = {
            "annual_value": {"coerce_to_string": False},
            "total_value": {"coerce_to_string": False},
            "non_recoverable_vat": {"coerce_to_string": False},
        }
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True


def _native(widget_class=widgets.Widget):
    """A widget that hands XLSX its value as it is: dates as dates, amounts as numbers."""
    return widget_class(coerce_to_string=False)


class PipelineResource(FormulaSafeResourceMixin, resources.Resource):
    """The expiry pipeline for export (never imported): one row per selectors.PipelineEntry."""

    reference = fields.Field(attribute="contract__reference", column_name="Reference")
    title = fields.Field(attribute="contract__title", column_name="Title")
    provider = fields.Field(attribute="contract__provider__name", column_name="Provider")
    partnership = fields.Field(
        attribute="contract__service__partnership", column_name="Partnership"
    )
    owner = fields.Field(column_name="Contract manager")
    route = fields.Field(column_name="Procurement route")
    annual_value = fields.Field(
        attribute="contract__annual_value",
        column_name="Annual value (£)",
        widget=_native(widgets.DecimalWidget),
    )
    end_date = fields.Field(
        attribute="contract__end_date", column_name="End date", widget=_native(widgets.DateWidget)
    )
    notice = fields.Field(
        attribute="contract__notice_period_months",
        column_name="Notice period (months)",
        widget=_native(widgets.IntegerWidget),
    )
    lead_months = fields.Field(
        attribute="lead_months",
        column_name="Procurement lead time (months)",
        widget=_native(widgets.IntegerWidget),
    )
    decision_by = fields.Field(
        attribute="decision_by",
        column_name="Decision needed by",
        widget=_native(widgets.DateWidget),
    )
    overdue = fields.Field(column_name="Decision overdue")
    band = fields.Field(column_name="Ends")
    recommissioning = fields.Field(column_name="Re-commissioning")

    class Meta:
        fields = (
            "reference",
            "title",
            "provider",
            "partnership",
            "owner",
            "route",
            "annual_value",
            "end_date",
            "notice",
            "lead_months",
            "decision_by",
            "overdue",
            "band",
            "recommissioning",
        )

    def dehydrate_owner(self, entry) -> str:
        owner = entry.contract.owner
        return (owner.get_full_name() or owner.username) if owner else ""

    def dehydrate_route(self, entry) -> str:
        return entry.contract.get_procurement_route_display()

    def dehydrate_overdue(self, entry) -> str:
        return "Yes" if entry.overdue else "No"

    def dehydrate_band(self, entry) -> str:
        return entry.band.label

    def dehydrate_recommissioning(self, entry) -> str:
        return "Under way" if entry.contract.has_recommissioning else "Not started"
