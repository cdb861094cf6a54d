"""A lead commissioner loads national figures in a real browser: from the priority page to
the upload, the preview of what the file gives, and the save, axe on each page."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import PartnershipFactory, UserFactory
from e2e.browser import assert_accessible, sign_in
from priorities.models import Comparator, ComparatorValue, IndicatorValue
from priorities.tests.factories import (
    ComparatorFactory,
    IndicatorFactory,
    PriorityAreaFactory,
    StatisticalNeighbourFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
FINGERTIPS_FILE = Path(__file__).parent.parent / "priorities/tests/files/fingertips_90631.csv"


@pytest.fixture
def lead():
    return UserFactory(username="cara", password=PASSWORD, role=roles.COMMISSIONER)


@pytest.fixture
def area(lead):
    halton = PartnershipFactory(short_name="Halton")
    halton.area_code = "E06000006"
    halton.save()
    area = PriorityAreaFactory(lead_commissioners=[lead], title="0-5 Development")
    ComparatorFactory(name="England", area_code="E92000001", order=1)
    ComparatorFactory(
        name="North West", kind=Comparator.Kind.REGION, area_code="E12000002", order=2
    )
    neighbours = ComparatorFactory(
        name="Statistical neighbours", kind=Comparator.Kind.NEIGHBOURS, area_code="", order=3
    )
    for order, (name, code) in enumerate(
        [("St. Helens", "E08000013"), ("Knowsley", "E08000011"), ("Wigan", "")], start=1
    ):
        StatisticalNeighbourFactory(comparator=neighbours, name=name, area_code=code, order=order)
    IndicatorFactory(
        priority_area=area, name="Good level of development at age 5", fingertips_indicator_id=90631
    )
    return area


def test_a_lead_previews_a_fingertips_file_then_saves_it(page, base_url, area):
    sign_in(page, base_url, "cara", PASSWORD)
    page.goto(f"{base_url}{area.get_absolute_url()}")
    page.get_by_role("link", name="Import national figures").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Import national figures into 0-5 Development"
    )
    assert_accessible(page)
    page.locator("#id_file").set_input_files(FINGERTIPS_FILE)
    page.get_by_role("button", name="Preview figures").click()

    expect(page.get_by_text("The file can be saved: 6 new values, 0 changed")).to_be_visible()
    preview = page.get_by_role("table", name="The values the file gives, and what is saved now")
    expect(preview.get_by_role("row")).to_have_count(7)
    expect(preview).to_contain_text("mean of 3 of")
    assert IndicatorValue.objects.count() == 0 and ComparatorValue.objects.count() == 0
    assert_accessible(page)

    page.get_by_role("button", name="Save 6 values").click()
    expect(page.get_by_text("Figures from Fingertips (OHID) saved: 6 added")).to_be_visible()
    assert (IndicatorValue.objects.count(), ComparatorValue.objects.count()) == (2, 4)
    assert_accessible(page)
