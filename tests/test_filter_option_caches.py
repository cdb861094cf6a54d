"""The list pages' filter panels cache their options (core.cached_options): an edit to a table
they read shows on the next request, the request's own selection is marked whatever the cache
holds, and a page whose options are cached reads none of their tables."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commissioning.tests.factories import ActivityFactory, ContractFactory, ProviderFactory
from core import cache_versions
from core.tests.factories import CommissionerFactory
from governance.tests.factories import BoardFactory
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory
from priorities.tests.factories import ActionFactory, OrganisationFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.uses_cache]


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_renamed_organisation_shows_in_the_action_filter_on_the_next_request(
    commissioner_client,
):
    organisation = OrganisationFactory(name="Halton Borough Council")
    ActionFactory(lead_organisation=organisation)
    url = reverse("priorities:action_list")
    assert f'<option value="{organisation.pk}">Halton Borough Council</option>' in _page(
        commissioner_client, url
    )

    organisation.name = "Halton Council"
    organisation.save()

    page = _page(commissioner_client, url)
    assert f'<option value="{organisation.pk}">Halton Council</option>' in page
    assert "Halton Borough Council" not in page


def test_a_new_owner_shows_in_the_action_filter_on_the_next_request(commissioner_client):
    url = reverse("priorities:action_list")
    ActionFactory()
    _page(commissioner_client, url)
    owner = CommissionerFactory(first_name="Priya", last_name="Okafor")

    ActionFactory(owner=owner)

    assert f'<option value="{owner.pk}">Priya Okafor</option>' in _page(commissioner_client, url)


def test_the_chosen_option_is_marked_for_its_request_only(commissioner_client):
    area = PriorityAreaFactory(title="Emotional health")
    ActionFactory(priority_area=area)
    url = reverse("priorities:action_list")
    _page(commissioner_client, url)  # options cached with nothing chosen

    chosen = _page(commissioner_client, f"{url}?priority_area={area.pk}")
    again = _page(commissioner_client, url)

    assert f'<option value="{area.pk}" selected>Emotional health' in chosen
    assert (
        '<option value="" selected>---------</option>'
        not in chosen.split('name="priority_area"')[1].split("</select>")[0]
    )
    assert f'<option value="{area.pk}" selected>' not in again
    assert f'<option value="{area.pk}">Emotional health' in again


def test_a_cached_action_filter_reads_none_of_its_option_tables(commissioner_client):
    ActionFactory()
    url = reverse("priorities:action_list")
    rendering = _queries(commissioner_client, url)

    cached = _queries(commissioner_client, url)

    # Framework, priority, owner and organisation: four queries the panel no longer makes.
    assert cached == rendering - 4


def test_a_renamed_provider_shows_in_the_contracts_filter_on_the_next_request(
    commissioner_client,
):
    provider = ProviderFactory(name="Wirral Play Trust")
    ContractFactory(provider=provider)
    url = reverse("commissioning:contract_list")
    assert "Wirral Play Trust</option>" in _page(commissioner_client, url)

    provider.name = "Wirral Play and Youth Trust"
    provider.save()

    assert f'<option value="{provider.pk}">Wirral Play and Youth Trust</option>' in _page(
        commissioner_client, url
    )


def test_a_renamed_priority_shows_in_the_cycle_board_filter_on_the_next_request(
    commissioner_client,
):
    area = PriorityAreaFactory(title="Early help")
    ActivityFactory(priority_area=area)
    url = reverse("commissioning:cycle_board")
    assert f'<option value="{area.pk}">Early help</option>' in _page(commissioner_client, url)

    area.title = "Early help and prevention"
    area.save()

    assert f'<option value="{area.pk}">Early help and prevention</option>' in _page(
        commissioner_client, url
    )


def test_a_renamed_group_shows_in_the_participation_filter_on_the_next_request(
    board_member_client,
):
    group = StakeholderGroupFactory(name="Youth Parliament")
    ParticipationRecordFactory(groups=[group])
    url = reverse("participation:record_list")
    assert f'<option value="{group.pk}">Youth Parliament</option>' in _page(
        board_member_client, url
    )

    group.name = "Youth Cabinet"
    group.save()

    assert f'<option value="{group.pk}">Youth Cabinet</option>' in _page(board_member_client, url)


def test_a_bump_moves_every_key_that_reads_the_table():
    before = cache_versions.versioned_key("panel", "providers", "users", extra=("x",))
    users_before = cache_versions.version("users")
    providers_before = cache_versions.version("providers")

    cache_versions.bump("providers")

    after = cache_versions.versioned_key("panel", "providers", "users", extra=("x",))
    assert before != after
    assert cache_versions.version("providers") > providers_before
    assert cache_versions.version("users") == users_before
    # The extra part (hashed, as it may be any length) is the same: only the version moved.
    assert after.rsplit(":", 1)[1] == before.rsplit(":", 1)[1]
    assert after != cache_versions.versioned_key("panel", "providers", "users", extra=("y",))


def test_a_renamed_board_shows_in_the_decisions_log_filter_on_the_next_request(
    board_member_client,
):
    board = BoardFactory(name="Children's Trust Board")
    url = reverse("governance:decision_log")
    assert f'<option value="{board.pk}">Children&#x27;s Trust Board</option>' in _page(
        board_member_client, url
    )
    cached = _queries(board_member_client, url)

    board.name = "Children and Young People's Board"
    board.save()

    page = _page(board_member_client, url)
    assert f'<option value="{board.pk}">Children and Young People&#x27;s Board</option>' in page
    assert "Children&#x27;s Trust Board" not in page
    assert _queries(board_member_client, url) == cached
    assert f'<option value="{board.pk}" selected>' in _page(
        board_member_client, f"{url}?board={board.pk}"
    )


def _panel(page: str) -> str:
    return page.split('<details class="filter-panel')[1].split("</details>")[0]


def test_the_whole_panel_is_kept_per_choice_and_not_per_page_number(rf, commissioner):
    from django.http import QueryDict

    from priorities.filters import ActionFilter

    request = rf.get("/")
    request.user = commissioner

    def key(query: str) -> str | None:
        return ActionFilter(data=QueryDict(query), request=request).panel_cache_key()

    assert key("") == key("page=3") == key("page=3&stray=1")
    assert key("status=in_progress") == key("page=2&status=in_progress")
    assert key("status=in_progress") != key("")
    assert key("status=in_progress") != key("status=complete")


def test_the_chosen_status_is_marked_in_a_cached_panel_for_its_query_only(commissioner_client):
    ActionFactory.create_batch(2)
    url = reverse("priorities:action_list")

    for _ in range(2):
        assert '<option value="in_progress" selected>' in _panel(
            _page(commissioner_client, f"{url}?status=in_progress")
        )
        assert '<option value="in_progress" selected>' not in _panel(
            _page(commissioner_client, f"{url}?page=1")
        )


def test_a_cached_panel_shows_its_errors_to_the_same_query_only(commissioner_client):
    ActionFactory()
    url = reverse("priorities:action_list")

    for _ in range(2):
        wrong = _panel(_page(commissioner_client, f"{url}?due_after=31/02/2026"))
        assert "Enter a valid date." in wrong
        assert 'name="due_after" value="31/02/2026"' in wrong
    assert "Enter a valid date." not in _panel(_page(commissioner_client, url))


def test_a_panel_with_an_unnamed_table_is_never_cached(rf):
    from django.contrib.auth.models import AnonymousUser

    from priorities.filters import ActionFilter

    class Uncached(ActionFilter):
        option_tables = {"framework": ("frameworks",)}

    request = rf.get("/")
    request.user = AnonymousUser()
    assert Uncached(data={}, request=request).panel_cache_key() is None
    assert ActionFilter(data={}, request=request).panel_cache_key() is not None


def test_a_drop_downs_queryset_is_built_once_per_partnership_and_read_afresh(rf, commissioner):
    import django_filters

    from core.cached_options import CachedOptionsFilterSet
    from core.partnerships import scope
    from core.tests.factories import PartnershipFactory
    from governance.models import Organisation
    from priorities.models import Action

    built = []

    def organisations(request):
        built.append(request.user)
        return scope(Organisation.objects.all(), request.user).order_by("name")

    class Counted(CachedOptionsFilterSet):
        option_tables = {"lead_organisation": ("organisations",)}
        lead_organisation = django_filters.ModelChoiceFilter(queryset=organisations)

        class Meta:
            model = Action
            fields: list[str] = []

    request = rf.get("/")
    request.user = commissioner
    first = OrganisationFactory(name="Halton Borough Council")
    options = [
        label for _, label in Counted(request=request).form["lead_organisation"].field.choices
    ]
    assert "Halton Borough Council" in options

    OrganisationFactory(name="Riverside College")
    options = [
        label for _, label in Counted(request=request).form["lead_organisation"].field.choices
    ]
    assert built == [commissioner]
    assert {"Halton Borough Council", "Riverside College"} <= set(options)
    # A chosen value is still checked against the table, not a kept answer.
    chosen = Counted(data={"lead_organisation": str(first.pk)}, request=request)
    assert chosen.form.is_valid()

    other = CommissionerFactory(
        role__partnership=PartnershipFactory(name="West Cheshire", short_name="West Cheshire")
    )
    request.user = other
    theirs = [
        label for _, label in Counted(request=request).form["lead_organisation"].field.choices
    ]
    assert built == [commissioner, other]
    assert "Halton Borough Council" not in theirs
