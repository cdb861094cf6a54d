"""Two partnerships in one install, in a real browser: a Halton commissioner sees no West
Cheshire action, group or board anywhere, and a direct address of one answers "not found"; a
person of both switches between them from the account menu."""

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import PartnershipFactory, UserFactory, give_role
from e2e.browser import assert_accessible, open_from_menu, sign_in
from governance.tests.factories import BoardFactory
from participation.tests.factories import StakeholderGroupFactory
from priorities.tests.factories import ActionFactory, FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"


def _partnership_world(short_name: str, marker: str):
    partnership = PartnershipFactory(short_name=short_name)
    board = BoardFactory(name=f"{marker} Trust Board", partnership=partnership)
    framework = FrameworkFactory(partnership=partnership, owning_board=board)
    area = PriorityAreaFactory(framework=framework, title=f"{marker} Emotional Health")
    action = ActionFactory(priority_area=area, title=f"{marker} action on CAMHS waits")
    group = StakeholderGroupFactory(name=f"{marker} Youth Forum", partnership=partnership)
    return {"partnership": partnership, "board": board, "action": action, "group": group}


@pytest.fixture
def two_partnerships():
    return _partnership_world("Halton", "Halton"), _partnership_world("West Cheshire", "Cheshire")


def test_a_halton_commissioner_sees_nothing_of_west_cheshire(page, base_url, two_partnerships):
    halton, west_cheshire = two_partnerships
    give_role(
        UserFactory(username="hal", password=PASSWORD), roles.COMMISSIONER, halton["partnership"]
    )
    sign_in(page, base_url, "hal", PASSWORD)
    visits = [
        ("Priorities", "All actions"),
        ("Governance", "Governance structure"),
        ("Participation", "Participation log"),
    ]
    for menu, item in visits:
        open_from_menu(page, menu, item)
        expect(page.locator("main")).not_to_contain_text("Cheshire")
    expect(page.locator("main")).not_to_contain_text("Cheshire Youth Forum")
    page.goto(f"{base_url}/priorities/actions/")
    expect(page.get_by_text("Halton action on CAMHS waits")).to_be_visible()
    expect(page.get_by_text("Cheshire action on CAMHS waits")).to_have_count(0)
    page.goto(f"{base_url}/governance/")
    expect(page.get_by_text("Halton Trust Board").first).to_be_visible()
    expect(page.get_by_text("Cheshire Trust Board")).to_have_count(0)
    assert_accessible(page)

    for record in (west_cheshire["action"], west_cheshire["board"]):
        response = page.goto(f"{base_url}{record.get_absolute_url()}")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_a_person_of_both_switches_partnership(page, base_url, two_partnerships):
    halton, west_cheshire = two_partnerships
    person = UserFactory(username="bo", password=PASSWORD)
    give_role(person, roles.BOARD_MEMBER, halton["partnership"])
    give_role(person, roles.BOARD_MEMBER, west_cheshire["partnership"])
    sign_in(page, base_url, "bo", PASSWORD)
    page.goto(f"{base_url}/priorities/actions/")
    expect(page.get_by_text("Halton action on CAMHS waits")).to_be_visible()

    page.locator("header .dropdown-toggle").last.click()
    page.get_by_label("Work in", exact=True).select_option(label="West Cheshire Children's Trust")
    page.get_by_role("button", name="Switch").click()
    expect(
        page.get_by_text("You are now working in West Cheshire Children's Trust")
    ).to_be_visible()
    expect(page.get_by_text("Cheshire action on CAMHS waits")).to_be_visible()
    expect(page.get_by_text("Halton action on CAMHS waits")).to_have_count(0)
    assert_accessible(page)
