"""The public contracts register and its CSV download: the Transparency Code's fields and
nothing private, for the period asked, with a constant number of queries."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning import transparency
from commissioning.models import Contract
from commissioning.tests.factories import (
    ContractFactory,
    ContractReviewFactory,
    ProviderFactory,
    ServiceFactory,
)
from commissioning.transparency import Quarter
from core.public import refresh_public_pages
from core.tests.factories import CommissionerFactory, PartnershipFactory, default_partnership

pytestmark = [pytest.mark.django_db, pytest.mark.uses_cache]

# Every field the register and the file may carry: the Code's, and no other.
ALLOWED_FIELDS = [
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


def in_force_today(**fields) -> Contract:
    return ContractFactory(**fields)


@pytest.fixture
def private_contract(today):
    """A contract whose private details are all filled in, with words to look for."""
    owner = CommissionerFactory(first_name="Ottoline", last_name="Privatemanager")
    provider = ProviderFactory(
        name="Riverside Young Carers Project",
        contact_name="Cedric Contactname",
        contact_email="cedric@riverside.example",
        contact_phone="07700 900123",
        address="12 Bridge Street, Widnes",
    )
    contract = in_force_today(
        reference="HBC-CYP-0101",
        title="Young carers support service",
        provider=provider,
        owner=owner,
        department="Children's Services Commissioning",
    )
    ContractReviewFactory(contract=contract, outcomes_achieved="Secretreview outcomes noted.")
    ContractFactory(reference="HBC-PIPE-9", title="Pipelinesecret", status="pipeline")
    return contract


def field_labels(page: str) -> list[str]:
    return re.findall(r"<dt>([^<]*)</dt>", page)


def test_the_register_shows_the_codes_fields_and_nothing_private(client, private_contract):
    page = client.get(reverse("public:contracts", args=["halton"])).content.decode()
    assert "Young carers support service" in page
    assert "Children&#x27;s Services Commissioning" in page
    assert "12 Bridge Street, Widnes" in page
    labels = field_labels(page)
    assert labels == ALLOWED_FIELDS  # one contract: each field once, the Code's alone
    for private in (
        "Ottoline",
        "Privatemanager",
        "Cedric",
        "cedric@riverside.example",
        "07700",
        "Secretreview",
        "Pipelinesecret",
        "HBC-PIPE-9",
    ):
        assert private not in page


def test_the_csv_carries_the_codes_fields_and_nothing_private(client, private_contract):
    response = client.get(reverse("public:contracts_csv", args=["halton"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="halton-contracts-')
    text = response.content.decode("utf-8")
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header == ALLOWED_FIELDS
    assert [row[0] for row in rows] == ["HBC-CYP-0101"]
    for private in ("Ottoline", "Cedric", "cedric@", "07700", "Secretreview", "Pipelinesecret"):
        assert private not in text


def test_the_code_fields_are_the_allowed_list():
    assert list(transparency.CODE_FIELDS) == ALLOWED_FIELDS


def test_the_register_shows_values_as_people_read_them(client):
    in_force_today(
        annual_value=Decimal("85000"), total_value=Decimal("255000.5"), non_recoverable_vat=None
    )
    page = client.get(reverse("public:contracts", args=["halton"])).content.decode()
    assert "£255,000.50" in page
    assert "£85,000.00" in page
    assert "Not given" in page


def test_the_register_shows_contracts_in_force_today_by_default(client, today):
    in_force_today(reference="HBC-NOW")
    ContractFactory(
        reference="HBC-ENDED",
        start_date=today - datetime.timedelta(days=400),
        end_date=today - datetime.timedelta(days=1),
        initial_end_date=today - datetime.timedelta(days=1),
    )
    page = client.get(reverse("public:contracts", args=["halton"])).content.decode()
    assert "HBC-NOW" in page
    assert "HBC-ENDED" not in page
    assert f"in force on {today:%-d %B %Y}" in page


def test_a_past_quarter_shows_the_contracts_in_force_then(client, today):
    last = Quarter.of(today).previous()
    ContractFactory(
        reference="HBC-ENDED",
        start_date=last.start_date - datetime.timedelta(days=400),
        end_date=last.end_date,
        initial_end_date=last.end_date,
    )
    url = reverse("public:contracts", args=["halton"])
    page = client.get(url, {"quarter": last.code}).content.decode()
    assert "HBC-ENDED" in page
    assert last.months in page
    csv_text = client.get(
        reverse("public:contracts_csv", args=["halton"]), {"quarter": last.code}
    ).content.decode()
    assert "HBC-ENDED" in csv_text
    from_to = client.get(
        reverse("public:contracts_csv", args=["halton"]),
        {"from": last.start_date.isoformat(), "to": last.end_date.isoformat()},
    ).content.decode()
    assert from_to == csv_text


def test_the_register_offers_this_and_past_quarters_as_files(client, today):
    default_partnership()
    page = client.get(reverse("public:contracts", args=["halton"])).content.decode()
    current = Quarter.of(today)
    csv_url = reverse("public:contracts_csv", args=["halton"])
    assert f"{csv_url}?quarter={current.code}" in page
    assert f"{csv_url}?quarter={current.previous().code}" in page
    assert current.months in page


@pytest.mark.parametrize(
    "query",
    [
        {"quarter": "2026-Q3"},
        {"quarter": "x" * 500},
        {"from": "2026-07-01"},
        {"from": "2026-07-01", "to": "yesterday"},
        {"from": "2026-09-30", "to": "2026-07-01"},
        {"quarter": "2026-27-Q2", "from": "2026-07-01", "to": "2026-09-30"},
    ],
)
@pytest.mark.parametrize("name", ["public:contracts", "public:contracts_csv"])
def test_a_period_not_understood_answers_400_saying_why(client, name, query):
    default_partnership()
    response = client.get(reverse(name, args=["halton"]), query)
    assert response.status_code == 400
    page = response.content.decode()
    assert "That period was not understood" in page
    assert any(word in page for word in ("e.g.", "YYYY-MM-DD", "not both", "after it ends"))


def test_an_unknown_partnership_has_no_register(client):
    assert client.get(reverse("public:contracts", args=["nowhere"])).status_code == 404
    assert client.get(reverse("public:contracts_csv", args=["nowhere"])).status_code == 404


def test_a_shared_contract_is_only_on_its_leads_register(client):
    halton = default_partnership()
    cheshire = PartnershipFactory(short_name="West Cheshire")
    shared = in_force_today(reference="HBC-SHARED", partnership=halton)
    shared.shared_with.add(cheshire)
    page = client.get(reverse("public:contracts", args=["west-cheshire"])).content.decode()
    assert "HBC-SHARED" not in page
    assert "HBC-SHARED" in client.get(reverse("public:contracts", args=["halton"])).content.decode()


def test_the_register_pages_by_fifty_keeping_the_quarter(client, today):
    service = ServiceFactory()
    for number in range(51):
        in_force_today(reference=f"HBC-{number:03d}", service=service)
    quarter = Quarter.of(today)
    url = reverse("public:contracts", args=["halton"])
    first = client.get(url, {"quarter": quarter.code}).content.decode()
    assert "HBC-049" in first and "HBC-050" not in first
    assert f"?quarter={quarter.code}&amp;page=2" in first
    second = client.get(url, {"quarter": quarter.code, "page": "2"}).content.decode()
    assert "HBC-050" in second and "HBC-049" not in second
    assert client.get(url, {"page": "nonsense"}).status_code == 200
    assert client.get(url, {"quarter": ""}).status_code == 200  # "In force today"


def test_the_register_changes_when_a_contract_does(client):
    contract = in_force_today(title="Young carers support service")
    url = reverse("public:contracts", args=["halton"])
    assert "Young carers support service" in client.get(url).content.decode()
    contract.title = "Young carers and families service"
    contract.save()
    assert "Young carers and families service" in client.get(url).content.decode()


@pytest.mark.parametrize("name", ["public:contracts", "public:contracts_csv"])
def test_the_register_and_file_take_the_same_queries_for_ten_times_the_contracts(
    client, django_assert_max_num_queries, name
):
    url = reverse(name, args=["halton"])
    service = ServiceFactory()
    in_force_today(service=service)
    with django_assert_max_num_queries(3):
        client.get(url)
    for _ in range(10):
        in_force_today(service=service, provider=ProviderFactory())
    refresh_public_pages()
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert response.content.decode().count("HBC-CYP-") >= 11
