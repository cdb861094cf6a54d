"""Boards and members on the product's own pages, in a real browser: an administrator adds a
group under the Trust Board, gives it a member, ends the membership and reads its history;
axe checks every page on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core import roles
from core.demo_users import DEMO_ADMINISTRATOR_TOTP_SECRET as SECRET
from core.tests.factories import UserFactory
from core.two_factor.services import totp_device_set_secret
from e2e.browser import assert_accessible, fill_date, sign_in
from governance.models import Board, Membership
from governance.tests.factories import BoardFactory, OrganisationFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def test_administrator_keeps_a_board_and_its_members(page, base_url):
    ade = UserFactory(username="ade", password=PASSWORD, role=roles.ADMINISTRATOR, is_staff=True)
    totp_device_set_secret(user=ade, secret=SECRET)
    trust_board = BoardFactory(name="Halton Children's Trust Board")
    council = OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    council.partnerships.add(trust_board.partnership)
    sign_in(page, base_url, "ade", PASSWORD, totp_secret=SECRET)

    page.goto(f"{base_url}/governance/")
    page.get_by_role("link", name="Add a board or group").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Early Help Partnership Group")
    page.get_by_label("Kind").select_option(index=1)
    page.get_by_label("Reports to").select_option(label="Halton Children's Trust Board")
    page.get_by_role("button", name="Save board").click()
    group = Board.objects.get(name="Early Help Partnership Group")
    assert group.reports_to == trust_board
    expect(
        page.get_by_role("heading", name="Early Help Partnership Group", level=1)
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a member").click()
    assert_accessible(page)
    page.get_by_label("Name or job title").fill("Head of Early Help")
    page.get_by_label("Organisation").select_option(label="Halton Borough Council")
    fill_date(page, "Start date", timezone.localdate() - datetime.timedelta(days=30))
    page.get_by_role("button", name="Save membership").click()
    seat = Membership.objects.get(board=group, person_name="Head of Early Help")
    expect(page.get_by_text("Head of Early Help").first).to_be_visible()

    page.get_by_role("link", name="End the membership of Head of Early Help").click()
    assert_accessible(page)
    fill_date(page, "Last day of the membership", timezone.localdate())
    page.get_by_role("button", name="End membership").click()
    seat.refresh_from_db()
    assert seat.end_date == timezone.localdate()

    page.get_by_role("link", name="History of the membership of Head of Early Help").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("History")
    assert_accessible(page)
