"""The Transparency Code contracts: which a partnership publishes for a period, with which
fields, and the CSV file of them (commissioning/transparency.py and its command)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings

from commissioning import transparency
from commissioning.models import Contract, Provider
from commissioning.tests.factories import ContractFactory, ProviderFactory, ServiceFactory
from commissioning.transparency import Quarter
from core.tests.factories import PartnershipFactory, default_partnership
from governance.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The Local Government Transparency Code 2015's contract fields (paragraph 37), in its order.
CODE_HEADER = [
    "Reference number",
    "Title of agreement",
    "Department responsible",
    "Description of goods and services",
    "Supplier name",
    "Supplier details",
    "Sum to be paid over the length of the contract",
    "Estimated annual spend",
    "Value added tax that cannot be recovered",
    "Start date",
    "End date",
    "Review date",
    "Invitation to quote or published invitation to tender",
    "Small or medium-sized enterprise",
    "Voluntary or community sector organisation",
    "Company registration number",
    "Charity registration number",
]

Q = datetime.date


def published(partnership=None, start=None, end=None) -> list[str]:
    start = start or Q(2026, 7, 1)
    end = end or Q(2026, 9, 30)
    contracts = transparency.published_contracts(partnership or default_partnership(), start, end)
    return [contract.reference for contract in contracts]


def contract(**fields) -> Contract:
    defaults = {"start_date": Q(2025, 4, 1), "end_date": Q(2027, 3, 31)}
    return ContractFactory(**{**defaults, **fields})


def parsed(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# Which contracts are published


@pytest.mark.parametrize(
    ("annual", "total", "is_published"),
    [
        ("5000.00", "5000.00", False),
        ("5000.01", "5000.00", True),
        ("1000.00", "5000.01", True),
        ("0.00", "0.00", False),
    ],
)
def test_a_contract_is_published_when_its_annual_or_total_value_exceeds_5000(
    annual, total, is_published
):
    contract(reference="HBC-1", annual_value=Decimal(annual), total_value=Decimal(total))
    assert published() == (["HBC-1"] if is_published else [])


@override_settings(CONTRACT_PUBLICATION_THRESHOLD=500)
def test_the_threshold_is_a_setting():
    contract(reference="HBC-1", annual_value=Decimal("500.00"), total_value=Decimal("500.00"))
    contract(reference="HBC-2", annual_value=Decimal("500.01"), total_value=Decimal("500.01"))
    assert published() == ["HBC-2"]


@pytest.mark.parametrize(
    ("start", "end", "is_published"),
    [
        (Q(2026, 9, 30), Q(2027, 3, 31), True),  # starts on the period's last day
        (Q(2026, 10, 1), Q(2027, 3, 31), False),  # starts the day after
        (Q(2025, 4, 1), Q(2026, 7, 1), True),  # ends on the period's first day
        (Q(2025, 4, 1), Q(2026, 6, 30), False),  # ended the day before
        (Q(2026, 8, 1), Q(2026, 8, 31), True),  # within it
        (Q(2025, 4, 1), Q(2028, 3, 31), True),  # across it
    ],
)
def test_a_contract_is_published_for_a_period_it_is_in_force_in(start, end, is_published):
    contract(reference="HBC-1", start_date=start, end_date=end, initial_end_date=end)
    assert published() == (["HBC-1"] if is_published else [])


def test_a_pipeline_contract_is_not_published_but_an_ended_one_is_for_its_period():
    contract(reference="HBC-1", status=Contract.Status.PIPELINE)
    contract(reference="HBC-2", status=Contract.Status.EXPIRED)
    contract(reference="HBC-3", status=Contract.Status.DECOMMISSIONED)
    assert published() == ["HBC-2", "HBC-3"]


def test_a_shared_contract_is_published_only_by_its_lead_partnership():
    halton = default_partnership()
    cheshire = PartnershipFactory(short_name="West Cheshire")
    shared = contract(reference="HBC-1")
    shared.shared_with.add(cheshire)
    contract(reference="CWAC-1", partnership=cheshire, service=ServiceFactory(partnership=cheshire))
    assert published(halton) == ["HBC-1"]
    assert published(cheshire) == ["CWAC-1"]


# The fields of a published contract


def test_a_row_carries_the_codes_fields_in_its_order():
    provider = ProviderFactory(
        name="Riverside Young Carers Project",
        kind=Provider.Kind.VCFS,
        charity_number="1098765",
        company_number="04512345",
        address="12 Bridge Street\nWidnes WA8 6QB",
        is_sme=True,
    )
    row = transparency.contract_row(
        contract(
            reference="HBC-CYP-0101",
            title="Young carers support service",
            provider=provider,
            service=ServiceFactory(
                name="Support to Young Carers", description="Respite and groups for carers."
            ),
            lead_organisation=OrganisationFactory(name="Halton Borough Council"),
            department="Children's Services Commissioning",
            annual_value=Decimal("85000.00"),
            total_value=Decimal("255000.00"),
            non_recoverable_vat=Decimal("1200.50"),
            review_date=Q(2026, 11, 30),
        )
    )
    assert list(row) == CODE_HEADER
    assert row == {
        "Reference number": "HBC-CYP-0101",
        "Title of agreement": "Young carers support service",
        "Department responsible": "Children's Services Commissioning, Halton Borough Council",
        "Description of goods and services": "Support to Young Carers: Respite and groups for "
        "carers.",
        "Supplier name": "Riverside Young Carers Project",
        "Supplier details": "12 Bridge Street, Widnes WA8 6QB",
        "Sum to be paid over the length of the contract": Decimal("255000.00"),
        "Estimated annual spend": Decimal("85000.00"),
        "Value added tax that cannot be recovered": Decimal("1200.50"),
        "Start date": Q(2025, 4, 1),
        "End date": Q(2027, 3, 31),
        "Review date": Q(2026, 11, 30),
        "Invitation to quote or published invitation to tender": "Published invitation to tender",
        "Small or medium-sized enterprise": "Yes",
        "Voluntary or community sector organisation": "Yes",
        "Company registration number": "04512345",
        "Charity registration number": "1098765",
    }


def test_without_a_department_the_lead_organisation_is_responsible():
    row = transparency.contract_row(
        contract(lead_organisation=OrganisationFactory(name="NHS Halton CCG"), department="")
    )
    assert row["Department responsible"] == "NHS Halton CCG"


@pytest.mark.parametrize(
    ("route", "quotes_invited", "said"),
    [
        (Contract.Route.OPEN, False, "Published invitation to tender"),
        (Contract.Route.RESTRICTED, False, "Published invitation to tender"),
        (Contract.Route.DIRECT_AWARD, True, "Invitation to quote"),
        (Contract.Route.FRAMEWORK, True, "Invitation to quote"),
        (Contract.Route.DIRECT_AWARD, False, "Neither: direct award"),
        (Contract.Route.GRANT_PROGRAMME, False, "Neither: grant programme"),
        (Contract.Route.IN_HOUSE, False, "Neither: in-house"),
    ],
)
def test_the_route_says_whether_it_came_from_a_tender_or_quotes(route, quotes_invited, said):
    row = transparency.contract_row(
        contract(procurement_route=route, quotes_invited=quotes_invited)
    )
    assert row["Invitation to quote or published invitation to tender"] == said


def test_quotes_are_invited_only_without_a_published_tender():
    tendered = contract(procurement_route=Contract.Route.OPEN)
    tendered.quotes_invited = True
    with pytest.raises(ValidationError) as refused:
        tendered.full_clean()
    assert "Quotes are invited only for a direct award" in str(refused.value)


@pytest.mark.parametrize(
    ("kind", "is_sme", "sme", "vcse"),
    [
        (Provider.Kind.VCFS, None, "Not known", "Yes"),
        (Provider.Kind.PRIVATE, True, "Yes", "No"),
        (Provider.Kind.NHS_TRUST, False, "No", "No"),
    ],
)
def test_the_supplier_is_an_sme_or_vcse_as_its_record_says(kind, is_sme, sme, vcse):
    row = transparency.contract_row(contract(provider=ProviderFactory(kind=kind, is_sme=is_sme)))
    assert row["Small or medium-sized enterprise"] == sme
    assert row["Voluntary or community sector organisation"] == vcse


def test_supplier_details_never_carry_a_contact():
    provider = ProviderFactory(
        address="Redesmere, Liverpool Road\nChester CH2 1BQ",
        ods_code="RXA",
        contact_name="Priya Contactperson",
        contact_email="priya@example.org",
        contact_phone="01234 567890",
    )
    row = transparency.contract_row(contract(provider=provider))
    assert row["Supplier details"] == "Redesmere, Liverpool Road, Chester CH2 1BQ; NHS ODS code RXA"
    assert "Priya" not in str(row.values()) and "01234" not in str(row.values())


# The CSV file


def csv_of(contracts) -> str:
    out = io.StringIO()
    transparency.write_csv(transparency.rows(contracts), out)
    return out.getvalue()


def test_the_csv_has_the_codes_header_iso_dates_and_plain_numbers():
    contract(
        reference="HBC-1",
        annual_value=Decimal("85000"),
        total_value=Decimal("255000"),
        review_date=None,
    )
    text = csv_of(Contract.objects.all())
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == CODE_HEADER
    cells = dict(zip(header, row, strict=True))
    assert cells["Sum to be paid over the length of the contract"] == "255000.00"
    assert cells["Estimated annual spend"] == "85000.00"
    assert cells["Value added tax that cannot be recovered"] == ""
    assert cells["Start date"] == "2025-04-01"
    assert cells["End date"] == "2027-03-31"
    assert cells["Review date"] == ""


def test_no_text_cell_of_the_csv_starts_a_formula():
    contract(
        title='=HYPERLINK("http://evil.example","x")',
        provider=ProviderFactory(name="+44 Providers", company_number="-1", address="@home"),
        department="\tFinance",
    )
    (row,) = parsed(csv_of(Contract.objects.all()))
    assert row["Title of agreement"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["Supplier name"] == "'+44 Providers"
    assert row["Company registration number"] == "'-1"
    assert row["Supplier details"] == "'@home"
    assert row["Department responsible"].startswith("'\t")


# Financial-year quarters


@pytest.mark.parametrize(
    ("day", "code", "start", "end", "label"),
    [
        (Q(2026, 4, 1), "2026-27-Q1", Q(2026, 4, 1), Q(2026, 6, 30), "April to June 2026"),
        (Q(2026, 9, 30), "2026-27-Q2", Q(2026, 7, 1), Q(2026, 9, 30), "July to September 2026"),
        (Q(2026, 12, 2), "2026-27-Q3", Q(2026, 10, 1), Q(2026, 12, 31), "October to December 2026"),
        (Q(2028, 2, 29), "2027-28-Q4", Q(2028, 1, 1), Q(2028, 3, 31), "January to March 2028"),
    ],
)
def test_a_day_falls_in_a_quarter_of_its_financial_year(day, code, start, end, label):
    quarter = Quarter.of(day)
    assert (quarter.code, quarter.start_date, quarter.end_date, quarter.months) == (
        code,
        start,
        end,
        label,
    )
    assert Quarter.parse(code) == quarter


@pytest.mark.parametrize("text", ["2026-Q3", "2026-28-Q1", "2026-27-Q5", "x", "", "2026-27-Q"])
def test_a_quarter_not_written_as_financial_year_and_quarter_is_refused(text):
    with pytest.raises(ValueError, match="e.g. 2026-27-Q2"):
        Quarter.parse(text)


def test_the_recent_quarters_go_back_from_this_one_across_years():
    quarters = transparency.recent_quarters(Q(2026, 5, 1), 3)
    assert [q.code for q in quarters] == ["2026-27-Q1", "2025-26-Q4", "2025-26-Q3"]


# The command


def test_the_command_writes_the_csv_to_standard_output():
    contract(reference="HBC-1")
    out = io.StringIO()
    call_command(
        "export_transparency_csv", "--from", "2026-07-01", "--to", "2026-09-30", stdout=out
    )
    rows = parsed(out.getvalue())
    assert [row["Reference number"] for row in rows] == ["HBC-1"]
    assert out.getvalue().splitlines()[0] == ",".join(CODE_HEADER)


def test_the_command_writes_a_file_for_the_partnership_named(tmp_path):
    default_partnership()
    cheshire = PartnershipFactory(short_name="West Cheshire")
    contract(reference="HBC-1")
    contract(reference="CWAC-1", partnership=cheshire, service=ServiceFactory(partnership=cheshire))
    target = tmp_path / "contracts.csv"
    err = io.StringIO()
    call_command(
        "export_transparency_csv",
        "--from=2026-07-01",
        "--to=2026-09-30",
        "--partnership=west-cheshire",
        f"--output={target}",
        stderr=err,
    )
    rows = parsed(target.read_text(encoding="utf-8"))
    assert [row["Reference number"] for row in rows] == ["CWAC-1"]
    assert "Wrote 1 contract of West Cheshire" in err.getvalue()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from=2026-13-01", "--to=2026-09-30"], "--from '2026-13-01' is not a date"),
        (["--from=2026-07-01", "--to=30/09/2026"], "--to '30/09/2026' is not a date"),
        (["--from=2026-10-01", "--to=2026-09-30"], "is after --to"),
        (["--from=2026-07-01", "--to=2026-09-30", "--partnership=nowhere"], "No partnership"),
    ],
)
def test_the_command_explains_bad_arguments(arguments, message):
    default_partnership()
    with pytest.raises(CommandError, match=message):
        call_command("export_transparency_csv", *arguments)


def test_the_command_asks_which_of_several_partnerships():
    default_partnership()
    PartnershipFactory(short_name="West Cheshire")
    with pytest.raises(CommandError, match=r"several partnerships: .*--partnership \(halton"):
        call_command("export_transparency_csv", "--from=2026-07-01", "--to=2026-09-30")
