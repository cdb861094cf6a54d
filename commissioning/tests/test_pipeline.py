"""The pipeline that plans: each contract's decision-needed-by date (end date, less notice, less
the procurement lead time of its route), overdue first; its filters and its exports."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from commissioning import selectors
from commissioning.models import Contract, ProcurementLeadTime
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ContractFactory,
    ContributionFactory,
    DecommissioningPlanFactory,
    OrganisationFactory,
    ServiceFactory,
)
from core.tests.factories import CommissionerFactory, PartnershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

Route = Contract.Route


def _ending(today, days, **kwargs):
    return ContractFactory(end_date=today + datetime.timedelta(days=days), **kwargs)


def test_the_lead_times_are_seeded_one_per_route():
    assert dict(ProcurementLeadTime.objects.values_list("route", "months")) == {
        "open": 9,
        "restricted": 9,
        "framework": 4,
        "direct_award": 3,
        "grant_programme": 6,
        "in_house": 2,
    }


def test_decision_needed_by_is_end_less_notice_less_lead_time():
    contract = ContractFactory.build(
        end_date=datetime.date(2027, 8, 31),
        notice_period_months=3,
        procurement_route=Route.OPEN,
    )
    assert selectors.decision_needed_by(contract) == datetime.date(2026, 8, 31)
    contract.procurement_route = Route.FRAMEWORK
    assert selectors.decision_needed_by(contract) == datetime.date(2027, 1, 31)
    # A month with fewer days ends on its last: 31 May less 3 months is 28 (or 29) February.
    contract.end_date, contract.notice_period_months = datetime.date(2028, 5, 31), 0
    contract.procurement_route = Route.DIRECT_AWARD
    assert selectors.decision_needed_by(contract) == datetime.date(2028, 2, 29)


def test_administrators_lead_times_are_used_and_a_missing_one_falls_back():
    contract = ContractFactory.build(
        end_date=datetime.date(2027, 12, 31),
        notice_period_months=6,
        procurement_route=Route.FRAMEWORK,
    )
    ProcurementLeadTime.objects.filter(route=Route.FRAMEWORK).update(months=7)
    assert selectors.decision_needed_by(contract) == datetime.date(2026, 11, 30)
    ProcurementLeadTime.objects.filter(route=Route.FRAMEWORK).delete()
    assert selectors.decision_needed_by(contract) == datetime.date(2027, 2, 28)


def test_pipeline_puts_overdue_decisions_first_and_reaches_past_18_months(today):
    # Ends in 100 days; direct award (3) + notice (3): decided about 80 days ago.
    overdue = _ending(today, 100, reference="LATE", procurement_route=Route.DIRECT_AWARD)
    # Ends in 95 days, an in-house route (2 months) with no notice: decided a month from now.
    soon = _ending(
        today, 95, reference="SOON", procurement_route=Route.IN_HOUSE, notice_period_months=0
    )
    # Ends in two years, but an open tender with six months' notice: decision within 18 months.
    later = _ending(today, 730, reference="LATER", notice_period_months=6)
    _ending(today, 365 * 4, reference="FAR")
    _ending(today, 30, reference="GONE", status=Contract.Status.EXPIRED)

    plan = selectors.pipeline(today=today)
    assert [e.contract.reference for e in plan.entries] == ["LATE", "SOON", "LATER"]
    late, next_one, far_off = plan.entries
    assert late.overdue and late.decision_by == add_months(overdue.end_date, -6)
    assert late.days_overdue == (today - late.decision_by).days
    assert not next_one.overdue and next_one.decision_by == add_months(soon.end_date, -2)
    assert far_off.decision_by == add_months(later.end_date, -15)
    assert far_off.band.label == "Ending in more than 18 months"
    assert [len(b.contracts) for b in plan.bands] == [0, 2, 0, 0, 1]


def test_pipeline_page_shows_owner_notice_and_decision_date(board_member_client, today):
    owner = CommissionerFactory(first_name="Sam", last_name="Okafor")
    contract = _ending(
        today, 100, reference="HBC-CYP-0102", owner=owner, procurement_route=Route.DIRECT_AWARD
    )
    page = board_member_client.get(reverse("commissioning:pipeline")).content.decode()
    decision = add_months(contract.end_date, -6)
    assert "Sam Okafor" in page
    assert 'Direct award <span class="small text-body-secondary">(3 months)' in page
    assert f"{decision:%-d %b %Y}" in page
    assert f"Overdue by {(today - decision).days} days" in page
    assert "1 decision overdue" in page


def test_pipeline_says_when_a_contract_is_being_decommissioned(board_member_client, today):
    plan = DecommissioningPlanFactory(
        contract__end_date=today + datetime.timedelta(days=100), contract__reference="HPH-EHC-0402"
    )
    _ending(today, 120, reference="HBC-CYP-0101")
    page = board_member_client.get(reverse("commissioning:pipeline")).content.decode()
    row_of_plan = page[page.index(plan.contract.reference) :].split("</tr>")[0]
    row_of_other = page[page.index("HBC-CYP-0101") :].split("</tr>")[0]
    assert ">Decommissioning</span>" in row_of_plan
    assert ">Not started</span>" in row_of_other


def test_pipeline_filters_by_owner_route_and_partner_within_the_partnership(
    board_member_client, today
):
    owner = CommissionerFactory()
    partner = OrganisationFactory(short_name="NHS Vale Royal CCG")
    west = ServiceFactory(partnership=PartnershipFactory(short_name="West Cheshire"))
    _ending(today, 90, reference="W-1", service=west)
    _ending(today, 90, reference="O-1", owner=owner)
    _ending(today, 90, reference="R-1", procurement_route=Route.GRANT_PROGRAMME)
    ContributionFactory(contract=_ending(today, 90, reference="P-1"), organisation=partner)
    _ending(today, 90, reference="C-1", co_commissioners=[partner])
    url = reverse("commissioning:pipeline")

    def shown(**params):
        entries = board_member_client.get(url, params).context["entries"]
        return sorted(e.contract.reference for e in entries)

    assert shown(owner=owner.pk) == ["O-1"]
    assert shown(procurement_route="grant_programme") == ["R-1"]
    assert shown(partner=partner.pk) == ["C-1", "P-1"]
    assert shown() == ["C-1", "O-1", "P-1", "R-1"]  # not West Cheshire's W-1


def test_pipeline_exports_the_filtered_rows_as_xlsx_and_csv(board_member_client, today):
    owner = CommissionerFactory(first_name="Sam", last_name="Okafor")
    late = _ending(
        today,
        100,
        reference="HBC-CYP-0102",
        title="Independent advocacy",
        owner=owner,
        procurement_route=Route.DIRECT_AWARD,
        annual_value=Decimal("64500"),
    )
    _ending(today, 200, reference="HBC-SEND-0201", procurement_route=Route.FRAMEWORK)
    _ending(
        today,
        300,
        reference="OTHER",
        title='=HYPERLINK("http://example.com")',
        procurement_route=Route.GRANT_PROGRAMME,
    )
    filters = {"procurement_route": "direct_award"}

    response = board_member_client.get(reverse("commissioning:pipeline_export_xlsx"), filters)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:2] == ("Reference", "Title") and "Decision needed by" in header
    assert len(rows) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert row["Reference"] == "HBC-CYP-0102"
    assert row["Contract manager"] == "Sam Okafor"
    assert row["Annual value (£)"] == 64500
    assert row["Decision needed by"].date() == add_months(late.end_date, -6)
    assert row["Decision overdue"] == "Yes"

    response = board_member_client.get(reverse("commissioning:pipeline_export_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["Reference"] for r in rows] == ["HBC-CYP-0102", "HBC-SEND-0201", "OTHER"]
    assert rows[1]["Procurement route"] == "Framework"
    assert rows[1]["Procurement lead time (months)"] == "4"
    assert rows[2]["Title"].startswith("'=")  # not run as a formula
