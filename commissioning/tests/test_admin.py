"""The admin of providers and contracts: lists, import, export and the bulk action."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.models import Contract, ProcurementLeadTime, Provider
from commissioning.resources import ContractResource, ProviderResource
from commissioning.tests.factories import (
    ContractFactory,
    ContractReviewFactory,
    ContributionFactory,
    KpiFactory,
    PerformanceAssessmentFactory,
    ProviderFactory,
)

pytestmark = pytest.mark.django_db

PROVIDER_HEADERS = ["name", "kind", "charity_number", "ods_code", "safeguarding_checked_on"]


def _providers_csv(rows: int, **overrides) -> str:
    lines = [",".join(PROVIDER_HEADERS)]
    for n in range(rows):
        row = {
            "name": f"Halton Youth Project {n}",
            "kind": "vcfs",
            "charity_number": str(1150000 + n),
            "ods_code": "",
            "safeguarding_checked_on": "2026-09-01",
        }
        row.update(overrides)
        lines.append(",".join(row[h] for h in PROVIDER_HEADERS))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:commissioning_provider_changelist",
        "admin:commissioning_contract_changelist",
        "admin:commissioning_service_changelist",
        "admin:commissioning_commissioningactivity_changelist",
        "admin:commissioning_provider_add",
        "admin:commissioning_contract_add",
        "admin:commissioning_provider_import",
        "admin:commissioning_contract_export",
        "admin:commissioning_fundingagreement_changelist",
        "admin:commissioning_fundingagreement_add",
        "admin:commissioning_keyperformanceindicator_changelist",
        "admin:commissioning_procurementleadtime_changelist",
    ],
)
def test_admin_pages_load_for_administrators(administrator_client, url_name):
    contract = ContractFactory(title="Advocacy for children in care")
    ContractReviewFactory(contract=contract)
    response = administrator_client.get(reverse(url_name))
    assert response.status_code == 200


def test_provider_page_lists_its_contracts_inline(administrator_client):
    contract = ContractFactory(title="Advocacy for children in care")
    response = administrator_client.get(
        reverse("admin:commissioning_provider_change", args=[contract.provider.pk])
    )
    assert "Advocacy for children in care" in response.content.decode()


def test_import_of_ten_providers_from_csv_saves_ten():
    dataset = tablib.Dataset().load(_providers_csv(10), format="csv")
    result = ProviderResource().import_data(dataset, dry_run=False, raise_errors=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Provider.objects.filter(name__startswith="Halton Youth Project").count() == 10


def test_import_with_one_bad_row_saves_nothing():
    csv = _providers_csv(3) + "Bad Provider,not-a-kind,,,2026-09-01\n"
    dataset = tablib.Dataset().load(csv, format="csv")
    result = ProviderResource().import_data(dataset, dry_run=False, raise_errors=False)
    assert result.has_validation_errors()
    assert not Provider.objects.exists()


def test_contract_import_refuses_end_before_start():
    contract = ContractFactory(reference="KEEP-1")
    exported = ContractResource().export()
    exported.append(
        [
            "NEW-1" if h == "reference" else "2020-01-01" if h == "end_date" else value
            for h, value in zip(exported.headers, exported[0], strict=True)
        ]
    )
    result = ContractResource().import_data(exported, dry_run=False, raise_errors=False)
    assert result.has_validation_errors()
    errors = str(result.invalid_rows[0].error_dict)
    assert "cannot be before the start date" in errors
    assert list(Contract.objects.values_list("reference", flat=True)) == [contract.reference]


def test_bulk_action_marks_contracts_decommissioned(administrator_client):
    first, second = ContractFactory(), ContractFactory()
    response = administrator_client.post(
        reverse("admin:commissioning_contract_changelist"),
        {"action": "mark_decommissioned", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 contracts marked decommissioned." in response.content.decode()
    assert set(Contract.objects.values_list("status", flat=True)) == {"decommissioned"}


def test_board_member_cannot_open_the_admin(board_member_client):
    ProviderFactory()
    response = board_member_client.get(reverse("admin:commissioning_provider_changelist"))
    assert response.status_code == 302


def test_import_of_ten_providers_from_xlsx_saves_ten():
    dataset = tablib.Dataset().load(_providers_csv(10), format="csv")
    workbook = dataset.export("xlsx")
    result = ProviderResource().import_data(
        tablib.Dataset().load(workbook, format="xlsx"), dry_run=False, raise_errors=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert Provider.objects.count() == 10


def _contract_post(contract_like, **overrides):
    data = {
        "reference": "HBC-NEW-1",
        "title": "Domestic abuse service",
        "service": contract_like.service.pk,
        "provider": contract_like.provider.pk,
        "activity": "",
        "status": "live",
        "form": "block",
        "procurement_route": "open",
        "lead_organisation": contract_like.lead_organisation.pk,
        "annual_value": "150000",
        "total_value": "450000",
        "start_date": "2026-04-01",
        "end_date": "2029-03-31",
        "initial_end_date": "2029-03-31",
        "notice_period_months": "3",
        "safeguarding_clause": "on",
        "extension_options-TOTAL_FORMS": "0",
        "extension_options-INITIAL_FORMS": "0",
        "extension_options-MIN_NUM_FORMS": "0",
        "extension_options-MAX_NUM_FORMS": "1000",
        "variations-TOTAL_FORMS": "0",
        "variations-INITIAL_FORMS": "0",
        "variations-MIN_NUM_FORMS": "0",
        "variations-MAX_NUM_FORMS": "1000",
        "reviews-TOTAL_FORMS": "0",
        "reviews-INITIAL_FORMS": "0",
        "reviews-MIN_NUM_FORMS": "0",
        "reviews-MAX_NUM_FORMS": "1000",
    }
    for inline in ("reviews", "contributions", "kpis", "assessments"):
        data.update(
            {
                f"{inline}-TOTAL_FORMS": "0",
                f"{inline}-INITIAL_FORMS": "0",
                f"{inline}-MIN_NUM_FORMS": "0",
                f"{inline}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def test_administrator_adds_a_provider_and_a_contract(administrator_client):
    response = administrator_client.post(
        reverse("admin:commissioning_provider_add"),
        {
            "name": "Halton Domestic Abuse Partnership",
            "kind": "vcfs",
            "is_active": "on",
            "contracts-TOTAL_FORMS": "0",
            "contracts-INITIAL_FORMS": "0",
            "contracts-MIN_NUM_FORMS": "0",
            "contracts-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    provider = Provider.objects.get(name="Halton Domestic Abuse Partnership")
    existing = ContractFactory()
    response = administrator_client.post(
        reverse("admin:commissioning_contract_add"),
        _contract_post(existing, provider=provider.pk),
    )
    assert response.status_code == 302
    assert Contract.objects.get(reference="HBC-NEW-1").provider == provider


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2026-01-01"}, "cannot be before the start date"),
        ({"annual_value": "-1"}, "The annual value cannot be negative."),
        ({"initial_end_date": "2026-01-01"}, "The initial term cannot end"),
        ({"reference": "TAKEN-1"}, "Contract with this Reference already exists."),
    ],
)
def test_admin_explains_bad_contracts_and_saves_nothing(administrator_client, overrides, message):
    existing = ContractFactory(reference="TAKEN-1")
    response = administrator_client.post(
        reverse("admin:commissioning_contract_add"), _contract_post(existing, **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Contract.objects.count() == 1


def test_administrator_imports_ten_providers_through_the_admin(administrator_client):
    preview = administrator_client.post(
        reverse("admin:commissioning_provider_import"),
        {
            "resource": "0",
            "format": "1",  # CSV, after XLSX
            "import_file": SimpleUploadedFile(
                "providers.csv", _providers_csv(10).encode(), "text/csv"
            ),
        },
    )
    assert not Provider.objects.exists()  # the preview saves nothing until confirmed
    confirm = preview.context["confirm_form"]
    response = administrator_client.post(
        reverse("admin:commissioning_provider_process_import"),
        {name: confirm.initial[name] for name in confirm.fields},
        follow=True,
    )
    assert response.status_code == 200
    assert Provider.objects.count() == 10
    assert "10 new" in response.content.decode()


def test_contract_admin_shows_its_shares_kpis_and_assessments(administrator_client):
    contract = ContractFactory()
    ContributionFactory(contract=contract, annual_amount="45500")
    KpiFactory(contract=contract, name="New birth visits within 14 days")
    PerformanceAssessmentFactory(contract=contract, summary="Visits on target this year.")
    url = reverse("admin:commissioning_contract_change", args=[contract.pk])
    page = administrator_client.get(url).content.decode()
    assert "45500" in page
    assert "New birth visits within 14 days" in page
    assert "Visits on target this year." in page


def test_administrator_changes_a_lead_time_in_the_list(administrator_client):
    rows = list(ProcurementLeadTime.objects.order_by("route"))
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for n, row in enumerate(rows):
        data[f"form-{n}-id"] = str(row.pk)
        data[f"form-{n}-months"] = "7" if row.route == "framework" else str(row.months)
    url = reverse("admin:commissioning_procurementleadtime_changelist")
    assert administrator_client.post(url, data).status_code == 302
    assert ProcurementLeadTime.objects.get(route="framework").months == 7
