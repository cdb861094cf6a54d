"""An administrator manages users in Django admin, in a real browser, under the CSP."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from commissioning.models import Contract, Provider
from commissioning.tests.factories import ServiceFactory
from core import roles
from core.demo_users import DEMO_ADMINISTRATOR_TOTP_SECRET as SECRET
from core.tests.factories import UserFactory
from core.two_factor.services import totp_device_set_secret
from e2e.browser import assert_no_csp_violations, sign_in
from governance.tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def _administrator(username: str = "ade"):
    """An administrator whose authenticator app has the demo administrator's known secret."""
    user = UserFactory(
        username=username, password=PASSWORD, role=roles.ADMINISTRATOR, is_staff=True
    )
    totp_device_set_secret(user=user, secret=SECRET)
    return user


def test_administrator_adds_a_user_in_admin(page, base_url):
    ade = _administrator()
    sign_in(page, base_url, "ade", PASSWORD, totp_secret=SECRET)
    # The administration link sits in the account menu, so the bar fits one line at 1280px.
    navigation = page.get_by_role("navigation", name="Main")
    navigation.get_by_role("button", name=ade.get_full_name() or "ade").click()
    navigation.get_by_role("link", name="Administration").click()
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


def _choose_in_autocomplete(page, field: str, text: str) -> None:
    """Pick an option in one of the admin's autocomplete (select2) boxes with the keyboard."""
    page.locator(f"[aria-labelledby='select2-id_{field}-container']").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_administrator_adds_a_provider_and_a_contract_in_admin(page, base_url):
    _administrator()
    ServiceFactory(name="Support to Young Carers")
    OrganisationFactory(short_name="HBC", name="Halton Borough Council")
    sign_in(page, base_url, "ade", PASSWORD, totp_secret=SECRET)

    page.goto(f"{base_url}/admin/commissioning/provider/add/")
    page.get_by_label("Name:").fill("Halton Carers Centre")
    page.get_by_label("Kind:").select_option(label="Voluntary, community and faith sector")
    page.get_by_label("Charity number:").fill("1080393")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Provider.objects.filter(name="Halton Carers Centre", charity_number="1080393").exists()

    page.goto(f"{base_url}/admin/commissioning/contract/add/")
    page.get_by_label("Reference:").fill("HBC-YC-2026-01")
    page.get_by_label("Title:").fill("Support to Young Carers in Halton")
    _choose_in_autocomplete(page, "service", "Support to Young Carers")
    _choose_in_autocomplete(page, "provider", "Halton Carers Centre")
    page.get_by_label("Contract form:").select_option(label="Grant")
    page.get_by_label("Procurement route:").select_option(label="Grant programme")
    lead = page.get_by_label("Lead commissioning organisation:")
    lead.select_option(label="Halton Borough Council")
    page.get_by_label("Annual value (£):").fill("85000")
    page.get_by_label("Total value (£):").fill("255000")
    # An end before the start is refused, and nothing is saved.
    page.get_by_label("Start date:").fill("2026-04-01")
    page.get_by_label("End date:").fill("2025-03-31")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    assert not Contract.objects.exists()

    # The admin's change_form.js focuses the first field once loaded; typing before that
    # sent the date into "Reference" on a busy machine.
    page.wait_for_load_state("load")
    page.get_by_label("End date:").fill("2029-03-31")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    contract = Contract.objects.get(reference="HBC-YC-2026-01")
    assert contract.provider.name == "Halton Carers Centre"
    assert str(contract.annual_value) == "85000.00"
    assert_no_csp_violations(page)
