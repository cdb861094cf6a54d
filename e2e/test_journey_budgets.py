"""A commissioner records a partner's share of a contract and sees what is not covered; the
pipeline plans the decision and the partners' page totals the year; each page is axe-clean."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commissioning.models import Contribution
from commissioning.tests.factories import (
    ContractFactory,
    KpiFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)
from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, open_from_menu, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.dates]

PASSWORD = "a-long-enough-passphrase"


def test_commissioner_records_a_share_and_plans_the_decision(page, base_url):
    commissioner = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    area = PriorityAreaFactory(title="SEND", lead_commissioners=[commissioner])
    OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    contract = ContractFactory(
        reference="HBC-SEND-0201",
        title="Short breaks for children with SEND",
        priority_area=area,
        owner=commissioner,
        annual_value=Decimal("410000"),
        total_value=Decimal("6000000"),
        end_date=timezone.localdate() + datetime.timedelta(days=250),
    )
    KpiFactory(contract=contract, name="Families offered a short break within 4 weeks")
    sign_in(page, base_url, "cam", PASSWORD)

    page.goto(f"{base_url}{contract.get_absolute_url()}")
    expect(page.get_by_text("No partner shares recorded")).to_be_visible()
    expect(page.get_by_text("asks for at least 3 KPIs: it has 1.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a partner's share").click()
    page.get_by_label("Partner").select_option(label="Halton Borough Council")
    page.get_by_label("Amount a year (£)").fill("400000")
    page.get_by_label("Aligned").check()
    assert_accessible(page)
    page.get_by_role("button", name="Add share").click()
    expect(page.get_by_role("alert")).to_contain_text("HBC's share of £400,000 a year added.")
    expect(page.get_by_text("£10,000 a year is not covered by any partner")).to_be_visible()
    assert Contribution.objects.get().annual_amount == Decimal("400000")

    open_from_menu(page, "Commissioning", "Contracts ending soon")
    row = page.get_by_role("row", name="HBC-SEND-0201")
    expect(row).to_contain_text("Open tender")
    expect(row).to_contain_text("Over £5m: 1 of 3 KPIs")
    assert_accessible(page)

    open_from_menu(page, "Commissioning", "Partners' budgets")
    expect(page.get_by_role("row", name="Halton Borough Council")).to_be_visible()
    assert_accessible(page)

    open_from_menu(page, "Commissioning", "Contracts register")
    expect(page.get_by_text("£10,000 not covered", exact=True)).to_be_visible()
    assert_accessible(page)
