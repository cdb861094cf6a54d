"""OCDS release packages: valid against the 1.1.5 schema, stable identifiers, the contract's
story (planning, award, variations, KPIs) in the places OCDS gives it, one partnership's
contracts only, and the export command and downloads."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commissioning import ocds
from commissioning.models import Contract, ContractVariation
from commissioning.ocds.releases import CONTRACT_STATUSES
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    ContributionFactory,
    ExtensionOptionFactory,
    KpiFactory,
    KpiValueFactory,
    NeedsAssessmentFactory,
    OrganisationFactory,
    PerformanceAssessmentFactory,
    ProviderFactory,
    ServiceFactory,
)
from core import roles
from core.models import Partnership
from core.tests.factories import (
    BoardMemberFactory,
    PartnershipFactory,
    UserFactory,
    give_role,
)
from core.tests.sign_in import sign_in

pytestmark = pytest.mark.django_db


def _variation(contract: Contract, *, days_ago: int, **changes) -> ContractVariation:
    variation = ContractVariation(
        contract=contract,
        agreed_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        agreed_by="The Children's Trust Executive and the provider",
        reason="More young carers referred by schools than the specification foresaw.",
        previous_annual_value=contract.annual_value,
        previous_total_value=contract.total_value,
        previous_end_date=contract.end_date,
        **changes,
    )
    variation.full_clean()
    variation.save()
    return variation


@pytest.fixture
def council():
    return OrganisationFactory(name="Halton Borough Council", short_name="HBC", kind="council")


@pytest.fixture
def contract(council) -> Contract:
    """A contract let by a commissioning activity, with a charity provider, co-commissioners,
    a partner's share, two variations, KPIs with and without readings, an assessment and a
    review."""
    activity = ActivityFactory(
        title="Young carers' support review",
        description="Young carers told us they need support in school holidays.",
        budget=Decimal("180000.00"),
        specification_text="Support for young carers aged 8 to 17 and their families.",
        specification_url="https://example.org/specifications/young-carers.pdf",
    )
    NeedsAssessmentFactory(activity=activity, title="Young carers in Halton")
    provider = ProviderFactory(
        name="Halton Carers Centre",
        charity_number="1101234",
        company_number="04912345",
        address="Unit 4, Widnes Road\nWidnes\nWA8 6AP",
    )
    ccg = OrganisationFactory(name="NHS Halton CCG", short_name="HCCG", kind="ccg")
    contract = ContractFactory(
        activity=activity,
        provider=provider,
        lead_organisation=council,
        co_commissioners=[ccg],
        procurement_route=Contract.Route.RESTRICTED,
    )
    ExtensionOptionFactory(contract=contract, months=12)
    ContributionFactory(
        contract=contract,
        organisation=OrganisationFactory(name="Halton Public Health", short_name="HPH"),
    )
    _variation(contract, days_ago=200, new_annual_value=Decimal("130000.00"))
    _variation(
        contract,
        days_ago=20,
        new_end_date=contract.end_date + datetime.timedelta(days=90),
        scope_change="Adds holiday activities.",
    )
    on_target = KpiFactory(contract=contract, name="Young carers assessed within 28 days")
    KpiValueFactory(kpi=on_target, value=Decimal("95"))
    KpiValueFactory(
        kpi=on_target,
        value=Decimal("88"),
        period_end=timezone.localdate() - datetime.timedelta(days=100),
    )
    KpiFactory(contract=contract, name="Families reporting less strain", unit="families")
    PerformanceAssessmentFactory(contract=contract)
    ContractReviewFactory(contract=contract)
    return contract


def _package(contract: Contract) -> dict:
    return ocds.contract_package(
        ocds.contracts_for_release(Contract.objects.all()).get(pk=contract.pk)
    )


def _release(contract: Contract) -> dict:
    return _package(contract)["releases"][0]


def _party(release: dict, name: str) -> dict:
    return next(p for p in release["parties"] if p["name"] == name)


def test_a_full_contracts_package_validates(contract):
    package = _package(contract)

    assert ocds.package_errors(package) == []
    assert package["version"] == "1.1"
    assert package["publisher"] == {
        "name": contract.partnership.name,
        "uri": "https://jcm.example.org/",
    }
    assert (
        package["uri"] == f"https://jcm.example.org/commissioning/contracts/{contract.pk}/ocds.json"
    )


def test_an_invalid_package_is_told_field_by_field(contract):
    package = _package(contract)
    package["releases"][0]["contracts"][0]["status"] = "live"
    del package["publisher"]

    errors = ocds.package_errors(package)

    assert "(package): 'publisher' is a required property" in errors
    assert any(e.startswith("releases/0/contracts/0/status: 'live' is not one of") for e in errors)


def test_the_release_tells_the_contracting_process(contract, council):
    release = _release(contract)

    assert release["ocid"] == f"ocds-jcm000-{contract.pk}"
    assert release["initiationType"] == "tender"
    assert release["language"] == "en"
    assert release["tag"] == ["award", "contract", "contractAmendment", "implementation"]
    assert release["buyer"] == {"id": f"organisation-{council.pk}", "name": council.name}
    planning = release["planning"]
    assert planning["rationale"].startswith("Young carers' support review.")
    assert planning["budget"]["amount"] == {"amount": 180000.0, "currency": "GBP"}
    assert [d["title"] for d in planning["documents"]] == ["Young carers in Halton"]
    assert planning["documents"][0]["documentType"] == "needsAssessment"
    tender = release["tender"]
    assert tender["procurementMethod"] == "selective"
    assert tender["procurementMethodDetails"] == "Restricted tender; block contract."
    assert tender["procuringEntity"] == release["buyer"]
    assert tender["documents"][0]["url"] == "https://example.org/specifications/young-carers.pdf"
    (award,) = release["awards"]
    assert award["suppliers"] == [{"id": "GB-COH-04912345", "name": "Halton Carers Centre"}]
    assert award["value"] == {"amount": 360000.0, "currency": "GBP"}
    (delivered,) = release["contracts"]
    assert delivered["awardID"] == award["id"]
    assert delivered["status"] == "active"
    assert delivered["period"]["startDate"] == f"{contract.start_date.isoformat()}T00:00:00Z"
    assert delivered["period"]["endDate"] == f"{contract.end_date.isoformat()}T00:00:00Z"
    assert delivered["period"]["maxExtentDate"] > delivered["period"]["endDate"]


def test_parties_have_their_roles_and_register_numbers(contract, council):
    release = _release(contract)

    assert _party(release, council.name)["roles"] == ["buyer", "procuringEntity"]
    assert _party(release, "NHS Halton CCG")["roles"] == ["funder"]
    assert _party(release, "Halton Public Health")["roles"] == ["funder"]
    provider = _party(release, "Halton Carers Centre")
    assert provider["roles"] == ["supplier"]
    assert provider["identifier"] == {
        "scheme": "GB-COH",
        "id": "04912345",
        "legalName": "Halton Carers Centre",
    }
    assert provider["additionalIdentifiers"] == [
        {"scheme": "GB-CHC", "id": "1101234", "legalName": "Halton Carers Centre"}
    ]
    assert provider["address"] == {"streetAddress": "Unit 4, Widnes Road, Widnes, WA8 6AP"}
    assert "contactPoint" not in provider


def test_a_charity_without_a_company_is_identified_by_its_charity_number(contract):
    Contract.objects.filter(pk=contract.pk).update(
        provider=ProviderFactory(name="Halton Young Carers", charity_number="1107777")
    )

    provider = _party(_release(contract), "Halton Young Carers")

    assert provider["id"] == "GB-CHC-1107777"
    assert provider["identifier"]["scheme"] == "GB-CHC"
    assert "additionalIdentifiers" not in provider


def test_a_lead_organisation_that_also_pays_a_share_is_buyer_and_funder(contract, council):
    ContributionFactory(contract=contract, organisation=council)

    assert _party(_release(contract), council.name)["roles"] == [
        "buyer",
        "procuringEntity",
        "funder",
    ]


def test_amendments_match_the_variations(contract):
    amendments = _release(contract)["contracts"][0]["amendments"]
    variations = contract.variations.order_by("agreed_on")

    assert [a["id"] for a in amendments] == [f"variation-{v.pk}" for v in variations]
    assert [a["date"][:10] for a in amendments] == [v.agreed_on.isoformat() for v in variations]
    assert all(a["rationale"] == variations[0].reason for a in amendments)
    assert "annual value £120,000.00 → £130,000.00" in amendments[0]["description"]
    assert amendments[1]["description"].endswith("Adds holiday activities.")


def test_kpis_assessments_and_reviews_are_implementation_milestones(contract):
    milestones = _release(contract)["contracts"][0]["implementation"]["milestones"]
    by_title = {m["title"]: m for m in milestones}
    kpi = contract.kpis.get(name="Young carers assessed within 28 days")
    readings = [m for m in milestones if m.get("code") == f"kpi-{kpi.pk}"]

    assert [m["status"] for m in readings] == ["notMet", "met"]  # oldest period first
    assert readings[1]["description"].startswith("95%, on target. Target 92% (higher is better)")
    assert "dateMet" not in readings[0]
    unread = by_title["Families reporting less strain"]
    assert (unread["type"], unread["status"]) == ("reporting", "scheduled")
    assessment = by_title["Contract performance assessment: Good"]
    assert (assessment["type"], assessment["status"]) == ("assessment", "met")
    review = by_title["Contract review: performance Green, value for money good"]
    assert "Decision on" in review["description"]


def test_ocids_and_release_ids_are_stable(contract):
    first, second = _release(contract), _release(contract)

    assert first["ocid"] == second["ocid"]
    assert first["id"] == second["id"]
    assert first == second


def test_editing_the_title_keeps_the_ocid_and_makes_a_new_release(contract):
    before = _release(contract)
    contract.title = "Young carers' holiday and term-time support"
    contract.save()

    after = _release(contract)

    assert after["ocid"] == before["ocid"]
    assert after["id"] != before["id"]
    assert after["tender"]["title"] == "Young carers' holiday and term-time support"
    assert after["date"] >= before["date"]


def test_a_pipeline_contract_is_planned_and_pending():
    contract = ContractFactory(status=Contract.Status.PIPELINE)

    release = _release(contract)

    assert release["tag"] == ["planning", "tender"]
    assert release["tender"]["status"] == "planned"
    assert release["awards"][0]["status"] == "pending"
    assert release["contracts"][0]["status"] == "pending"
    assert "planning" not in release  # no activity let it
    assert ocds.package_errors(_package(contract)) == []


@pytest.mark.parametrize("status", [Contract.Status.EXPIRED, Contract.Status.DECOMMISSIONED])
def test_an_ended_contract_is_terminated(status):
    contract = ContractFactory(status=status)

    release = _release(contract)

    assert release["contracts"][0]["status"] == "terminated"
    assert release["tag"][-1] == "contractTermination"


@pytest.mark.parametrize(
    ("route", "method"),
    [
        (Contract.Route.OPEN, "open"),
        (Contract.Route.RESTRICTED, "selective"),
        (Contract.Route.FRAMEWORK, "selective"),
        (Contract.Route.GRANT_PROGRAMME, "open"),
        (Contract.Route.DIRECT_AWARD, "direct"),
        (Contract.Route.IN_HOUSE, "direct"),
    ],
)
def test_each_route_has_a_procurement_method(route, method):
    contract = ContractFactory(procurement_route=route)

    assert _release(contract)["tender"]["procurementMethod"] == method


# The partnership's package


@pytest.fixture
def west():
    return PartnershipFactory(short_name="West Cheshire")


def _west_contract(west, **kwargs) -> Contract:
    return ContractFactory(
        service=ServiceFactory(partnership=west),
        provider=ProviderFactory(name="West Cheshire Advocacy"),
        **kwargs,
    )


def test_a_partnership_publishes_the_contracts_it_leads_only(contract, west):
    halton = contract.partnership
    _west_contract(west, title="Cheshire West advocacy")
    shared_in = _west_contract(west, reference="CWAC-SHARED-1")
    shared_in.shared_with.add(halton)

    package = ocds.partnership_package(halton)
    text = json.dumps(package)

    assert ocds.package_errors(package) == []
    assert [r["ocid"] for r in package["releases"]] == [ocds.ocid(contract)]
    assert package["publisher"]["name"] == halton.name
    assert package["uri"].endswith("/commissioning/contracts/ocds.json?partnership=halton")
    for other in ("Cheshire West advocacy", "West Cheshire Advocacy", "CWAC-SHARED-1", west.name):
        assert other not in text


def test_the_published_date_is_the_last_change_of_what_the_package_holds(contract):
    ContractFactory()

    package = ocds.partnership_package(contract.partnership)

    assert package["publishedDate"] == max(r["date"] for r in package["releases"])


def test_the_partnership_export_takes_the_same_queries_for_ten_times_the_contracts(
    contract, django_assert_max_num_queries
):
    partnership = contract.partnership
    with django_assert_max_num_queries(30) as once:
        ocds.partnership_package(partnership)
    for _ in range(9):
        more = ContractFactory(activity=ActivityFactory(), co_commissioners=[OrganisationFactory()])
        NeedsAssessmentFactory(activity=more.activity)
        KpiValueFactory(kpi=KpiFactory(contract=more))
        _variation(more, days_ago=10, new_total_value=Decimal("400000.00"))
        PerformanceAssessmentFactory(contract=more)
        ContractReviewFactory(contract=more)

    with django_assert_max_num_queries(len(once)) as tenfold:
        package = ocds.partnership_package(partnership)

    assert len(package["releases"]) == 10
    assert len(tenfold) == len(once)


def test_each_demo_partnerships_package_validates(demo):
    for partnership in Partnership.objects.filter(contracts__isnull=False).distinct():
        package = ocds.partnership_package(partnership)

        assert ocds.package_errors(package) == [], partnership.slug
        assert len(package["releases"]) == partnership.contracts.count()
        assert len({r["ocid"] for r in package["releases"]}) == len(package["releases"])


# The command


def test_the_command_writes_the_package_to_stdout(contract, capsys):
    call_command("export_ocds")

    package = json.loads(capsys.readouterr().out)
    assert [r["ocid"] for r in package["releases"]] == [ocds.ocid(contract)]


def test_the_command_writes_the_package_to_a_file(contract, tmp_path, capsys):
    path = tmp_path / "halton.json"

    call_command("export_ocds", "--partnership", "halton", "--output", str(path))

    package = json.loads(path.read_text(encoding="utf-8"))
    assert ocds.package_errors(package) == []
    assert package["releases"][0]["ocid"] == ocds.ocid(contract)
    assert "Wrote 1 release of Halton Children's Trust" in capsys.readouterr().err


def test_the_command_asks_which_partnership_when_there_are_several(contract, west):
    with pytest.raises(CommandError, match="one of halton, west-cheshire"):
        call_command("export_ocds")


def test_the_command_lists_the_slugs_for_an_unknown_one(contract, west):
    with pytest.raises(CommandError, match="No partnership has the slug “wirral”.*halton, west"):
        call_command("export_ocds", "--partnership", "wirral")


def test_the_command_refuses_a_partnership_without_contracts(contract, west):
    with pytest.raises(CommandError, match="leads no contracts"):
        call_command("export_ocds", "--partnership", "west-cheshire")


def test_the_command_writes_nothing_when_the_package_is_invalid(contract, tmp_path, monkeypatch):
    """A package that fails the schema is refused with the errors, and no file is left."""
    monkeypatch.setitem(CONTRACT_STATUSES, Contract.Status.LIVE, "live")
    path = tmp_path / "out.json"

    with pytest.raises(CommandError, match="releases/0/contracts/0/status: 'live' is not one"):
        call_command("export_ocds", "--output", str(path))
    assert not path.exists()


# The downloads


def _signed_in(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def board_client():
    return _signed_in(BoardMemberFactory())


def test_a_board_member_downloads_a_contracts_package(contract, board_client):
    response = board_client.get(reverse("commissioning:contract_ocds", args=[contract.pk]))

    assert response["Content-Type"] == "application/json"
    assert f'filename="ocds-{ocds.ocid(contract)}.json"' in response["Content-Disposition"]
    package = json.loads(response.content)
    assert ocds.package_errors(package) == []
    assert package["releases"][0]["ocid"] == ocds.ocid(contract)


def test_the_register_downloads_the_partnerships_package(contract, board_client):
    response = board_client.get(reverse("commissioning:contracts_ocds"))

    assert response["Content-Type"] == "application/json"
    assert 'filename="ocds-halton.json"' in response["Content-Disposition"]
    assert [r["ocid"] for r in json.loads(response.content)["releases"]] == [ocds.ocid(contract)]


def test_the_pages_offer_the_downloads(contract, board_client):
    detail = board_client.get(contract.get_absolute_url()).content.decode()
    register = board_client.get(reverse("commissioning:contract_list")).content.decode()

    assert reverse("commissioning:contract_ocds", args=[contract.pk]) in detail
    assert "OCDS (JSON)" in detail
    assert reverse("commissioning:contracts_ocds") in register
    assert "OCDS (JSON)" in register


def test_another_partnerships_contract_is_not_found(west, board_client):
    theirs = _west_contract(west)

    response = board_client.get(reverse("commissioning:contract_ocds", args=[theirs.pk]))

    assert response.status_code == 404


def test_a_partnership_without_contracts_is_told_there_is_nothing_to_publish(west):
    client = _signed_in(give_role(UserFactory(), roles.BOARD_MEMBER, west))

    response = client.get(reverse("commissioning:contracts_ocds"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("commissioning:contract_list")
    assert "leads no contracts yet" in response.content.decode()
