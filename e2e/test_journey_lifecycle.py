"""A commissioner reviews a contract and extends it, then decommissions another: the plan is
refused until a consultation is linked, and completing it ends the contract."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commissioning.models import Contract
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ContractFactory,
    ExtensionOptionFactory,
    PriorityAreaFactory,
)
from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, fill_date, open_from_menu, sign_in
from participation.tests.factories import ParticipationRecordFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def _fill_review(page, decision: str) -> None:
    page.get_by_label("Performance (RAG)").select_option(label="Green")
    page.get_by_label("Outcomes achieved").fill("Young carers say they feel better supported.")
    page.get_by_label("Value for money").select_option(label="Good")
    page.get_by_label("Decision", exact=True).select_option(label=decision)
    fill_date(page, "Decision date", timezone.localdate())


def test_commissioner_extends_one_contract_and_decommissions_another(page, base_url):
    today = timezone.localdate()
    commissioner = UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    area = PriorityAreaFactory(title="Early Help", lead_commissioners=[commissioner])
    carers = ContractFactory(
        reference="HBC-CYP-0101",
        title="Young carers support service",
        priority_area=area,
        owner=commissioner,
        end_date=today + datetime.timedelta(days=120),
    )
    ExtensionOptionFactory(contract=carers, months=12)
    ExtensionOptionFactory(contract=carers, months=12)
    advice = ContractFactory(
        reference="HBC-FAM-0501",
        title="Debt and benefits advice for families",
        priority_area=area,
        owner=commissioner,
        end_date=today + datetime.timedelta(days=200),
        notice_period_months=3,
    )
    consultation = ParticipationRecordFactory(
        title="Families' panel on advice services",
        date=today - datetime.timedelta(days=20),
        priority_areas=[area],
    )
    sign_in(page, base_url, "cam", PASSWORD)

    # Extend: the next option moves the end date, and the register shows it.
    open_from_menu(page, "Commissioning", "Contracts register")
    page.get_by_role("link", name="HBC-CYP-0101").click()
    expect(page.get_by_text("1 + 1 years")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a review").click()
    _fill_review(page, "Extend")
    new_end = add_months(carers.end_date, 12)
    expect(
        page.get_by_label(f"the contract then ends on {new_end:%-d %B %Y}", exact=False)
    ).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_role("alert")).to_contain_text(f"to {new_end:%-d %B %Y}: took option 1")
    open_from_menu(page, "Commissioning", "Contracts register")
    row = page.get_by_role("row").filter(has_text="HBC-CYP-0101")
    expect(row).to_contain_text(f"{new_end:%-d %b %Y}")
    expect(row).to_contain_text("1 year")
    assert_accessible(page)

    # Decommission: the plan opens at Do, refused by name until a consultation is linked.
    page.get_by_role("link", name="HBC-FAM-0501").click()
    page.get_by_role("link", name="Add a review").click()
    _fill_review(page, "Decommission")
    ends = today + datetime.timedelta(days=150)
    fill_date(page, "Date the service ends", ends)
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_role("heading", name="Decommissioning HBC-FAM-0501")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Fill in the plan").click()
    page.get_by_label("Client groups affected").fill("Families with children in Widnes")
    page.get_by_label("Children aged 5 to 10").fill("30")
    page.get_by_label("Families (parents and carers)").fill("45")
    page.get_by_label("Equality and impact assessment").fill(
        "Lone parents are affected most; Citizens Advice keeps a drop-in."
    )
    fill_date(page, "Date of the impact assessment", today)
    page.get_by_label("Transition of current service users").fill(
        "Each family is referred to the Early Help hub's adviser."
    )
    fill_date(page, "Notice served on the provider on", today)
    page.get_by_label("Communication plan").fill("Letters to families; a note to schools.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("alert")).to_contain_text("Plan saved.")

    page.get_by_role("button", name="Complete the plan and end the contract").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Link at least one consultation with the children and families affected"
    )
    assert Contract.objects.get(pk=advice.pk).status == Contract.Status.ENDING

    page.get_by_role("link", name="Link a consultation").click()
    page.get_by_label("Consultation (participation record)").select_option(
        label=f"{consultation.title} ({consultation.date:%-d %B %Y})"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Link the consultation").click()
    expect(page.get_by_role("alert")).to_contain_text("Consultation linked.")
    page.get_by_role("button", name="Complete the plan and end the contract").click()
    expect(page.get_by_role("alert")).to_contain_text("HBC-FAM-0501 is decommissioned")

    page.get_by_role("link", name="HBC-FAM-0501").first.click()
    expect(page.get_by_text("Decommissioned", exact=True).first).to_be_visible()
    expect(page.locator(".current-end")).to_have_text(f"{ends.day} {ends:%B %Y}")
    assert_accessible(page)
    open_from_menu(page, "Commissioning", "Contracts register")
    row = page.get_by_role("row").filter(has_text="HBC-FAM-0501")
    expect(row).to_contain_text("Decommissioned")
    expect(row).to_contain_text(f"{ends:%-d %b %Y}")
    advice.refresh_from_db()
    assert (advice.status, advice.end_date) == (Contract.Status.DECOMMISSIONED, ends)
