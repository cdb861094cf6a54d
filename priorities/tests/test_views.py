"""The priorities pages: who may see and change what, and what they show."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.tests.factories import CommissionerFactory, PartnershipFactory
from priorities import services
from priorities.models import ProgressUpdate
from priorities.tests.factories import (
    ActionFactory,
    ComparatorFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
)
from priorities.tests.helpers import action_post, new_action_post
from priorities.views.frameworks import PLAN_PAGE_SIZE

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def led_area(commissioner):
    """A priority area the `commissioner` fixture leads."""
    return PriorityAreaFactory(lead_commissioners=[commissioner], title="Children in Care")


@pytest.fixture
def led_action(led_area):
    return ActionFactory(priority_area=led_area, title="Scale-up the Edge of Care Team")


def _progress_post(**overrides) -> dict:
    """An update the form takes as it is: a factory action is a third of the way from its start
    to its due date, and 20 % is 13 points behind that line, so Amber is the suggested RAG."""
    today = timezone.localdate()
    return {
        "date": today.isoformat(),
        "rag": "amber",
        "percent_complete": "20",
        "narrative": "Training delivered to two of three localities.",
    } | overrides


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# Reading: every role reads, and the pages show the plan.


def test_anonymous_visitor_is_sent_to_sign_in(client, led_action):
    response = client.get(reverse("priorities:action_detail", args=[led_action.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_user_without_role_is_refused(user_without_role, client, led_action):
    client.force_login(user_without_role)
    assert client.get(reverse("priorities:framework_list")).status_code == 403


def test_framework_list_counts_priorities_actions_and_overdue(board_member_client, led_area):
    ActionFactory(priority_area=led_area, overdue=True)
    ActionFactory(priority_area=led_area)
    page = board_member_client.get(reverse("priorities:framework_list")).content.decode()
    assert escape(led_area.framework.title) in page
    assert "Review overdue" in page  # the factory's review date is in 2021
    assert "1 overdue" in page


def test_framework_overview_shows_rag_mix_overdue_and_latest_indicator(
    board_member_client, led_area, commissioner
):
    action = ActionFactory(priority_area=led_area, overdue=True)
    services.progress_update_add(
        action=action, author=commissioner, rag="red", percent_complete=10, narrative="Stuck."
    )
    indicator = IndicatorFactory(priority_area=led_area, name="Good level of development")
    IndicatorValueFactory(indicator=indicator, period_label="2013", value=37)
    IndicatorValueFactory(indicator=indicator, period_label="2017", value=61, england=71)
    response = board_member_client.get(led_area.framework.get_absolute_url())
    page = response.content.decode()
    assert "Children in Care" in page
    overview = response.context["priority_areas"][0]
    assert (overview.red_count, overview.overdue_count, overview.action_count) == (1, 1, 1)
    assert "1 overdue" in page
    assert f"?priority_area={led_area.pk}&amp;overdue=true" in page
    assert "Good level of development: " in page and "<strong>61%</strong>" in page
    assert "England 71" in page and "Worse than England" in page


def test_board_member_reads_a_priority_without_edit_links(board_member_client, led_action):
    objective = ObjectiveFactory(priority_area=led_action.priority_area, text="Keep families")
    led_action.objective = objective
    led_action.save()
    response = board_member_client.get(led_action.priority_area.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "To improve outcomes for children in care" in page
    assert "Keep families" in page and "Scale-up the Edge of Care Team" in page
    assert "Add an action" not in page and "Import actions" not in page
    assert "Export plan (XLSX)" in page


def test_priority_plan_groups_actions_by_objective_and_counts_their_rag(
    board_member_client, led_area
):
    first = ObjectiveFactory(priority_area=led_area, text="Keep families together", order=1)
    second = ObjectiveFactory(priority_area=led_area, text="Find more foster carers", order=2)
    ActionFactory(
        priority_area=led_area, objective=second, title="Recruit carers", latest_rag="red"
    )
    ActionFactory(priority_area=led_area, objective=first, title="Edge of care", latest_rag="red")
    ActionFactory(priority_area=led_area, objective=first, title="Family group", latest_rag="")
    ActionFactory(priority_area=led_area, title="Review the plan")
    response = board_member_client.get(led_area.get_absolute_url())
    page = response.content.decode()
    objectives = {o.text: o for o in response.context["priority_area"].objectives.all()}
    assert objectives["Keep families together"].action_count == 2
    assert objectives["Keep families together"].red_count == 1
    assert objectives["Find more foster carers"].red_count == 1
    # Plan order: the first objective's actions, the second's, then the priority-wide ones.
    order = [page.index(title) for title in ("Edge of care", "Recruit carers", "Review the plan")]
    assert order == sorted(order)
    assert page.index("Objective: Keep families together") < page.index("Edge of care")
    assert "For the priority as a whole" in page


def test_priority_plan_is_paged(board_member_client, led_area, today):
    for n in range(PLAN_PAGE_SIZE + 2):
        ActionFactory(priority_area=led_area, title=f"Plan step {n:02d}", due_date=today)
    url = led_area.get_absolute_url()
    first = board_member_client.get(url)
    assert len(first.context["plan"]) == PLAN_PAGE_SIZE
    assert f"page 1 of 2 ({PLAN_PAGE_SIZE + 2} actions)" in first.content.decode()
    last = board_member_client.get(url, {"page": 2}).content.decode()
    assert "Plan step 26" in last and "Plan step 00" not in last
    # A page number past the end, or not a number, shows a page rather than an error.
    assert board_member_client.get(url, {"page": 99}).status_code == 200
    assert board_member_client.get(url, {"page": "x"}).status_code == 200


def test_priority_without_actions_says_so(board_member_client, led_area):
    page = board_member_client.get(led_area.get_absolute_url()).content.decode()
    assert "No actions in this priority's plan yet." in page


def test_lead_commissioner_sees_edit_links_on_the_priority(commissioner_client, led_area):
    page = commissioner_client.get(led_area.get_absolute_url()).content.decode()
    assert "Add an action" in page and "Import actions" in page


def test_action_page_shows_the_timeline_newest_first_and_sample_marks(
    board_member_client, led_action, commissioner, today
):
    services.progress_update_add(
        action=led_action,
        author=commissioner,
        rag="red",
        percent_complete=10,
        narrative="Key post vacant.",
        date=today - datetime.timedelta(days=90),
        is_sample=True,
    )
    services.progress_update_add(
        action=led_action,
        author=commissioner,
        rag="green",
        percent_complete=70,
        narrative="KPIs met.",
    )
    page = board_member_client.get(led_action.get_absolute_url()).content.decode()
    assert page.index("KPIs met.") < page.index("Key post vacant.")
    assert "Sample data" in page
    assert "Green · 70%" in page  # RAG in words, not colour alone
    assert "Log progress" not in page and "Edit action" not in page


def test_overdue_action_page_says_so(board_member_client):
    action = ActionFactory(overdue=True)
    page = board_member_client.get(action.get_absolute_url()).content.decode()
    assert "Overdue" in page and "is not complete" in page


def test_action_list_filters_and_paginates(board_member_client):
    area = PriorityAreaFactory()
    for number in range(30):
        ActionFactory(priority_area=area, title=f"Routine action {number}")
    ActionFactory(title="Commission a drama group", overdue=True)
    url = reverse("priorities:action_list")

    first_page = board_member_client.get(url)
    assert first_page.context["paginator"].count == 31
    assert len(first_page.context["actions"]) == 25
    assert "Page 1 of 2" in first_page.content.decode()

    overdue = board_member_client.get(url, {"overdue": "true"})
    assert [a.title for a in overdue.context["actions"]] == ["Commission a drama group"]

    searched = board_member_client.get(url, {"q": "drama"})
    assert [a.title for a in searched.context["actions"]] == ["Commission a drama group"]

    by_area = board_member_client.get(url, {"priority_area": area.pk, "sort": "-title"})
    assert by_area.context["actions"][0].title == "Routine action 9"


def test_action_list_filters_by_rag(board_member_client, commissioner):
    rated = ActionFactory(title="Rated")
    ActionFactory(title="Not rated")
    services.progress_update_add(
        action=rated, author=commissioner, rag="amber", percent_complete=5, narrative="x"
    )
    url = reverse("priorities:action_list")
    amber = board_member_client.get(url, {"rag": "amber"})
    assert [a.title for a in amber.context["actions"]] == ["Rated"]
    none = board_member_client.get(url, {"rag": "none"})
    assert [a.title for a in none.context["actions"]] == ["Not rated"]


def test_action_list_empty_state(board_member_client):
    page = board_member_client.get(reverse("priorities:action_list"), {"q": "nothing"})
    assert "No actions match these filters." in page.content.decode()


def test_my_actions_lists_own_actions_overdue_first(commissioner_client, commissioner):
    ActionFactory(owner=commissioner, title="Due later")
    ActionFactory(owner=commissioner, title="Late one", overdue=True)
    ActionFactory(title="Someone else's")
    response = commissioner_client.get(reverse("priorities:my_actions"))
    assert [a.title for a in response.context["actions"]] == ["Late one", "Due later"]
    assert "1 of your actions is overdue" in response.content.decode()


def test_my_actions_empty_state(board_member_client):
    page = board_member_client.get(reverse("priorities:my_actions")).content.decode()
    assert "You do not own any actions yet." in page


# Logging progress.


def test_lead_commissioner_logs_progress(commissioner_client, led_action, commissioner):
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]), _progress_post()
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.author, update.rag, update.percent_complete) == (commissioner, "amber", 20)
    led_action.refresh_from_db()
    assert led_action.latest_rag == "amber"
    assert _messages(response) == ["Progress logged."]


def test_owner_who_does_not_lead_logs_progress(commissioner_client, commissioner):
    action = ActionFactory(owner=commissioner)
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[action.pk]), _progress_post()
    )
    assert response.status_code == 302
    assert action.progress_updates.count() == 1


def test_bad_progress_shows_the_error_and_saves_nothing(commissioner_client, led_action):
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]),
        _progress_post(percent_complete="150"),
    )
    assert response.status_code == 400
    assert "Percent complete must be between 0 and 100." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_board_member_cannot_log_progress(board_member_client, led_action):
    response = board_member_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]), _progress_post()
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_commissioner_who_neither_leads_nor_owns_cannot_log_progress(commissioner_client):
    action = ActionFactory()
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[action.pk]), _progress_post()
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_administrator_logs_progress_anywhere(administrator_client):
    action = ActionFactory()
    response = administrator_client.post(
        reverse("priorities:progress_create", args=[action.pk]), _progress_post()
    )
    assert response.status_code == 302
    assert action.progress_updates.count() == 1


def test_the_log_progress_form_suggests_a_rag_and_asks_why_it_is_overruled(
    commissioner_client, led_area, today
):
    """The suggestion for the latest percent on opening, for the one entered once posted; a RAG
    against it is refused without a word of why, kept with one, and shown in the history."""
    action = ActionFactory(
        priority_area=led_area,
        start_date=today - datetime.timedelta(days=120),
        due_date=today + datetime.timedelta(days=80),
    )
    services.progress_update_add(
        action=action,
        author=action.owner,
        rag="green",
        percent_complete=55,
        narrative="Pilot running in two areas.",
        date=today - datetime.timedelta(days=10),
    )
    opened = commissioner_client.get(action.get_absolute_url()).content.decode()
    assert (
        "Suggestion: Expected 60 % by today (day 120 of 200); logged 55 %: 5 points behind "
        "→ Amber." in opened
    )
    assert "Why this RAG, if not the suggested one" in opened

    url = reverse("priorities:progress_create", args=[action.pk])
    post = _progress_post(rag="amber", percent_complete="35", narrative="Key post vacant.")
    refused = commissioner_client.post(url, post)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Say why you chose Amber rather than the suggested Red." in page
    assert "logged 35 %: 25 points behind → Red." in page
    assert "Key post vacant." in page  # the input is kept
    assert action.progress_updates.count() == 1

    why = "The recruitment closes on Friday with three strong candidates."
    saved = commissioner_client.post(url, post | {"rag_override_reason": why})
    assert saved.status_code == 302
    update = action.progress_updates.first()
    assert (update.rag, update.percent_complete, update.rag_override_reason) == ("amber", 35, why)
    history = commissioner_client.get(action.get_absolute_url()).content.decode()
    assert f"Why Amber, not the suggested RAG:</span> {why}" in history


# Adding actions.


def test_lead_commissioner_adds_an_action(commissioner_client, led_area, commissioner):
    url = reverse("priorities:action_create", args=[led_area.pk])
    form_page = commissioner_client.get(url)
    assert form_page.status_code == 200
    assert "Add an action to Children in Care" in form_page.content.decode()
    response = commissioner_client.post(url, new_action_post(commissioner))
    action = led_area.actions.get()
    assert response["Location"] == action.get_absolute_url()
    assert action.title == "Develop a Children in care and care leavers data set"
    assert _messages(response) == [f"Action “{action.title}” added."]


def test_adding_an_action_due_before_start_saves_nothing(
    commissioner_client, led_area, commissioner, today
):
    response = commissioner_client.post(
        reverse("priorities:action_create", args=[led_area.pk]),
        new_action_post(commissioner, due_date=(today - datetime.timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 200
    assert "cannot be before the start date" in response.content.decode()
    assert not led_area.actions.exists()


@pytest.mark.parametrize("client_fixture", ["board_member_client", "commissioner_client"])
def test_others_cannot_add_actions(request, client_fixture, commissioner):
    area = PriorityAreaFactory()  # led by nobody
    client = request.getfixturevalue(client_fixture)
    url = reverse("priorities:action_create", args=[area.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, new_action_post(commissioner)).status_code == 403
    assert not area.actions.exists()


def test_administrator_adds_an_action_anywhere(administrator_client, administrator):
    area = PriorityAreaFactory()
    response = administrator_client.post(
        reverse("priorities:action_create", args=[area.pk]), new_action_post(administrator)
    )
    assert response.status_code == 302
    assert area.actions.count() == 1


# Editing actions, and no silent overwrite.


def _edit(client, action, **overrides):
    url = reverse("priorities:action_update", args=[action.pk])
    form = client.get(url).context["form"]
    data = action_post(action, **overrides)
    data["version"] = form.fields["version"].initial
    data["snapshot"] = form.fields["snapshot"].initial
    return url, data


def test_lead_commissioner_edits_an_action(commissioner_client, led_action):
    url, data = _edit(commissioner_client, led_action, title="Scale-up the Edge of Care Team (2)")
    response = commissioner_client.post(url, data)
    assert response.status_code == 302
    led_action.refresh_from_db()
    assert (led_action.title, led_action.version) == ("Scale-up the Edge of Care Team (2)", 2)


def test_board_member_cannot_edit(board_member_client, led_action):
    url = reverse("priorities:action_update", args=[led_action.pk])
    assert board_member_client.get(url).status_code == 403
    assert board_member_client.post(url, action_post(led_action, title="x")).status_code == 403
    led_action.refresh_from_db()
    assert led_action.title == "Scale-up the Edge of Care Team"


def test_commissioner_who_neither_leads_nor_owns_cannot_edit(commissioner_client):
    action = ActionFactory(title="Theirs")
    url = reverse("priorities:action_update", args=[action.pk])
    assert commissioner_client.get(url).status_code == 403
    assert commissioner_client.post(url, action_post(action, title="Mine")).status_code == 403
    action.refresh_from_db()
    assert action.title == "Theirs"


def test_administrator_edits_any_action(administrator_client):
    action = ActionFactory()
    url, data = _edit(administrator_client, action, stage="review")
    assert administrator_client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.stage == "review"


def test_stale_edit_is_refused_shows_changes_and_keeps_input(
    commissioner_client, administrator_client, led_action
):
    url, mine = _edit(commissioner_client, led_action, description="My careful rewording")
    _, theirs = _edit(administrator_client, led_action, title="Renamed by the administrator")
    due = led_action.due_date + datetime.timedelta(days=7)  # never the date it had
    theirs["due_date"] = due.isoformat()
    assert administrator_client.post(url, theirs).status_code == 302

    response = commissioner_client.post(url, mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: someone else saved this action" in page
    assert "Renamed by the administrator" in page and f"{due:%-d %B %Y}" in page
    assert "My careful rewording" in page  # the user's input is kept
    led_action.refresh_from_db()
    assert led_action.title == "Renamed by the administrator"
    assert led_action.description != "My careful rewording"
    assert response.context["conflict_changes"] == [
        ("Title", "Renamed by the administrator"),
        ("Due date", f"{due:%-d %B %Y}"),
    ]

    # Saving again from the re-rendered form is a knowing overwrite, and succeeds.
    kept = response.context["form"]
    again = dict(mine, version=kept["version"].value(), snapshot=kept["snapshot"].value())
    assert commissioner_client.post(url, again).status_code == 302
    led_action.refresh_from_db()
    assert led_action.description == "My careful rewording"


def test_edit_without_a_version_is_refused(commissioner_client, led_action):
    url = reverse("priorities:action_update", args=[led_action.pk])
    response = commissioner_client.post(url, action_post(led_action, title="No version"))
    assert response.status_code == 409
    assert response.context["conflict_changes"] == [("Title", "Scale-up the Edge of Care Team")]
    led_action.refresh_from_db()
    assert led_action.title == "Scale-up the Edge of Care Team"


# Recording indicator values.


def _value_post(**overrides) -> dict:
    return {
        "period_label": "2018",
        "period_end": "2018-08-31",
        "value": "64",
        "note": "",
    } | overrides


def test_lead_commissioner_records_an_indicator_value(commissioner_client, led_area):
    indicator = IndicatorFactory(priority_area=led_area, name="Good level of development")
    assert "Record a value" in commissioner_client.get(led_area.get_absolute_url()).content.decode()
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    assert commissioner_client.get(url).status_code == 200
    response = commissioner_client.post(url, _value_post())
    assert response.status_code == 302
    value = indicator.values.get()
    assert (value.period_label, str(value.value)) == ("2018", "64.00")
    assert not indicator.comparator_values.exists(), "no comparator in use, none recorded"


def test_the_value_form_takes_each_comparators_value_for_the_same_period(
    commissioner_client, led_area
):
    partnership = led_area.framework.partnership
    england = ComparatorFactory(partnership=partnership, order=1)
    region = ComparatorFactory(partnership=partnership, kind="region", name="North West", order=2)
    ComparatorFactory(partnership=partnership, kind="other", name="Wales", is_active=False)
    ComparatorFactory(partnership=PartnershipFactory(short_name="West Cheshire"), name="Elsewhere")
    indicator = IndicatorFactory(priority_area=led_area, name="Good level of development")
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    form = commissioner_client.get(url).content.decode()
    assert "England&#x27;s value for the same period" in form
    assert "North West&#x27;s value for the same period" in form
    assert "Wales" not in form and "Elsewhere" not in form, "only this partnership's in use"

    bad = commissioner_client.post(url, _value_post(**{f"comparator_{england.pk}": "lots"}))
    assert bad.status_code == 200 and "Enter a number." in bad.content.decode()
    assert not indicator.values.exists()

    response = commissioner_client.post(
        url,
        _value_post(
            value="69", **{f"comparator_{england.pk}": "71.5", f"comparator_{region.pk}": ""}
        ),
    )
    assert response.status_code == 302
    held = indicator.comparator_values.get()
    assert (held.comparator, held.period_label, str(held.value)) == (england, "2018", "71.50")
    assert held.period_end.isoformat() == "2018-08-31"
    page = commissioner_client.get(led_area.get_absolute_url()).content.decode()
    assert "<strong>69</strong> (2018)" in page and "England: 71.5" in page
    assert "Worse than England" in page
    assert "Amber" in page, "2.5 below England, within 5% of 71.5"


def test_second_value_for_a_period_is_refused(commissioner_client, led_area):
    indicator = IndicatorFactory(priority_area=led_area)
    IndicatorValueFactory(indicator=indicator, period_label="2018")
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    response = commissioner_client.post(url, _value_post(value="99"))
    assert "already has a value for 2018" in response.content.decode()
    assert indicator.values.count() == 1


@pytest.mark.parametrize("client_fixture", ["board_member_client", "commissioner_client"])
def test_others_cannot_record_indicator_values(request, client_fixture):
    indicator = IndicatorFactory()  # its priority is led by nobody
    client = request.getfixturevalue(client_fixture)
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _value_post()).status_code == 403
    assert not indicator.values.exists()


def test_administrator_records_any_indicator_value(administrator_client):
    indicator = IndicatorFactory()
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    assert administrator_client.post(url, _value_post()).status_code == 302
    assert indicator.values.count() == 1


def test_action_page_offers_its_editors_the_log_progress_form(commissioner_client, led_action):
    page = commissioner_client.get(led_action.get_absolute_url()).content.decode()
    assert f'action="/priorities/actions/{led_action.pk}/progress/"' in page
    assert "Edit action" in page


def test_action_list_column_headers_sort_and_toggle(board_member_client):
    ActionFactory(title="Alpha")
    ActionFactory(title="Beta")
    url = reverse("priorities:action_list")
    page = board_member_client.get(url, {"status": "in_progress"}).content.decode()
    assert 'href="?status=in_progress&amp;sort=title"' in page
    sorted_page = board_member_client.get(url, {"sort": "title"})
    assert 'aria-sort="ascending"' in sorted_page.content.decode()
    assert 'href="?sort=-title"' in sorted_page.content.decode()
    descending = board_member_client.get(url, {"sort": "-title"})
    assert [a.title for a in descending.context["actions"]] == ["Beta", "Alpha"]


# Objectives and indicators of a priority.


def test_lead_commissioner_adds_and_edits_an_objective(commissioner_client, led_area):
    page = commissioner_client.get(led_area.get_absolute_url()).content.decode()
    assert "Add an objective" in page
    response = commissioner_client.post(
        reverse("priorities:objective_create", args=[led_area.pk]),
        {"text": "Keep families supported to avoid Children going into Care", "order": "1"},
    )
    assert response["Location"] == f"{led_area.get_absolute_url()}#objectives"
    objective = led_area.objectives.get()
    commissioner_client.post(
        reverse("priorities:objective_update", args=[objective.pk]),
        {"text": "Keep families supported", "order": "2", "version": objective.version},
    )
    objective.refresh_from_db()
    assert (objective.text, objective.order) == ("Keep families supported", 2)


def test_lead_commissioner_adds_and_edits_an_indicator(commissioner_client, led_area):
    url = reverse("priorities:indicator_create", args=[led_area.pk])
    data = {
        "name": "Children in care placements out of borough",
        "definition": "",
        "unit": "count",
        "polarity": "lower",
        "target": "150",
        "source": "Local data",
        "publication_frequency": "annual",
        "publication_lag_days": "90",
        "order": "1",
    }
    assert commissioner_client.post(url, data).status_code == 302
    indicator = led_area.indicators.get()
    duplicate = commissioner_client.post(
        url, data | {"name": "children in care placements OUT of borough"}
    )
    assert "already has an indicator with this name" in duplicate.content.decode()
    commissioner_client.post(
        reverse("priorities:indicator_update", args=[indicator.pk]),
        data | {"target": "120", "version": indicator.version},
    )
    indicator.refresh_from_db()
    assert (led_area.indicators.count(), indicator.target) == (1, 120)


@pytest.mark.parametrize("client_fixture", ["board_member_client", "commissioner_client"])
def test_others_cannot_change_objectives_or_indicators(request, client_fixture):
    objective = ObjectiveFactory(text="Unchanged")
    indicator = IndicatorFactory(name="Unchanged")
    area = PriorityAreaFactory()
    client = request.getfixturevalue(client_fixture)
    for url, data in (
        (reverse("priorities:objective_create", args=[area.pk]), {"text": "x", "order": 1}),
        (reverse("priorities:objective_update", args=[objective.pk]), {"text": "x", "order": 1}),
        (reverse("priorities:indicator_create", args=[area.pk]), {"name": "x"}),
        (reverse("priorities:indicator_update", args=[indicator.pk]), {"name": "x"}),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    objective.refresh_from_db()
    indicator.refresh_from_db()
    assert (objective.text, indicator.name) == ("Unchanged", "Unchanged")
    assert not area.objectives.exists() and not area.indicators.exists()


def test_administrator_changes_any_objective(administrator_client):
    objective = ObjectiveFactory()
    response = administrator_client.post(
        reverse("priorities:objective_update", args=[objective.pk]),
        {"text": "Reworded", "order": 1, "version": objective.version},
    )
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.text == "Reworded"


def test_an_objective_edit_without_its_version_is_refused_as_stale(administrator_client):
    objective = ObjectiveFactory(text="As it was")
    response = administrator_client.post(
        reverse("priorities:objective_update", args=[objective.pk]), {"text": "Blind", "order": 1}
    )
    assert response.status_code == 409
    assert response.context["form"]["text"].value() == "Blind"
    objective.refresh_from_db()
    assert objective.text == "As it was"


@pytest.mark.parametrize("page", ["99", "not-a-number"])
def test_a_page_out_of_range_shows_the_nearest_page(board_member_client, page):
    for number in range(30):
        ActionFactory(title=f"Action {number:02}")
    response = board_member_client.get(reverse("priorities:action_list"), {"page": page})
    assert response.status_code == 200
    expected = 2 if page == "99" else 1
    assert f"Page {expected} of 2" in response.content.decode()


# Navigation and the home page.


def test_home_and_navigation_lead_each_role_to_the_priorities(
    commissioner_client, board_member_client, user_without_role, client
):
    commissioner_home = commissioner_client.get(reverse("home")).content.decode()
    assert f'href="{reverse("priorities:my_actions")}">See my actions</a>' in commissioner_home
    board_home = board_member_client.get(reverse("home")).content.decode()
    assert f'href="{reverse("priorities:framework_list")}">Read the priorities</a>' in board_home
    assert ">My actions</a>" in board_home  # in the navigation bar
    client.force_login(user_without_role)
    assert ">Priorities</a>" not in client.get(reverse("home")).content.decode()


def test_log_progress_form_preselects_no_rag_and_shows_the_last_one_as_a_hint(
    commissioner_client, led_action, today
):
    """The form preselected the last RAG, so a hurried update carried amber forward unread."""
    services.progress_update_add(
        action=led_action,
        author=led_action.owner,
        rag="amber",
        percent_complete=35,
        narrative="x",
        date=datetime.date(today.year - 1, 11, 3),
    )
    response = commissioner_client.get(led_action.get_absolute_url())
    form = response.context["progress_form"]
    assert (form["rag"].value(), form["percent_complete"].value()) == (None, 35)
    page = response.content.decode()
    assert f"Last update: Amber on 3 November {today.year - 1}." in page
    assert 'value="amber" checked' not in page and "checked" not in page


def test_an_update_without_a_rag_says_choose_a_rag_status(commissioner_client, led_action):
    """An update posted without a RAG gave Django's bare "This field is required." message."""
    post = _progress_post()
    del post["rag"]
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]), post
    )
    assert response.status_code == 400
    assert "Choose a RAG status." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_the_rag_radio_group_carries_no_action_attribute(commissioner_client, led_action):
    """The form helper's form_action leaked into the RAG radio group as <div action=...>."""
    page = commissioner_client.get(led_action.get_absolute_url()).content.decode()
    assert set(re.findall(r"<(\w+)\s[^>]*\baction=", page)) == {"form"}
    assert f'<form method="post" action="/priorities/actions/{led_action.pk}/progress/">' in page


def test_a_progress_update_closes_the_action(commissioner_client, led_action, commissioner):
    """Closing an action needed "Edit action": a progress update could not set the status."""
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]),
        _progress_post(
            status="complete", version=led_action.version, rag="green", percent_complete="100"
        ),
    )
    assert response.status_code == 302
    assert _messages(response) == ["Progress logged; the action is now complete."]
    led_action.refresh_from_db()
    saved = (led_action.status, led_action.version, led_action.latest_rag)
    assert saved == ("complete", 2, "green")
    assert led_action.history.first().history_user == commissioner
    page = commissioner_client.get(led_action.get_absolute_url()).content.decode()
    assert "Status changed from In progress to Complete." in page


def test_cancelling_by_a_progress_update_needs_a_reason(commissioner_client, led_action):
    """Cancelling through the progress form must give a reason, as the edit form asks."""
    url = reverse("priorities:progress_create", args=[led_action.pk])
    refused = commissioner_client.post(
        url, _progress_post(status="cancelled", version=led_action.version)
    )
    assert refused.status_code == 400
    assert "Give the reason the action was cancelled." in refused.content.decode()
    assert not ProgressUpdate.objects.exists()
    led_action.refresh_from_db()
    assert led_action.status == "in_progress"

    done = commissioner_client.post(
        url,
        _progress_post(
            status="cancelled", cancellation_reason="Funding withdrawn.", version=led_action.version
        ),
    )
    assert done.status_code == 302
    led_action.refresh_from_db()
    assert led_action.status == "cancelled"
    assert led_action.cancellation_reason == "Funding withdrawn."
    page = commissioner_client.get(led_action.get_absolute_url()).content.decode()
    assert "Why cancelled: Funding withdrawn." in page


def test_a_status_change_over_one_made_meanwhile_is_refused_and_keeps_the_input(
    commissioner_client, led_action
):
    """A progress update's status change must not silently overwrite another person's edit."""
    seen = led_action.version
    services.action_update(action=led_action, data={"status": "not_started"}, expected_version=seen)
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]),
        _progress_post(status="complete", version=seen, narrative="All sessions delivered."),
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "someone else changed this action" in page and "All sessions delivered." in page
    assert not ProgressUpdate.objects.exists()
    led_action.refresh_from_db()
    assert led_action.status == "not_started"
    assert response.context["progress_form"]["version"].value() == led_action.version


def test_a_progress_update_that_keeps_the_status_ignores_a_stale_version(
    commissioner_client, led_action
):
    """Logging progress alone must not be refused because someone edited the action's title."""
    services.action_update(action=led_action, data={"title": "Renamed"}, expected_version=1)
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]),
        _progress_post(status="in_progress", version=1),
    )
    assert response.status_code == 302
    led_action.refresh_from_db()
    assert (led_action.version, led_action.progress_updates.count()) == (2, 1)


def test_action_timeline_merges_status_owner_and_due_date_changes_newest_first(
    board_member_client, commissioner_client, led_action, commissioner, clock, today
):
    """The action's timeline showed progress only, not the status, owner or due date changes."""
    ann = CommissionerFactory(first_name="Ann", last_name="Smith")
    bob = CommissionerFactory(first_name="Bob", last_name="Jones")
    first_owner = led_action.owner.get_full_name()
    services.action_update(action=led_action, data={"owner": ann}, expected_version=1)
    clock.shift(datetime.timedelta(minutes=5))
    services.progress_update_add(
        action=led_action, author=ann, rag="amber", percent_complete=20, narrative="Started."
    )
    clock.shift(datetime.timedelta(minutes=5))
    led_action.refresh_from_db()
    edit = reverse("priorities:action_update", args=[led_action.pk])
    edited = commissioner_client.post(edit, action_post(led_action, owner=bob.pk, version=2))
    assert edited.status_code == 302
    clock.shift(datetime.timedelta(minutes=5))
    new_due = today + datetime.timedelta(days=200)
    old_due = led_action.due_date
    services.action_update(
        action=led_action, data={"due_date": new_due, "status": "not_started"}, expected_version=3
    )
    page = board_member_client.get(led_action.get_absolute_url()).content.decode()
    due = f"Due date changed from {old_due.day} {old_due:%B %Y} to {new_due.day} {new_due:%B %Y}."
    assert "Status changed from In progress to Not started." in page
    lines = [
        due,
        "Owner changed from Ann Smith to Bob Jones.",
        "Started.",
        f"Owner changed from {first_owner} to Ann Smith.",
    ]
    # As the page writes them: a generated name may hold an apostrophe (O'Brien).
    positions = [page.index(escape(line)) for line in lines]
    assert positions == sorted(positions)
    owner_change = page[page.index(lines[1]) :]
    assert escape(f"By {commissioner.get_full_name()}") in owner_change[:200]


def test_action_form_loads_its_script_from_a_file(commissioner_client, led_action):
    page = commissioner_client.get(
        reverse("priorities:action_update", args=[led_action.pk])
    ).content.decode()
    assert '<script src="/static/js/priorities.js"></script>' in page
    assert "<script>" not in page


def test_overdue_filter_says_any_overdue_only_and_not_overdue(board_member_client):
    """The Overdue filter offered Django's "Unknown / Yes / No", where Unknown meant any."""
    ActionFactory(title="Late one", overdue=True)
    ActionFactory(title="On time")
    url = reverse("priorities:action_list")
    page = board_member_client.get(url).content.decode()
    assert '<option value="unknown" selected>Any</option>' in page
    assert '<option value="true">Overdue only</option>' in page
    assert '<option value="false">Not overdue</option>' in page
    assert "Unknown" not in page
    not_overdue = board_member_client.get(url, {"overdue": "false"})
    assert [a.title for a in not_overdue.context["actions"]] == ["On time"]
    anything = board_member_client.get(url, {"overdue": "unknown"})
    assert len(anything.context["actions"]) == 2


def test_save_and_add_another_action_shows_the_empty_form_for_the_same_priority(
    commissioner_client, led_area, commissioner
):
    """The add-action form had no "save and add another": each action meant a trip back."""
    url = reverse("priorities:action_create", args=[led_area.pk])
    assert "Save and add another" in commissioner_client.get(url).content.decode()
    post = new_action_post(commissioner, title="Map the edge of care offer")
    response = commissioner_client.post(url, post | {"save_and_add_another": "1"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert _messages(response) == [
        "Action “Map the edge of care offer” added. Add the next one below."
    ]
    page = response.content.decode()
    assert "Add an action to Children in Care" in page
    assert response.context["form"]["title"].value() is None
    assert led_area.actions.get().title == "Map the edge of care offer"


def test_save_and_add_another_indicator_value_shows_the_empty_form_again(
    commissioner_client, led_area
):
    """The indicator value form had no "save and add another" for a run of periods."""
    indicator = IndicatorFactory(priority_area=led_area, name="Good level of development")
    url = reverse("priorities:indicator_value_create", args=[indicator.pk])
    assert "Save and add another" in commissioner_client.get(url).content.decode()
    response = commissioner_client.post(
        url, _value_post() | {"save_and_add_another": "1"}, follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    assert _messages(response) == [
        "Good level of development: 2018 value recorded. Record the next one below."
    ]
    assert "Record a value of “Good level of development”" in response.content.decode()
    assert response.context["form"]["period_label"].value() is None
    assert indicator.values.get().period_label == "2018"


def test_a_refused_progress_update_has_no_hidden_input_with_aria_attributes(
    commissioner_client, led_action
):
    """The date's hidden "initial-date" input carried aria-describedby once the form had errors."""
    response = commissioner_client.post(
        reverse("priorities:progress_create", args=[led_action.pk]), _progress_post(date="")
    )
    assert response.status_code == 400
    assert not re.findall(r'<input type="hidden"[^>]*aria-', response.content.decode())


def test_the_action_list_escapes_every_cell_it_writes(commissioner_client, commissioner):
    """The rows are written in Python (priorities/templatetags/action_rows.py), not a template."""
    area = PriorityAreaFactory(title="<b>Early help</b>")
    area.lead_commissioners.add(commissioner)
    owner = CommissionerFactory(first_name="<i>Ann</i>", last_name="O'Brien")
    title = '<script>alert("x")</script>'
    ActionFactory(
        title=title,
        priority_area=area,
        owner=owner,
        lead_organisation__short_name="<u>HBC</u>",
    )
    page = commissioner_client.get(reverse("priorities:action_list")).content.decode()
    assert "<script>alert" not in page
    assert f"Select “{escape(title)}”" in page
    assert escape("<b>Early help</b>") in page
    assert escape("<i>Ann</i> O'Brien") in page
    assert escape("<u>HBC</u>") in page
    for raw in ("<b>Early", "<i>Ann", "<u>HBC"):
        assert raw not in page
