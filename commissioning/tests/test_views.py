"""Pages per role: anonymous to sign-in, board members read only, leads edit, administrators all."""

import datetime
from decimal import Decimal

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commissioning import services
from commissioning.models import CommissioningActivity, ContractReview, NeedsAssessment, StageMove
from commissioning.selectors import CARDS_PER_COLUMN
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    NeedsAssessmentFactory,
    OrganisationFactory,
    PriorityAreaFactory,
    ProviderFactory,
)
from core.choices import Stage

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def led_activity(commissioner):
    """An activity at Analyse in a priority the `commissioner` fixture leads."""
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    return ActivityFactory(priority_area=area, title="Short breaks market development")


def _move_data(activity, **overrides):
    data = {
        "version": activity.version,
        "seen_stage": activity.stage,
        "to_stage": Stage.PLAN,
        "note": "",
    }
    data.update(overrides)
    return data


def _na_data():
    return {
        "title": "SEND needs assessment",
        "date": "2026-10-01",
        "evidence_sources": "JSNA 2017",
        "population": "248 children with disabilities",
        "key_findings": "Families want short breaks closer to home.",
    }


# Reading


@pytest.mark.parametrize("url_name", ["cycle_board", "contract_list", "pipeline", "provider_list"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url_name):
    response = client.get(reverse(f"commissioning:{url_name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_user_without_role_is_refused(client, user_without_role):
    client.force_login(user_without_role)
    assert client.get(reverse("commissioning:cycle_board")).status_code == 403


def test_board_member_reads_the_board_without_edit_buttons(board_member_client, led_activity):
    response = board_member_client.get(reverse("commissioning:cycle_board"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Short breaks market development" in page
    assert "Start an activity" not in page
    detail = board_member_client.get(led_activity.get_absolute_url()).content.decode()
    assert "Add a needs assessment for this cycle" in detail
    assert "Move to Plan" not in detail
    assert "Edit activity" not in detail


def test_board_filters_by_framework(commissioner_client, led_activity):
    other = ActivityFactory(title="Somewhere else entirely")
    response = commissioner_client.get(
        reverse("commissioning:cycle_board"),
        {"framework": led_activity.priority_area.framework_id},
    )
    page = response.content.decode()
    assert "Short breaks market development" in page
    assert other.title not in page


def test_board_hides_closed_activities_unless_asked(commissioner_client):
    ActivityFactory(title="Closed piece of work", status=CommissioningActivity.Status.CLOSED)
    url = reverse("commissioning:cycle_board")
    assert "Closed piece of work" not in commissioner_client.get(url).content.decode()
    asked = commissioner_client.get(url, {"status": "closed"}).content.decode()
    assert "Closed piece of work" in asked


def test_board_column_shows_the_longest_waiting_and_links_to_the_rest(commissioner_client):
    now = timezone.now()
    for day in range(CARDS_PER_COLUMN + 3):
        ActivityFactory(
            title=f"Plan work {day:02d}",
            stage=Stage.PLAN,
            stage_entered_at=now - datetime.timedelta(days=100 - day),
        )
    response = commissioner_client.get(reverse("commissioning:cycle_board"))
    page = response.content.decode()
    plan = next(c for c in response.context["columns"] if c.stage == Stage.PLAN)
    assert plan.total == CARDS_PER_COLUMN + 3
    assert [a.title for a in plan.activities] == [
        f"Plan work {day:02d}" for day in range(CARDS_PER_COLUMN)
    ]
    assert f"Plan work {CARDS_PER_COLUMN:02d}" not in page
    assert f"Show all {CARDS_PER_COLUMN + 3} at Plan" in page
    assert "?stage=plan" in page


def test_board_filtered_to_one_stage_pages_through_it(commissioner_client):
    for n in range(30):
        ActivityFactory(title=f"Review work {n:02d}", stage=Stage.REVIEW)
    ActivityFactory(title="Still analysing", stage=Stage.ANALYSE)
    url = reverse("commissioning:cycle_board")
    first = commissioner_client.get(url, {"stage": "review"})
    page = first.content.decode()
    assert first.context["paginator"].count == 30
    assert len(first.context["activities"]) == 25
    assert "Still analysing" not in page
    assert "Back to every stage" in page
    second = commissioner_client.get(url, {"stage": "review", "page": 2})
    assert len(second.context["activities"]) == 5
    # A page past the end shows the last page rather than an error.
    assert commissioner_client.get(url, {"stage": "review", "page": 9}).status_code == 200


def test_board_one_stage_empty_state(commissioner_client):
    response = commissioner_client.get(reverse("commissioning:cycle_board"), {"stage": "do"})
    assert "No activities at Do match these filters." in response.content.decode()


# Moving


def test_board_member_cannot_move(board_member_client, led_activity):
    NeedsAssessmentFactory(activity=led_activity)
    url = reverse("commissioning:activity_move", args=[led_activity.pk])
    assert board_member_client.get(url).status_code == 403
    assert board_member_client.post(url, _move_data(led_activity)).status_code == 403
    led_activity.refresh_from_db()
    assert led_activity.stage == Stage.ANALYSE


def test_commissioner_not_leading_cannot_move(commissioner_client):
    activity = ActivityFactory()
    NeedsAssessmentFactory(activity=activity)
    url = reverse("commissioning:activity_move", args=[activity.pk])
    assert commissioner_client.post(url, _move_data(activity)).status_code == 403
    assert not StageMove.objects.exists()


def test_lead_is_refused_with_the_reason_then_moves_after_the_evidence(
    commissioner_client, led_activity
):
    url = reverse("commissioning:activity_move", args=[led_activity.pk])
    refused = commissioner_client.post(url, _move_data(led_activity))
    assert refused.status_code == 400
    assert "Not moved: Add a needs assessment for this cycle" in refused.content.decode()
    assert not StageMove.objects.exists()

    added = commissioner_client.post(
        reverse("commissioning:needs_assessment_create", args=[led_activity.pk]), _na_data()
    )
    assert added.status_code == 302
    assert NeedsAssessment.objects.get().cycle_number == 1

    moved = commissioner_client.post(url, _move_data(led_activity, note="Agreed"), follow=True)
    assert "Moved to Plan." in moved.content.decode()
    led_activity.refresh_from_db()
    assert led_activity.stage == Stage.PLAN
    assert StageMove.objects.get().note == "Agreed"


def test_a_stale_move_is_refused_with_what_changed(commissioner_client, led_activity):
    NeedsAssessmentFactory(activity=led_activity)
    url = reverse("commissioning:activity_move", args=[led_activity.pk])
    seen = _move_data(led_activity)
    commissioner_client.post(url, seen)
    again = commissioner_client.post(url, seen | {"note": "Agreed at the board"})
    page = again.content.decode()
    assert again.status_code == 409
    assert "moved from Analyse to Plan, cycle 1" in page
    assert "Changed by someone else while you were editing" in page
    assert again.context["conflict_changes"] == [("Stage", "Plan, cycle 1")]
    assert "Check what it needs now, then move it again if you still mean to." in page
    assert again.context["move_form"]["note"].value() == "Agreed at the board"  # kept
    assert again.context["move_form"]["version"].value() == 2  # the next move is from Plan
    assert StageMove.objects.count() == 1


def test_a_move_naming_no_stage_is_refused_not_a_server_error(commissioner_client, led_activity):
    """A tampered seen_stage once reached Stage(...) in the stale-move message and raised."""
    NeedsAssessmentFactory(activity=led_activity)
    url = reverse("commissioning:activity_move", args=[led_activity.pk])
    data = _move_data(led_activity) | {"version": "0", "seen_stage": "0"}
    response = commissioner_client.post(url, data)
    assert response.status_code == 400
    assert "Not moved: reload the page and try again." in response.content.decode()
    assert StageMove.objects.count() == 0


def test_move_page_explains_what_is_needed(commissioner_client, led_activity):
    response = commissioner_client.get(
        reverse("commissioning:activity_move", args=[led_activity.pk])
    )
    page = response.content.decode()
    assert "Analyse to Plan" in page
    assert "Add a needs assessment for this cycle" in page


def test_administrator_moves_any_activity(administrator_client):
    activity = ActivityFactory()
    NeedsAssessmentFactory(activity=activity)
    url = reverse("commissioning:activity_move", args=[activity.pk])
    assert administrator_client.post(url, _move_data(activity)).status_code == 302
    activity.refresh_from_db()
    assert activity.stage == Stage.PLAN


def test_the_activitys_own_lead_may_move_it(commissioner, commissioner_client):
    activity = ActivityFactory(lead_commissioner=commissioner)
    NeedsAssessmentFactory(activity=activity)
    url = reverse("commissioning:activity_move", args=[activity.pk])
    assert commissioner_client.post(url, _move_data(activity)).status_code == 302


# Needs assessments


def test_board_member_cannot_add_a_needs_assessment(board_member_client, led_activity):
    url = reverse("commissioning:needs_assessment_create", args=[led_activity.pk])
    assert board_member_client.get(url).status_code == 403
    assert board_member_client.post(url, _na_data()).status_code == 403
    assert not NeedsAssessment.objects.exists()


def test_commissioner_not_leading_cannot_add_a_needs_assessment(commissioner_client):
    activity = ActivityFactory()
    url = reverse("commissioning:needs_assessment_create", args=[activity.pk])
    assert commissioner_client.post(url, _na_data()).status_code == 403


# Creating and editing activities


def _activity_form(area, lead, organisation, **overrides):
    data = {
        "title": "Advocacy re-design",
        "description": "",
        "priority_area": area.pk,
        "lead_commissioner": lead.pk,
        "commissioning_organisations": [organisation.pk],
        "level": "operational",
        "footprint": "borough",
        "resourcing": "aligned",
        "budget": "64500",
        "specification_text": "",
        "specification_url": "",
    }
    data.update(overrides)
    return data


def test_lead_starts_an_activity(commissioner, commissioner_client):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    response = commissioner_client.post(
        reverse("commissioning:activity_create"),
        _activity_form(area, commissioner, OrganisationFactory()),
        follow=True,
    )
    assert "started at Analyse" in response.content.decode()
    activity = CommissioningActivity.objects.get()
    assert (activity.stage, activity.budget) == (Stage.ANALYSE, Decimal("64500"))


def test_a_negative_budget_is_explained_and_nothing_saved(commissioner, commissioner_client):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    response = commissioner_client.post(
        reverse("commissioning:activity_create"),
        _activity_form(area, commissioner, OrganisationFactory(), budget="-5"),
    )
    assert "The budget cannot be negative." in response.content.decode()
    assert not CommissioningActivity.objects.exists()


def test_commissioner_cannot_start_under_a_priority_they_do_not_lead(
    commissioner, commissioner_client
):
    PriorityAreaFactory(lead_commissioners=[commissioner])
    other = PriorityAreaFactory()
    response = commissioner_client.post(
        reverse("commissioning:activity_create"),
        _activity_form(other, commissioner, OrganisationFactory()),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not CommissioningActivity.objects.exists()


def test_commissioner_leading_nothing_is_refused_the_create_page(commissioner_client):
    assert commissioner_client.get(reverse("commissioning:activity_create")).status_code == 403


def test_board_member_cannot_create_or_edit(board_member_client, led_activity):
    assert board_member_client.get(reverse("commissioning:activity_create")).status_code == 403
    edit = reverse("commissioning:activity_update", args=[led_activity.pk])
    assert board_member_client.get(edit).status_code == 403
    assert board_member_client.post(edit, {"title": "x"}).status_code == 403


def test_lead_edits_and_a_stale_edit_says_what_changed(commissioner, commissioner_client):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    organisation = OrganisationFactory()
    activity = ActivityFactory(priority_area=area, commissioning_organisations=[organisation])
    url = reverse("commissioning:activity_update", args=[activity.pk])
    form = commissioner_client.get(url).context["form"]
    seen = {
        "version": form["version"].value(),
        "snapshot": form["snapshot"].value(),
        "status": "active",
    }
    data = {**_activity_form(area, commissioner, organisation, title="First edit"), **seen}
    assert commissioner_client.post(url, data).status_code == 302
    stale = {**data, "title": "Second edit", "budget": "1"}
    response = commissioner_client.post(url, stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "someone else saved this activity while you were editing it" in page
    assert dict(response.context["conflict_changes"])["Title"] == "First edit"
    # The refused input is still in the form, with the new version: saving again wins.
    kept = response.context["form"]
    assert kept["title"].value() == "Second edit" and kept["budget"].value() == "1"
    activity.refresh_from_db()
    assert activity.title == "First edit"
    again = {**stale, "version": kept["version"].value(), "snapshot": kept["snapshot"].value()}
    assert commissioner_client.post(url, again).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Second edit"


def test_an_edit_page_signed_before_the_shared_helper_still_says_what_changed(
    commissioner, commissioner_client
):
    """The snapshot keeps its salt and format, so a page open in a browser across the move of
    the activity form onto core.edit_conflicts still lists what changed."""
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    organisation = OrganisationFactory()
    activity = ActivityFactory(priority_area=area, commissioning_organisations=[organisation])
    activity.refresh_from_db()
    opened = {
        name: "" if value is None else str(value)
        for name, value in (
            (name, getattr(activity, activity._meta.get_field(name).attname))
            for name in services.ACTIVITY_EDITABLE_FIELDS
        )
    } | {"commissioning_organisations": str(organisation.pk)}
    url = reverse("commissioning:activity_update", args=[activity.pk])
    form = commissioner_client.get(url).context["form"]
    salt = "commissioning.activity-edit-snapshot"
    assert signing.loads(form["snapshot"].value(), salt=salt) == opened

    services.activity_update(
        activity=activity,
        data={"title": "Renamed meanwhile"},
        organisations=[organisation],
        expected_version=activity.version,
    )
    stale = {
        **_activity_form(area, commissioner, organisation, title="Mine", status="active"),
        "version": str(activity.version),
        "snapshot": signing.dumps(opened, salt=salt),
    }
    response = commissioner_client.post(url, stale)
    assert response.status_code == 409
    assert response.context["conflict_changes"] == [("Title", "Renamed meanwhile")]
    assert response.context["form"]["title"].value() == "Mine"


def test_commissioner_not_leading_cannot_edit(commissioner_client):
    activity = ActivityFactory()
    url = reverse("commissioning:activity_update", args=[activity.pk])
    assert commissioner_client.get(url).status_code == 403


def test_administrator_edits_any_activity(administrator_client, administrator):
    activity = ActivityFactory()
    url = reverse("commissioning:activity_update", args=[activity.pk])
    assert administrator_client.get(url).status_code == 200


# Contracts, reviews, pipeline and re-commissioning


def test_register_filters_and_totals_annual_value(board_member_client):
    soon = timezone.localdate() + datetime.timedelta(days=60)
    ContractFactory(reference="A-1", annual_value=Decimal("1250000"), end_date=soon)
    ContractFactory(reference="A-2", annual_value=Decimal("250000.50"), end_date=soon)
    ContractFactory(reference="B-1", annual_value=Decimal("10"))
    response = board_member_client.get(
        reverse("commissioning:contract_list"), {"ending_within": 3, "min_value": 100}
    )
    page = response.content.decode()
    assert "A-1" in page and "A-2" in page and "B-1" not in page
    assert "£1,500,000.50" in page


def test_register_totals_every_contract_with_no_filter_and_the_filtered_ones_with_one(
    board_member_client, django_assert_num_queries
):
    """With no filter the register said "0 contracts match ... £0" above the contracts it listed."""
    ContractFactory(reference="A-1", annual_value=Decimal("1000"), total_value=Decimal("3000"))
    ContractFactory(reference="A-2", annual_value=Decimal("500"), total_value=Decimal("1500"))
    ContractFactory(reference="B-1", annual_value=Decimal("20"), total_value=Decimal("40"))
    url = reverse("commissioning:contract_list")
    page = board_member_client.get(url).content.decode()
    assert "<strong>3 contracts</strong> match" in page
    assert "annual value of <strong>£1,520</strong>" in page
    assert "total value of <strong>£4,540</strong>" in page
    with django_assert_num_queries(len(_queries(board_member_client, url))):
        filtered = board_member_client.get(url, {"q": "A-"}).content.decode()
    assert "<strong>2 contracts</strong> match" in filtered
    assert "annual value of <strong>£1,500</strong>" in filtered
    assert "total value of <strong>£4,500</strong>" in filtered


def _queries(client, url) -> list:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return queries.captured_queries


def test_register_empty_state(board_member_client):
    response = board_member_client.get(reverse("commissioning:contract_list"))
    assert "No contracts match these filters." in response.content.decode()


def test_pipeline_shows_a_contract_ending_in_four_months_and_starts_recommissioning(
    commissioner, commissioner_client
):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    contract = ContractFactory(
        reference="HBC-CYP-0101",
        end_date=timezone.localdate() + datetime.timedelta(days=122),
    )
    contract.service.priority_areas.add(area)
    page = commissioner_client.get(reverse("commissioning:pipeline")).content.decode()
    assert "Ending in 3 to 6 months" in page
    assert "HBC-CYP-0101" in page
    assert "Not started" in page
    url = reverse("commissioning:contract_recommission", args=[contract.pk])
    response = commissioner_client.post(url, {"priority_area": area.pk}, follow=True)
    assert "Re-commissioning of HBC-CYP-0101 started" in response.content.decode()
    activity = CommissioningActivity.objects.get()
    assert activity.recommissions == contract
    assert activity.lead_commissioner == commissioner
    page = commissioner_client.get(reverse("commissioning:pipeline")).content.decode()
    assert "Under way" in page


def test_board_member_cannot_start_recommissioning(board_member_client):
    contract = ContractFactory()
    url = reverse("commissioning:contract_recommission", args=[contract.pk])
    assert board_member_client.get(url).status_code == 403
    assert board_member_client.post(url, {}).status_code == 403
    assert not CommissioningActivity.objects.exists()


def test_lead_records_a_review_and_its_decision_needs_a_date(commissioner_client, led_activity):
    contract = ContractFactory(activity=led_activity)
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    data = {
        "date": "2026-11-01",
        "performance_rag": "amber",
        "outcomes_achieved": "Most outcomes met",
        "value_for_money": "adequate",
        "decision": "continue",
        "decision_date": "",
        "version": contract.version,
    }
    refused = commissioner_client.post(url, data)
    assert "Give the date of the decision." in refused.content.decode()
    assert not ContractReview.objects.exists()
    data["decision_date"] = "2026-11-02"
    assert commissioner_client.post(url, data).status_code == 302
    assert ContractReview.objects.get().decision == "continue"


def test_board_member_cannot_review(board_member_client):
    contract = ContractFactory()
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    assert board_member_client.post(url, {}).status_code == 403


def test_provider_directory_and_detail_show_money_in_pounds(board_member_client):
    provider = ProviderFactory(name="Cheshire and Wirral Partnership NHS Trust")
    ContractFactory(provider=provider, annual_value=Decimal("2350000"))
    page = board_member_client.get(reverse("commissioning:provider_list")).content.decode()
    assert "Cheshire and Wirral Partnership NHS Trust" in page
    assert "£2,350,000" in page
    detail = board_member_client.get(provider.get_absolute_url()).content.decode()
    assert "£2,350,000" in detail


def test_register_filters_by_co_commissioner_and_paginates(board_member_client):
    partner = OrganisationFactory(short_name="NHS Vale Royal CCG")
    for n in range(30):
        ContractFactory(reference=f"P-{n:02d}", co_commissioners=[partner] if n < 27 else [])
    url = reverse("commissioning:contract_list")
    response = board_member_client.get(url, {"organisation": partner.pk})
    page = response.content.decode()
    assert "27 contracts" in page
    assert "Page 1 of 2" in page
    assert "P-27" not in page


def test_home_page_lists_the_commissioning_tasks(commissioner_client, board_member_client):
    commissioner_home = commissioner_client.get(reverse("home")).content.decode()
    assert "Move commissioning activities round the cycle" in commissioner_home
    assert reverse("commissioning:pipeline") in commissioner_home
    board_home = board_member_client.get(reverse("home")).content.decode()
    assert "See the commissioning cycle and contracts" in board_home


def test_navigation_links_the_three_sections(board_member_client):
    page = board_member_client.get(reverse("commissioning:provider_list")).content.decode()
    for name in ("cycle_board", "contract_list", "provider_list"):
        assert f'href="{reverse(f"commissioning:{name}")}"' in page


def test_an_activitys_own_lead_saves_it_under_a_priority_they_do_not_lead(
    commissioner, commissioner_client
):
    """The edit form offered only led priorities, so the activity's own lead could not save."""
    organisation = OrganisationFactory()
    activity = ActivityFactory(
        lead_commissioner=commissioner, commissioning_organisations=[organisation]
    )
    url = reverse("commissioning:activity_update", args=[activity.pk])
    form = commissioner_client.get(url).context["form"]
    data = {
        **_activity_form(activity.priority_area, commissioner, organisation, title="Kept"),
        "version": form["version"].value(),
        "snapshot": form["snapshot"].value(),
        "status": "active",
    }
    assert commissioner_client.post(url, data).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Kept"


def test_provider_directory_active_filter_says_any_active_only_and_inactive_only(
    board_member_client,
):
    """The directory's "Active" filter offered Django's "Unknown / Yes / No"."""
    ProviderFactory(name="Still trading")
    ProviderFactory(name="Closed down", is_active=False)
    url = reverse("commissioning:provider_list")
    page = board_member_client.get(url).content.decode()
    assert '<option value="unknown" selected>Any</option>' in page
    assert '<option value="true">Active only</option>' in page
    assert '<option value="false">Inactive only</option>' in page
    assert "Unknown" not in page
    inactive = board_member_client.get(url, {"is_active": "false"}).content.decode()
    assert "Closed down" in inactive and "Still trading" not in inactive
