"""Signing in, the home page of each role, and a refused page, in a real browser."""

import pytest
from playwright.sync_api import expect

from core import roles
from core.demo_users import DEMO_ADMINISTRATOR_TOTP_SECRET as SECRET
from core.tests.factories import UserFactory
from core.two_factor.services import totp_device_set_secret
from e2e.browser import assert_accessible, sign_in, totp_code

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (roles.COMMISSIONER, "As a commissioner you can"),
        (roles.BOARD_MEMBER, "As a board member you can"),
        (roles.ADMINISTRATOR, "As an administrator you can"),
    ],
)
def test_each_role_signs_in_and_sees_what_it_can_do(page, base_url, role, expected):
    is_admin = role == roles.ADMINISTRATOR
    sam = UserFactory(username="sam", password=PASSWORD, role=role, is_staff=is_admin)
    if is_admin:
        totp_device_set_secret(user=sam, secret=SECRET)
    page.goto(f"{base_url}/accounts/login/")
    assert_accessible(page)
    sign_in(page, base_url, "sam", PASSWORD, totp_secret=SECRET if is_admin else "")
    expect(page.get_by_role("heading", name=expected)).to_be_visible()
    assert_accessible(page)


def test_wrong_password_is_announced_and_keeps_the_username(page, base_url):
    UserFactory(username="sam", password=PASSWORD, role=roles.COMMISSIONER)
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username")
    expect(page.get_by_label("Username")).to_have_value("sam")
    assert_accessible(page)


def test_board_member_is_refused_the_administration(page, base_url):
    UserFactory(username="sam", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(page, base_url, "sam", PASSWORD)
    expect(page.get_by_role("link", name="Administration")).to_have_count(0)
    page.goto(f"{base_url}/admin/")
    expect(page.get_by_text("You are authenticated as sam")).to_be_visible()


def test_skip_link_is_the_first_stop_for_the_keyboard(page, base_url):
    UserFactory(username="sam", password=PASSWORD, role=roles.COMMISSIONER)
    sign_in(page, base_url, "sam", PASSWORD)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


def test_sign_out_from_the_menu(page, base_url):
    UserFactory(
        username="sam",
        first_name="Sam",
        last_name="Jones",
        password=PASSWORD,
        role=roles.COMMISSIONER,
    )
    sign_in(page, base_url, "sam", PASSWORD)
    page.get_by_role("button", name="Sam Jones").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_an_administrator_without_an_app_sets_one_up_at_first_sign_in(page, base_url):
    UserFactory(username="ade", password=PASSWORD, role=roles.ADMINISTRATOR, is_staff=True)
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill("ade")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Code from the app").fill(totp_code(secret))
    page.get_by_role("button", name="Check the code and turn on").click()
    expect(page.get_by_role("status")).to_contain_text("Two-factor authentication is on")
    expect(page.locator("#backup-codes li")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("link", name="Carry on").click()
    expect(page.get_by_role("heading", name="As an administrator you can")).to_be_visible()


def test_a_wrong_code_is_announced_beside_the_field(page, base_url):
    sam = UserFactory(username="sam", password=PASSWORD, role=roles.ADMINISTRATOR, is_staff=True)
    totp_device_set_secret(user=sam, secret=SECRET)
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.get_by_label("Code").fill("12345x")
    page.get_by_role("button", name="Continue").click()
    # In the summary at the top, linking to the field, and beside the field.
    expect(page.get_by_role("link", name="Code: That code is not right")).to_be_visible()
    expect(page.get_by_text("That code is not right.", exact=False).last).to_be_visible()
    assert_accessible(page)
