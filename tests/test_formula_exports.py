"""Every download that carries what users typed: a text that a spreadsheet would run as a formula
is written as text, and a number stays a number."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import tablib
from django.contrib import admin
from django.urls import reverse
from icalendar import Calendar
from import_export.admin import ExportMixin
from openpyxl import load_workbook

from commissioning.models import Provider
from commissioning.resources import ContractResource, ProviderResource
from commissioning.tests.factories import ContractFactory, ProviderFactory
from core.formulas import FormulaSafeResourceMixin, formula_safe, formula_unescaped
from core.tests.helpers import form_data
from governance.tests.factories import MeetingFactory
from priorities.exports import actions_to_csv, actions_to_xlsx
from priorities.tests.factories import ActionFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db

# What a spreadsheet program runs, each as a whole cell.
DANGEROUS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def _xlsx_cells(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def _xlsx_types(content: bytes) -> set[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    return {cell.data_type for row in sheet.iter_rows() for cell in row}


def _as_read_back(text: str) -> str:
    """A text as openpyxl reads it back: XML turns a carriage return into a line feed."""
    return text.replace("\r", "\n")


def _csv_rows(content: str | bytes) -> list[dict[str, str]]:
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_safe_writes_text_and_keeps_numbers(text):
    assert formula_safe(text) == f"'{text}"
    assert formula_unescaped(formula_safe(text)) == text
    assert formula_safe(-500) == -500
    assert formula_safe(Decimal("-12.50")) == Decimal("-12.50")
    assert formula_safe("Plain - words") == "Plain - words"


@pytest.mark.parametrize("text", DANGEROUS)
def test_the_action_plan_exports_escape_formulas(text):
    action = ActionFactory(title=text, description=text)
    action.latest_percent = -5  # not a value a save allows: proves numbers are not escaped
    csv_row = _csv_rows(actions_to_csv([action]))[0]
    assert csv_row["Title"] == f"'{text}"
    assert csv_row["Description"] == f"'{text}"
    assert csv_row["Percent complete"] == "-5"
    content = actions_to_xlsx([action])
    header, row = _xlsx_cells(content)
    cells = dict(zip(header, row, strict=True))
    assert cells["Title"] == _as_read_back(f"'{text}")
    assert cells["Percent complete"] == -5
    assert "f" not in _xlsx_types(content)  # no cell is a formula


def test_the_action_plan_download_pages_escape_formulas(board_member_client):
    area = PriorityAreaFactory()
    ActionFactory(priority_area=area, title=DANGEROUS[0])
    for name in ("priorities:priority_area_export_csv", "priorities:priority_area_export_xlsx"):
        response = board_member_client.get(reverse(name, args=[area.pk]))
        if name.endswith("csv"):
            assert _csv_rows(response.content)[0]["Title"] == f"'{DANGEROUS[0]}"
        else:
            assert "f" not in _xlsx_types(response.content)
    response = board_member_client.get(reverse("priorities:action_list_export_csv"))
    assert _csv_rows(response.content)[0]["Title"] == f"'{DANGEROUS[0]}"


@pytest.mark.parametrize("text", DANGEROUS)
def test_the_pipeline_export_escapes_formulas(board_member_client, today, text):
    ContractFactory(
        title=text,
        provider=ProviderFactory(name=f"{text} provider"),
        end_date=today + datetime.timedelta(days=100),
        annual_value=Decimal("64500"),
    )
    response = board_member_client.get(reverse("commissioning:pipeline_export_csv"))
    row = _csv_rows(response.content)[0]
    assert row["Title"] == f"'{text}"
    assert row["Provider"] == f"'{text} provider"
    response = board_member_client.get(reverse("commissioning:pipeline_export_xlsx"))
    header, cells = _xlsx_cells(response.content)
    assert dict(zip(header, cells, strict=True))["Annual value (£)"] == 64500
    assert "f" not in _xlsx_types(response.content)


def _admin_export(client, model: str, fmt: str) -> bytes:
    """Export every row from the admin's export page, in the format named ("xlsx" or "csv")."""
    url = reverse(f"admin:commissioning_{model}_export")
    form = client.get(url).context["form"]
    choice = next(key for key, label in form.fields["format"].choices if label == fmt)
    response = client.post(url, form_data(form) | {"format": choice})
    assert response.status_code == 200, response.content[:500]
    return response.content


@pytest.mark.parametrize("text", DANGEROUS)
def test_the_admin_provider_export_escapes_formulas(administrator_client, text):
    """A provider named =HYPERLINK(...) was exported from the admin as a live formula."""
    ProviderFactory(name=text, contact_name=text)
    rows = _csv_rows(_admin_export(administrator_client, "provider", "csv"))
    assert [(r["name"], r["contact_name"]) for r in rows] == [(f"'{text}", f"'{text}")]
    content = _admin_export(administrator_client, "provider", "xlsx")
    header, row = _xlsx_cells(content)
    assert dict(zip(header, row, strict=True))["name"] == _as_read_back(f"'{text}")
    assert "f" not in _xlsx_types(content)


def test_the_admin_contract_export_escapes_text_and_keeps_amounts_as_numbers(
    administrator_client,
):
    """A contract's title ran as a formula in the admin's export; amounts were text."""
    ContractFactory(title=DANGEROUS[0], annual_value=Decimal("64500.00"))
    content = _admin_export(administrator_client, "contract", "xlsx")
    header, row = _xlsx_cells(content)
    cells = dict(zip(header, row, strict=True))
    assert cells["title"] == f"'{DANGEROUS[0]}"
    assert cells["annual_value"] == 64500
    assert "f" not in _xlsx_types(content)
    rows = _csv_rows(_admin_export(administrator_client, "contract", "csv"))
    assert rows[0]["title"] == f"'{DANGEROUS[0]}"
    assert rows[0]["annual_value"] == "64500.00"


def test_a_negative_number_in_a_number_column_is_not_escaped():
    contract = ContractFactory()
    contract.annual_value = Decimal("-500.00")  # refused on save: the export is what is tested
    resource = ContractResource()
    row = dict(zip(resource.get_export_headers(), resource.export_resource(contract), strict=True))
    assert row["annual_value"] == Decimal("-500.00")


def test_an_admin_export_imports_back_as_it_was():
    """The apostrophe the export adds is taken off again by the admin's import."""
    ProviderFactory(name=DANGEROUS[0], kind="vcfs")
    exported = ProviderResource().export()
    assert exported.dict[0]["name"] == f"'{DANGEROUS[0]}"
    reloaded = tablib.Dataset().load(exported.export("csv"), format="csv")
    result = ProviderResource().import_data(reloaded, dry_run=False, raise_errors=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert list(Provider.objects.values_list("name", flat=True)) == [DANGEROUS[0]]


def test_a_meetings_calendar_file_keeps_typed_text_inside_its_property(board_member_client):
    """ICS carries the location as text: line breaks typed into it cannot add a property."""
    meeting = MeetingFactory(location="=HYPERLINK(1)\r\nATTENDEE:mailto:evil@example.com")
    response = board_member_client.get(reverse("governance:meeting_ics", args=[meeting.pk]))
    body = response.content.decode()
    assert "\nATTENDEE" not in body
    event = next(c for c in Calendar.from_ical(response.content).walk("VEVENT"))
    assert str(event["location"]).startswith("=HYPERLINK(1)")


def test_every_admin_export_escapes_formulas():
    """An admin export added later without the escaping would write live formulas."""
    exporting = [a for a in admin.site._registry.values() if isinstance(a, ExportMixin)]
    assert exporting
    for model_admin in exporting:
        for resource_class in model_admin.get_export_resource_classes(None):
            assert issubclass(resource_class, FormulaSafeResourceMixin), resource_class
