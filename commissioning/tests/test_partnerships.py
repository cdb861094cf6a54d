"""One install, many partnerships: a person sees their partnership's activities, contracts and
money, and what other partnerships share with it; another partnership's records are not found;
a shared record is edited by its lead partnership only."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commissioning import selectors, services
from commissioning.forms import ActivityForm, ContributionForm
from commissioning.models import CommissioningActivity, Contract, Contribution
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    DecommissioningPlanFactory,
    FundingAgreementFactory,
    KpiFactory,
    OrganisationFactory,
    ServiceFactory,
)
from core import roles
from core.tests.factories import (
    CommissionerFactory,
    PartnershipFactory,
    UserFactory,
    default_partnership,
    give_role,
)
from core.tests.helpers import form_data
from core.tests.sign_in import sign_in
from governance.tests.factories import BoardFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)  # with the second factor an administrator needs
    return client


def _area_of(partnership, **kwargs):
    framework = FrameworkFactory(
        partnership=partnership, owning_board=BoardFactory(partnership=partnership)
    )
    return PriorityAreaFactory(framework=framework, **kwargs)


@pytest.fixture
def west():
    return PartnershipFactory(short_name="West Cheshire")


@pytest.fixture
def west_records(west):
    """West Cheshire's own activity, contract (with a share, a KPI, a plan) and agreement."""
    council = OrganisationFactory(
        name="Cheshire West and Chester Council", short_name="CWaC", partnerships=[west]
    )
    area = _area_of(west, title="West Cheshire Early Help")
    activity = ActivityFactory(
        title="West Cheshire youth offer", priority_area=area, commissioning_organisations=[council]
    )
    contract = ContractFactory(
        reference="WC-0001",
        title="West Cheshire advocacy",
        service=ServiceFactory(name="West Cheshire advocacy service", partnership=west),
        priority_area=area,
        lead_organisation=council,
        owner=give_role(UserFactory(first_name="Wendy"), roles.COMMISSIONER, west),
    )
    share = ContributionFactory(
        contract=contract, organisation=council, annual_amount=Decimal("7777")
    )
    activity_share = ContributionFactory(
        contract=None, activity=activity, organisation=council, annual_amount=Decimal("6666")
    )
    agreement = FundingAgreementFactory(reference="S75-WEST", partnership=west)
    plan = DecommissioningPlanFactory(
        contract__service=contract.service, contract__priority_area=area
    )
    return {
        "council": council,
        "area": area,
        "activity": activity,
        "contract": contract,
        "share": share,
        "activity_share": activity_share,
        "kpi": KpiFactory(contract=contract),
        "agreement": agreement,
        "plan": plan,
    }


@pytest.fixture
def halton_lead():
    return CommissionerFactory(first_name="Hana")


@pytest.fixture
def halton_records(halton_lead):
    area = PriorityAreaFactory(title="Halton SEND", lead_commissioners=[halton_lead])
    activity = ActivityFactory(
        title="Halton SEND short breaks", priority_area=area, lead_commissioner=halton_lead
    )
    contract = ContractFactory(reference="HBC-0001", priority_area=area, owner=halton_lead)
    return {"area": area, "activity": activity, "contract": contract}


LISTS = [
    "commissioning:cycle_board",
    "commissioning:contract_list",
    "commissioning:pipeline",
    "commissioning:pipeline_export_csv",
    "commissioning:provider_list",
    "commissioning:partner_commitments",
]


@pytest.mark.parametrize("name", LISTS)
def test_a_list_shows_none_of_another_partnerships_rows(
    name, halton_lead, halton_records, west_records
):
    page = _client(halton_lead).get(reverse(name)).content.decode()
    for text in ("West Cheshire youth offer", "WC-0001", "£7,777", "7777", "£6,666", "S75-WEST"):
        assert text not in page, text
    assert "CWaC" not in page  # nor their partners, in the filters or the totals


def test_the_lists_show_the_current_partnerships_rows(halton_lead, halton_records, west_records):
    client = _client(halton_lead)
    assert (
        "Halton SEND short breaks"
        in client.get(reverse("commissioning:cycle_board")).content.decode()
    )
    assert "HBC-0001" in client.get(reverse("commissioning:contract_list")).content.decode()
    west_lead = give_role(
        UserFactory(), roles.COMMISSIONER, west_records["area"].framework.partnership
    )
    page = _client(west_lead).get(reverse("commissioning:contract_list")).content.decode()
    assert "WC-0001" in page and "HBC-0001" not in page


def test_a_providers_page_lists_and_counts_only_the_partnerships_contracts(
    halton_lead, halton_records, west_records
):
    """The directory is everyone's; the contracts and values on it are the partnership's."""
    provider = west_records["contract"].provider
    page = _client(halton_lead).get(provider.get_absolute_url()).content.decode()
    assert provider.name in page
    assert "WC-0001" not in page
    listing = _client(halton_lead).get(reverse("commissioning:provider_list"))
    row = next(p for p in listing.context["providers"] if p.pk == provider.pk)
    assert row.contracts_in_force == 0


def _pages_of(records) -> list[str]:
    """The pages that show another partnership's records."""
    activity, contract, plan = records["activity"], records["contract"], records["plan"]
    return [
        reverse("commissioning:activity_detail", args=[activity.pk]),
        reverse("commissioning:contract_detail", args=[contract.pk]),
        reverse("commissioning:decommissioning_plan", args=[plan.pk]),
    ]


def _edit_pages_of(records) -> list[str]:
    """The pages that change another partnership's records."""
    activity, contract, plan = records["activity"], records["contract"], records["plan"]
    return [
        reverse("commissioning:activity_update", args=[activity.pk]),
        reverse("commissioning:activity_move", args=[activity.pk]),
        reverse("commissioning:needs_assessment_create", args=[activity.pk]),
        reverse("commissioning:activity_contribution_create", args=[activity.pk]),
        reverse("commissioning:contract_update", args=[contract.pk]),
        reverse("commissioning:contract_review_create", args=[contract.pk]),
        reverse("commissioning:contract_recommission", args=[contract.pk]),
        reverse("commissioning:contract_contribution_create", args=[contract.pk]),
        reverse("commissioning:contribution_update", args=[records["share"].pk]),
        reverse("commissioning:contribution_delete", args=[records["share"].pk]),
        reverse("commissioning:contribution_update", args=[records["activity_share"].pk]),
        reverse("commissioning:kpi_create", args=[contract.pk]),
        reverse("commissioning:kpi_update", args=[records["kpi"].pk]),
        reverse("commissioning:kpi_value_create", args=[records["kpi"].pk]),
        reverse("commissioning:assessment_create", args=[contract.pk]),
        reverse("commissioning:decommissioning_plan_update", args=[plan.pk]),
    ]


@pytest.mark.parametrize("role", [roles.COMMISSIONER, roles.ADMINISTRATOR])
def test_another_partnerships_pages_are_not_found(role, west_records):
    user = UserFactory(role=role, is_staff=role == roles.ADMINISTRATOR)
    PriorityAreaFactory(lead_commissioners=[user])  # a Halton priority they lead
    client = _client(user)
    for url in _pages_of(west_records) + _edit_pages_of(west_records):
        assert client.get(url).status_code == 404, url
    plan = west_records["plan"]
    complete = reverse("commissioning:decommissioning_plan_complete", args=[plan.pk])
    assert client.post(complete, {"version": 1}).status_code == 404
    provider = west_records["contract"].provider  # the directory is every partnership's
    assert client.get(provider.get_absolute_url()).status_code == 200


def test_a_board_member_finds_none_of_another_partnerships_pages(board_member, west_records):
    client = _client(board_member)
    for url in _pages_of(west_records):
        assert client.get(url).status_code == 404, url


def test_the_activity_form_offers_only_the_partnerships_choices(administrator, west_records, west):
    """An administrator may start an activity under any priority: of their partnership only."""
    form = ActivityForm(user=administrator)
    assert west_records["area"] not in form.fields["priority_area"].queryset
    assert west_records["council"] not in form.fields["commissioning_organisations"].queryset
    west_only = give_role(UserFactory(), roles.COMMISSIONER, west)
    assert west_only not in form.fields["lead_commissioner"].queryset
    assert list(form.fields["shared_with"].queryset) == [west]
    page = _client(administrator).get(reverse("commissioning:contract_create")).content.decode()
    assert "West Cheshire advocacy service" not in page
    assert "West Cheshire youth offer" not in page
    assert "Cheshire West and Chester Council" not in page
    assert "West Cheshire Early Help" not in page


def test_an_install_of_one_partnership_offers_no_sharing(administrator):
    assert "shared_with" not in ActivityForm(user=administrator).fields


def test_the_filters_offer_only_the_partnerships_choices(halton_lead, west_records):
    client = _client(halton_lead)
    for name in (
        "commissioning:cycle_board",
        "commissioning:contract_list",
        "commissioning:pipeline",
    ):
        form = client.get(reverse(name)).context["filter"].form
        for field in form.fields.values():
            choices = getattr(field, "queryset", None)
            if choices is not None:
                assert west_records["council"] not in choices
                assert west_records["area"] not in choices
                assert west_records["area"].framework not in choices
                assert west_records["contract"].owner not in choices


def test_a_share_offers_the_partners_of_the_partnerships_that_commission_it(west_records, west):
    halton_council = OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    activity = ActivityFactory()
    assert west_records["council"] not in _share_form(activity).fields["organisation"].queryset
    assert west_records["agreement"] not in _share_form(activity).fields["agreement"].queryset
    activity.shared_with.add(west)
    form = _share_form(activity)
    assert {halton_council, west_records["council"]} <= set(form.fields["organisation"].queryset)
    assert west_records["agreement"] in form.fields["agreement"].queryset


def _share_form(activity):
    return ContributionForm(instance=Contribution(activity=activity))


def test_a_new_activity_belongs_to_the_current_partnership_and_is_shared_as_chosen(
    halton_lead, halton_records, west
):
    client = _client(halton_lead)
    organisation = OrganisationFactory()
    response = client.post(
        reverse("commissioning:activity_create"),
        {
            "title": "Joint youth justice service",
            "priority_area": halton_records["area"].pk,
            "lead_commissioner": halton_lead.pk,
            "commissioning_organisations": [organisation.pk],
            "level": "operational",
            "footprint": "borough",
            "resourcing": "aligned",
            "shared_with": [west.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    activity = CommissioningActivity.objects.get(title="Joint youth justice service")
    assert activity.partnership == default_partnership()
    assert list(activity.shared_with.all()) == [west]


def test_a_record_is_not_shared_with_its_own_lead(halton_records):
    with pytest.raises(ValidationError, match="its lead partnership already has it"):
        services.share_with(halton_records["activity"], [default_partnership()])


# Shared records


@pytest.fixture
def shared(halton_records, west):
    activity, contract = halton_records["activity"], halton_records["contract"]
    activity.shared_with.add(west)
    contract.shared_with.add(west)
    return {"activity": activity, "contract": contract}


def _edit_urls(activity, contract) -> list[str]:
    return [
        reverse("commissioning:activity_update", args=[activity.pk]),
        reverse("commissioning:activity_move", args=[activity.pk]),
        reverse("commissioning:needs_assessment_create", args=[activity.pk]),
        reverse("commissioning:activity_contribution_create", args=[activity.pk]),
        reverse("commissioning:contract_update", args=[contract.pk]),
        reverse("commissioning:contract_review_create", args=[contract.pk]),
        reverse("commissioning:contract_contribution_create", args=[contract.pk]),
        reverse("commissioning:kpi_create", args=[contract.pk]),
        reverse("commissioning:assessment_create", args=[contract.pk]),
        reverse("commissioning:contract_recommission", args=[contract.pk]),
    ]


@pytest.mark.parametrize("role", [roles.COMMISSIONER, roles.ADMINISTRATOR])
def test_a_shared_record_is_seen_by_the_sharing_partnership_and_edited_by_its_lead_only(
    role, shared, west, halton_lead
):
    activity, contract = shared["activity"], shared["contract"]
    sharer = give_role(UserFactory(is_staff=role == roles.ADMINISTRATOR), role, west)
    _area_of(west, lead_commissioners=[sharer])
    client = _client(sharer)
    for record in (activity, contract):
        page = client.get(record.get_absolute_url())
        assert page.status_code == 200
        html = page.content.decode()
        assert (
            "Led by Halton Children&#x27;s Trust, shared with West Cheshire Children&#x27;s Trust."
            in html
        )
        assert "Only Halton Children&#x27;s Trust edits it." in html
        assert "/edit/" not in html.split("<main", 1)[-1]
    for url in _edit_urls(activity, contract):
        assert client.get(url).status_code == 403, url
    move = reverse("commissioning:activity_move", args=[activity.pk])
    assert client.post(move, {"version": 1, "seen_stage": "analyse"}).status_code == 403
    assert "WC-0001" not in client.get(reverse("commissioning:contract_list")).content.decode()
    register = client.get(reverse("commissioning:contract_list")).content.decode()
    assert (
        contract.reference in register and "Led by Halton, shared with West Cheshire." in register
    )
    board = client.get(reverse("commissioning:cycle_board")).content.decode()
    assert activity.title in board and "Only Halton edits it." in board

    lead = _client(halton_lead)
    for url in _edit_urls(activity, contract):
        assert lead.get(url).status_code == 200, url
    html = lead.get(activity.get_absolute_url()).content.decode()
    assert "Only Halton" not in html
    assert reverse("commissioning:activity_update", args=[activity.pk]) in html


def test_a_shared_record_is_not_found_by_a_third_partnership(shared):
    third = PartnershipFactory(short_name="Warrington")
    client = _client(give_role(UserFactory(), roles.ADMINISTRATOR, third))
    for record in (shared["activity"], shared["contract"]):
        assert client.get(record.get_absolute_url()).status_code == 404


def test_the_lead_shares_a_contract_from_its_form(halton_lead, halton_records, west):
    contract = halton_records["contract"]
    client = _client(halton_lead)
    url = reverse("commissioning:contract_update", args=[contract.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["shared_with"].queryset) == [west]
    data = form_data(form) | form_data(form.options.management_form)
    response = client.post(url, data | {"shared_with": [west.pk]})
    assert response.status_code == 302
    assert list(Contract.objects.get(pk=contract.pk).shared_with.all()) == [west]
    page = client.get(contract.get_absolute_url()).content.decode()
    assert "shared with West Cheshire Children&#x27;s Trust." in page


def test_selectors_keep_to_the_partnership(halton_lead, halton_records, west_records, shared):
    west_user = give_role(
        UserFactory(), roles.BOARD_MEMBER, west_records["area"].framework.partnership
    )
    halton_refs = set(selectors.contract_register(halton_lead).values_list("reference", flat=True))
    west_refs = set(selectors.contract_register(west_user).values_list("reference", flat=True))
    assert "WC-0001" not in halton_refs and "HBC-0001" in halton_refs
    assert {"WC-0001", "HBC-0001"} <= west_refs  # its own, and Halton's shared one
    assert selectors.activity_board(west_user).filter(pk=shared["activity"].pk).count() == 1
    assert not selectors.funding_agreements(halton_lead).filter(reference="S75-WEST").exists()
    names = {p.short_name for p in selectors.partner_commitments(user=halton_lead)["partners"]}
    assert "CWaC" not in names


def _shared_rows(west, provider, count: int) -> None:
    """`count` activities and contracts led by West Cheshire, shared with Halton."""
    area = _area_of(west)
    service = ServiceFactory(partnership=west)
    for _ in range(count):
        ActivityFactory(priority_area=area).shared_with.add(default_partnership())
        contract = ContractFactory(priority_area=area, service=service, provider=provider)
        contract.shared_with.add(default_partnership())


@pytest.mark.dates
@pytest.mark.parametrize("name", ["cycle_board", "contract_list", "pipeline", "provider_detail"])
def test_shared_rows_add_no_queries(name, halton_lead, west, django_assert_num_queries):
    """Naming each row's lead and sharing partnerships is read with the rows."""
    provider = ContractFactory(owner=halton_lead).provider
    args = [provider.pk] if name == "provider_detail" else []
    url = reverse(f"commissioning:{name}", args=args)
    client = _client(halton_lead)
    _shared_rows(west, provider, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as baseline:
        assert "Led by West Cheshire" in client.get(url).content.decode()
    baseline_count = len(baseline)  # now: the connection keeps only its latest queries
    _shared_rows(west, provider, 12)
    client.get(url)  # new rows' organisations render the filter panel's options afresh once
    with django_assert_num_queries(baseline_count):
        client.get(url)
