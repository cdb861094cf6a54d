"""An administrator manages users in Django admin, in a real browser, under the CSP."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from config import roles
from e2e.browser import assert_no_csp_violations, sign_in
from governance.tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def test_administrator_adds_a_user_in_admin(page, base_url):
    UserFactory(username="ade", password=PASSWORD, role=roles.ADMINISTRATOR, is_staff=True)
    sign_in(page, base_url, "ade", PASSWORD)
    page.get_by_role("link", name="Administration").click()
    expect(page.get_by_text("Joint Commissioning Manager administration")).to_be_visible()
    page.goto(f"{base_url}/admin/auth/user/add/")
    page.get_by_label("Username:").fill("new.commissioner")
    page.get_by_label("Password:", exact=True).fill("another-long-passphrase-26")
    page.get_by_label("Password confirmation:").fill("another-long-passphrase-26")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert get_user_model().objects.filter(username="new.commissioner").exists()
    # Django's own admin templates are not ours to fix for axe; the CSP must still hold.
    assert_no_csp_violations(page)
