"""Pooled and aligned budgets: partners' shares of contracts and activities, whether they add up,
totals by partner, the partnership's commitments by financial year, and who may change them."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from commissioning import selectors, services
from commissioning.models import Contract, Contribution
from commissioning.selectors import FinancialYear, share_in_year
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    FundingAgreementFactory,
    OrganisationFactory,
    PriorityAreaFactory,
    ProviderFactory,
    ServiceFactory,
)
from core.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

POOLED = Contribution.Arrangement.POOLED
ALIGNED = Contribution.Arrangement.ALIGNED


@pytest.fixture
def council():
    return OrganisationFactory(name="Halton Borough Council", short_name="HBC")


@pytest.fixture
def ccg():
    return OrganisationFactory(name="NHS Halton Clinical Commissioning Group", short_name="CCG")


@pytest.fixture
def led_contract(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    return ContractFactory(
        reference="HBC-SEND-0201", annual_value=Decimal("410000"), priority_area=area
    )


def _share_data(organisation, amount="100000", arrangement=ALIGNED, agreement=None, **extra):
    return {
        "organisation": organisation.pk,
        "annual_amount": amount,
        "arrangement": arrangement,
        "agreement": agreement.pk if agreement else "",
        "note": "",
        **extra,
    }


# Shares that do not add up are shown


def test_register_and_contract_page_show_shares_that_do_not_add_up(
    board_member_client, council, ccg
):
    short = ContractFactory(reference="HBC-SEND-0201", annual_value=Decimal("410000"))
    ContributionFactory(contract=short, organisation=council, annual_amount=Decimal("300000"))
    ContributionFactory(contract=short, organisation=ccg, annual_amount=Decimal("100000"))
    whole = ContractFactory(reference="HBC-CYP-0102", annual_value=Decimal("64500"))
    ContributionFactory(contract=whole, organisation=council, annual_amount=Decimal("64500"))
    over = ContractFactory(reference="HPH-SH-0401", annual_value=Decimal("1000"))
    ContributionFactory(contract=over, organisation=ccg, annual_amount=Decimal("1250"))
    ContractFactory(reference="HBC-EY-1101")

    register = board_member_client.get(reverse("commissioning:contract_list")).content.decode()
    assert "£10,000 not covered" in register
    assert "Shares add up" in register
    assert "Shares exceed it by £250" in register
    assert "No shares recorded" in register

    page = board_member_client.get(short.get_absolute_url()).content.decode()
    assert "£10,000 a year is not covered by any partner" in page
    assert "Add a partner's share" not in page  # board members read only
    assert (
        board_member_client.get(whole.get_absolute_url())
        .content.decode()
        .count("The shares add up to the annual value.")
        == 1
    )


def test_register_totals_by_partner_follow_the_filters(board_member_client, council, ccg):
    agreement = FundingAgreementFactory(parties=[council, ccg])
    mine = ContractFactory(reference="A-1", annual_value=Decimal("500000"))
    ContributionFactory(
        contract=mine,
        organisation=council,
        annual_amount=Decimal("300000"),
        arrangement=POOLED,
        agreement=agreement,
    )
    ContributionFactory(contract=mine, organisation=ccg, annual_amount=Decimal("150000"))
    other = ContractFactory(reference="B-1", annual_value=Decimal("90000"))
    ContributionFactory(contract=other, organisation=council, annual_amount=Decimal("90000"))

    rows = selectors.partner_totals(Contract.objects.all())
    assert [
        (r["organisation__short_name"], r["pooled"], r["aligned"], r["total"]) for r in rows
    ] == [
        ("HBC", Decimal("300000"), Decimal("90000"), Decimal("390000")),
        ("CCG", Decimal("0"), Decimal("150000"), Decimal("150000")),
    ]
    page = board_member_client.get(reverse("commissioning:contract_list"), {"q": "A-1"})
    text = page.content.decode()
    assert [row["total"] for row in page.context["partner_totals"]] == [
        Decimal("300000"),
        Decimal("150000"),
    ]
    assert "Partners' shares cover <strong>£450,000</strong>" in text
    assert "<strong>£50,000</strong> not covered" in text


def test_provider_directory_totals_by_partner_of_contracts_in_force(
    board_member_client, council, ccg
):
    provider = ProviderFactory(name="Cheshire and Wirral Partnership NHS Trust")
    live = ContractFactory(provider=provider)
    ContributionFactory(contract=live, organisation=council, annual_amount=Decimal("70000"))
    ContributionFactory(contract=live, organisation=ccg, annual_amount=Decimal("50000"))
    ended = ContractFactory(provider=provider, status=Contract.Status.EXPIRED)
    ContributionFactory(contract=ended, organisation=council, annual_amount=Decimal("999"))

    response = board_member_client.get(reverse("commissioning:provider_list"))
    page = response.content.decode()
    assert "HBC: £70,000" in page and "CCG: £50,000" in page
    assert "£999" not in page
    assert [row["total"] for row in response.context["partner_totals"]] == [
        Decimal("70000"),
        Decimal("50000"),
    ]


# The partnership's commitments by financial year


def test_financial_years_run_april_to_march():
    assert str(FinancialYear.of(datetime.date(2027, 3, 31))) == "2026/27"
    assert str(FinancialYear.of(datetime.date(2027, 4, 1))) == "2027/28"
    assert FinancialYear(2027).days == 366  # it holds 29 February 2028


def test_a_share_counts_in_the_part_of_each_year_its_contract_runs():
    year = FinancialYear(2026)
    whole = share_in_year(
        Decimal("365000"), datetime.date(2025, 1, 1), datetime.date(2030, 1, 1), year
    )
    assert whole == Decimal("365000.00")
    half = share_in_year(
        Decimal("365000"), datetime.date(2026, 10, 1), datetime.date(2030, 1, 1), year
    )
    assert half == Decimal("182000.00")  # 182 of the year's 365 days
    assert (
        share_in_year(Decimal("1"), datetime.date(2020, 1, 1), datetime.date(2021, 1, 1), year) == 0
    )


@pytest.mark.dates
def test_partners_page_shows_each_partners_commitment_per_year(
    board_member, board_member_client, today, council, ccg
):
    current = FinancialYear.of(today)
    halton = ServiceFactory()
    west = ServiceFactory(partnership=PartnershipFactory(short_name="West Cheshire"))
    running = ContractFactory(
        service=halton,
        start_date=current.start_date,
        end_date=FinancialYear(current.starts + 1).end_date,
    )
    ContributionFactory(contract=running, organisation=council, annual_amount=Decimal("120000"))
    ContributionFactory(contract=running, organisation=ccg, annual_amount=Decimal("30000"))
    gone = ContractFactory(
        service=halton,
        status=Contract.Status.DECOMMISSIONED,
        start_date=current.start_date,
        end_date=current.end_date,
    )
    ContributionFactory(contract=gone, organisation=council, annual_amount=Decimal("5555"))
    elsewhere = ContractFactory(
        service=west, start_date=current.start_date, end_date=current.end_date
    )
    ContributionFactory(contract=elsewhere, organisation=ccg, annual_amount=Decimal("7777"))
    activity = ActivityFactory()
    ContributionFactory(
        contract=None, activity=activity, organisation=council, annual_amount=Decimal("40000")
    )

    data = selectors.partner_commitments(user=board_member, today=today)
    council_row = next(p for p in data["partners"] if p.short_name == "HBC")
    by_year = {str(year): cell["total"] for year, cell in council_row.by_year.items()}
    assert by_year[str(current)] == Decimal("120000.00")
    assert by_year[str(FinancialYear(current.starts + 1))] == Decimal("120000.00")
    assert by_year[str(FinancialYear(current.starts + 2))] == Decimal("0")
    assert by_year[str(FinancialYear(current.starts - 1))] == Decimal("0")
    assert data["totals"][current]["total"] == Decimal("150000.00")

    page = board_member_client.get(reverse("commissioning:partner_commitments")).content.decode()
    assert "Halton Borough Council" in page
    assert "£120,000" in page and "£150,000" in page
    assert "£5,555" not in page and "£7,777" not in page
    assert "£40,000" in page  # the activity's share


def test_partners_page_lists_funding_agreements_and_an_empty_state(board_member_client, council):
    url = reverse("commissioning:partner_commitments")
    assert "No partner shares are recorded" in board_member_client.get(url).content.decode()
    FundingAgreementFactory(
        reference="HBC-S75-CYP-2018",
        title="Halton children and young people's pooled budget",
        parties=[council],
    )
    page = board_member_client.get(url).content.decode()
    assert "HBC-S75-CYP-2018" in page
    assert "Section 75 agreement (NHS Act 2006)" in page


# Recording shares


def test_lead_adds_changes_and_removes_a_share(commissioner_client, led_contract, council):
    agreement = FundingAgreementFactory(parties=[council])
    url = reverse("commissioning:contract_contribution_create", args=[led_contract.pk])
    response = commissioner_client.post(
        url, _share_data(council, "300000", POOLED, agreement), follow=True
    )
    assert "HBC&#x27;s share of £300,000 a year added." in response.content.decode()
    share = Contribution.objects.get()
    assert (share.contract, share.organisation, share.annual_amount, share.agreement) == (
        led_contract,
        council,
        Decimal("300000.00"),
        agreement,
    )
    edit = reverse("commissioning:contribution_update", args=[share.pk])
    data = _share_data(council, "310000", POOLED, agreement, version=share.version)
    assert commissioner_client.post(edit, data).status_code == 302
    share.refresh_from_db()
    assert (share.annual_amount, share.version) == (Decimal("310000.00"), 2)
    remove = reverse("commissioning:contribution_delete", args=[share.pk])
    response = commissioner_client.post(remove, {"version": share.version}, follow=True)
    assert "HBC&#x27;s share removed." in response.content.decode()
    assert not Contribution.objects.exists()
    assert Contribution.history.filter(history_type="-").count() == 1


def test_a_pooled_share_needs_an_agreement_and_amounts_are_not_negative(
    commissioner_client, led_contract, council
):
    url = reverse("commissioning:contract_contribution_create", args=[led_contract.pk])
    page = commissioner_client.post(url, _share_data(council, "-5", POOLED)).content.decode()
    assert "The amount cannot be negative." in page
    assert "A pooled share sits under a funding agreement: choose it." in page
    assert not Contribution.objects.exists()


def test_a_partner_has_one_share_of_a_contract(commissioner_client, led_contract, council):
    ContributionFactory(contract=led_contract, organisation=council)
    url = reverse("commissioning:contract_contribution_create", args=[led_contract.pk])
    page = commissioner_client.post(url, _share_data(council)).content.decode()
    assert "This partner already has a share of this contract: change that one." in page
    assert Contribution.objects.count() == 1


def test_a_stale_edit_or_removal_is_refused(commissioner_client, led_contract, council):
    share = ContributionFactory(contract=led_contract, organisation=council)
    services.contribution_update(
        contribution=share,
        data={"annual_amount": Decimal("250000")},
        expected_version=share.version,
    )
    edit = reverse("commissioning:contribution_update", args=[share.pk])
    response = commissioner_client.post(edit, _share_data(council, "1", version=1))
    assert response.status_code == 409
    assert "someone else saved this share" in response.content.decode()
    remove = reverse("commissioning:contribution_delete", args=[share.pk])
    response = commissioner_client.post(remove, {"version": 1})
    assert response.status_code == 409
    assert "It is now £250,000 a year" in response.content.decode()
    share.refresh_from_db()
    assert share.annual_amount == Decimal("250000.00")


def test_only_those_who_keep_the_contract_or_activity_change_its_shares(
    client, commissioner, board_member, council
):
    other_contract = ContractFactory()  # a priority the commissioner does not lead
    share = ContributionFactory(contract=other_contract, organisation=council)
    client.force_login(commissioner)
    url = reverse("commissioning:contract_contribution_create", args=[other_contract.pk])
    assert client.post(url, _share_data(council)).status_code == 403
    edit = reverse("commissioning:contribution_update", args=[share.pk])
    assert client.post(edit, _share_data(council, "1", version=1)).status_code == 403
    # An activity's lead records the activity's shares.
    activity = ActivityFactory(lead_commissioner=commissioner, budget=Decimal("320000"))
    url = reverse("commissioning:activity_contribution_create", args=[activity.pk])
    assert client.post(url, _share_data(council, "160000")).status_code == 302
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "£160,000 is not covered" in page
    client.force_login(board_member)
    assert client.get(url).status_code == 403


def test_the_database_refuses_a_share_of_nothing_or_of_both():
    contract = ContractFactory()
    activity = ActivityFactory()
    organisation = OrganisationFactory()
    for target in ({}, {"contract": contract, "activity": activity}):
        share = Contribution(
            organisation=organisation, annual_amount=Decimal("1"), arrangement=ALIGNED, **target
        )
        with pytest.raises(ValidationError, match="one contract or one activity"):
            share.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            share.save()
