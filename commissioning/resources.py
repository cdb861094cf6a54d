"""Import and export of providers and contracts (django-import-export), for the admin.

Each row is validated with the model's `full_clean()` (`clean_model_instances`), and an import
is all or nothing (`use_transactions`): a bad row saves no row and the admin shows why.
"""

from django.db import transaction
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from commissioning.models import Contract, Provider, Service
from governance.models import Organisation


class _RollBack(Exception):
    def __init__(self, result):
        self.result = result


class AllOrNothingResource(resources.ModelResource):
    """An import that keeps no row when any row is invalid, not only when one raises."""

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
    class Meta:
        model = Provider
        import_id_fields = ("name",)
        fields = (
            "name",
            "kind",
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
            "lead_organisation",
            "co_commissioners",
            "annual_value",
            "total_value",
            "start_date",
            "initial_end_date",
            "end_date",
            "status",
            "safeguarding_clause",
            "social_value_clause",
        )
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
