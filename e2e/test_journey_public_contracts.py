"""The public contracts register in a real browser: an anonymous visitor on a phone reads the
contracts in force, picks a past quarter and downloads its Transparency Code file."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commissioning.tests.factories import ContractFactory, ProviderFactory
from commissioning.transparency import Quarter
from core.tests.factories import default_partnership
from e2e.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_a_visitor_reads_the_register_on_a_phone_and_downloads_a_quarter(page, base_url):
    default_partnership()
    last = Quarter.of(timezone.localdate()).previous()
    ContractFactory(
        reference="HBC-CYP-0101",
        title="Young carers support service",
        provider=ProviderFactory(name="Riverside Young Carers Project", is_sme=True),
        department="Children's Services Commissioning",
    )
    ContractFactory(
        reference="HBC-SEND-0601",
        title="SEND mediation and disagreement resolution",
        start_date=last.start_date - dt.timedelta(days=700),
        end_date=last.end_date,
        initial_end_date=last.end_date,
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/open/halton/")
    nav = page.get_by_role("navigation", name="Public pages")
    nav.get_by_role("link", name="Contracts").click()
    expect(page.get_by_role("heading", name="Contracts register")).to_be_visible()
    expect(page.get_by_role("heading", name="Young carers support service")).to_be_visible()
    expect(page.get_by_role("heading", name="SEND mediation")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page.get_by_label("Show the contracts of").select_option(last.code)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="SEND mediation")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download these contracts as a CSV file").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert [row["Reference number"] for row in rows] == ["HBC-CYP-0101", "HBC-SEND-0601"]
    assert download.value.suggested_filename == (
        f"halton-contracts-{last.start_date.isoformat()}-to-{last.end_date.isoformat()}.csv"
    )
