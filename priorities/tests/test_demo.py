"""The demo data: both seed frameworks, word for word, loaded once however often it runs."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.demo_partnerships import demo_partnership
from core.demo_users import ensure_demo_users
from core.seed_files import read_seed
from governance.demo import seed_organisations
from governance.models import Organisation
from priorities import demo
from priorities.models import (
    Action,
    Comparator,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
)
from priorities.rag_suggestion import suggest_rag

pytestmark = pytest.mark.django_db

MODELS = (Framework, PriorityArea, Objective, Action, ProgressUpdate, Indicator, IndicatorValue)


@pytest.fixture
def loaded(demo) -> int:
    """The shared demo; the rows its first run created for priorities."""
    return demo.created("priorities")


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (*MODELS, Organisation)}


@pytest.mark.dates
def test_loading_twice_changes_nothing(loaded):
    before = _counts()
    assert loaded > 0
    assert demo.load() == 0
    assert _counts() == before


def test_west_cheshire_has_every_priority_objective_and_action_word_for_word(loaded):
    seed = read_seed("priorities", "west_cheshire")
    framework = Framework.objects.get(partnership__short_name="West Cheshire")
    assert framework.period == "2017/19"
    areas = list(framework.priority_areas.order_by("order"))
    assert [a.title for a in areas] == [p["title"] for p in seed["priorities"]]
    assert len(areas) == 5
    for area, priority in zip(areas, seed["priorities"], strict=True):
        assert area.aim == priority["aim"]
        assert list(area.objectives.values_list("text", flat=True)) == priority["objectives"]
        assert sorted(area.actions.values_list("description", flat=True)) == sorted(
            a["description"] for a in priority["actions"]
        )


def test_halton_has_six_priorities_and_the_seeds_indicator_figures(loaded):
    halton = Framework.objects.get(partnership__short_name="Halton")
    assert halton.priority_areas.count() == 6
    gld = Indicator.objects.get(name="Good level of development at age 5")
    values = {v.period_label: v for v in gld.values.all()}
    assert values["2013"].value == Decimal("37")
    assert values["2017"].value == Decimal("61")
    figures = {
        (held.comparator.name, held.period_label): held.value
        for held in gld.comparator_values.select_related("comparator")
    }
    assert figures[("England", "2017")] == 71
    assert ("England", "2013") not in figures, "the seed gives no England figure for 2013"
    injuries = Indicator.objects.get(name__startswith="Hospital admissions")
    latest = injuries.values.get()
    england = injuries.comparator_values.get(comparator__name="England")
    assert (latest.value, england.period_label, england.value) == (
        Decimal("144"),
        latest.period_label,
        Decimal("129.6"),
    )


def test_both_partnerships_compare_with_england_their_region_and_neighbours(loaded):
    for partnership in ("Halton", "West Cheshire"):
        comparators = Comparator.objects.filter(partnership__short_name=partnership)
        assert [(c.kind, c.name, c.area_code) for c in comparators] == [
            ("england", "England", "E92000001"),
            ("region", "North West", "E12000002"),
            ("neighbours", "Statistical neighbours' average", ""),
        ]
        assert comparators.get(kind="neighbours").neighbours.count() == 5


def test_owners_are_job_titles_and_updates_are_marked_as_sample(loaded):
    action = Action.objects.get(title="Scale-up the Edge of Care Team")
    assert action.owner.get_full_name() == "Head of Children's Social Care"
    assert not action.owner.has_usable_password()
    assert ProgressUpdate.objects.exists()
    assert not ProgressUpdate.objects.filter(is_sample=False).exists()
    # The action's RAG is its latest update's.
    latest = action.progress_updates.first()
    assert (action.latest_rag, action.latest_percent) == (latest.rag, latest.percent_complete)


@pytest.mark.dates
def test_sample_updates_say_why_they_differ_from_the_suggested_rag(loaded, client):
    """Each sample update against the RAG suggested on its day says why, as the form asks;
    one that agrees says nothing; and the action's page shows the reason."""
    updates = list(ProgressUpdate.objects.select_related("action"))
    overruled = [
        update
        for update in updates
        if suggest_rag(update.action, update.percent_complete, update.date).overruled_by(update.rag)
    ]
    assert overruled and len(overruled) < len(updates)
    assert all(update.rag_override_reason for update in overruled)
    agreeing = set(updates) - set(overruled)
    assert not any(update.rag_override_reason for update in agreeing)
    reasons = set(read_seed("priorities", "sample_progress")["rag_override_reasons"]["kinder"])
    reasons |= set(read_seed("priorities", "sample_progress")["rag_override_reasons"]["harsher"])
    assert {update.rag_override_reason for update in overruled} <= reasons

    update = overruled[0]
    client.force_login(get_user_model().objects.get(username="commissioner"))
    page = client.get(update.action.get_absolute_url()).content.decode()
    assert f"not the suggested RAG:</span> {update.rag_override_reason}" in page


@pytest.mark.dates
def test_demo_commissioner_leads_in_both_frameworks_and_owns_an_overdue_action(loaded):
    led = PriorityArea.objects.filter(lead_commissioners__username="commissioner")
    assert set(led.values_list("framework__partnership__short_name", flat=True)) == {
        "Halton",
        "West Cheshire",
    }
    owned = Action.objects.filter(owner__username="commissioner")
    assert owned.overdue().exists()


def test_organisations_are_shared_with_the_governance_demo():
    """The seeds spell some organisations differently: each must exist once."""
    # Not the shared `demo`: this needs the organisations made before the priorities' loader.
    for organisation in seed_organisations():
        partnerships = organisation.pop("partnerships")
        created = Organisation.objects.create(**organisation)
        created.partnerships.set(demo_partnership(name) for name in partnerships)
    before = Organisation.objects.count()
    ensure_demo_users()
    demo.load()
    assert Organisation.objects.count() == before
    assert Action.objects.filter(lead_organisation__short_name="CWaC").exists()


@pytest.mark.dates
def test_no_framework_of_the_demo_is_overdue_for_review(demo, board_member_client, today):
    """Both demo frameworks showed "Review overdue" on a newcomer's first look."""
    frameworks = list(Framework.objects.all())
    assert len(frameworks) == 2
    pages = [board_member_client.get(reverse("priorities:framework_list")).content.decode()]
    for framework in frameworks:
        assert today < framework.review_date <= today + datetime.timedelta(days=366)
        pages.append(board_member_client.get(framework.get_absolute_url()).content.decode())
    for page in pages:
        assert "Review overdue" not in page
    # The page says the date is the demo's, not the seed's.
    assert "Demo date: moved to the current year from the framework&#x27;s 2018-21" in pages[0]
    assert "the seed&#x27;s review date is 31 March 2021" in pages[0]


@pytest.mark.parametrize(
    ("seed", "today", "moved"),
    [
        (datetime.date(2021, 3, 31), datetime.date(2026, 12, 2), datetime.date(2027, 3, 31)),
        (datetime.date(2018, 9, 30), datetime.date(2026, 12, 2), datetime.date(2027, 9, 30)),
        (datetime.date(2018, 9, 30), datetime.date(2027, 9, 30), datetime.date(2028, 9, 30)),
        (datetime.date(2020, 2, 29), datetime.date(2027, 1, 1), datetime.date(2027, 2, 28)),
        (datetime.date(2040, 3, 31), datetime.date(2026, 12, 2), datetime.date(2040, 3, 31)),
    ],
)
def test_a_review_date_moves_on_to_its_next_anniversary(seed, today, moved):
    assert demo.demo_review_date(seed, today) == moved
