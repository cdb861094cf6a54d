"""Search across everything: each kind is found by its words, only within the person's
partnership, for every role, in a fixed number of queries, whatever is typed."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from commissioning.tests.factories import ContractFactory
from core.tests.factories import (
    AdministratorFactory,
    BoardMemberFactory,
    CommissionerFactory,
    PartnershipFactory,
    default_partnership_as,
)
from core.tests.sign_in import sign_in
from priorities.tests.factories import ActionFactory
from reporting.search.engine import GROUP_SIZE, PAGE_SIZE, first_of_each_kind, words_of
from reporting.search.kinds import KINDS, KINDS_BY_SLUG
from reporting.tests.search_records import MAKERS, records_mentioning

pytestmark = pytest.mark.django_db

WORD = "Kaleidoscope"
SEARCH = reverse("search")


def _search(client: Client, **params):
    return client.get(SEARCH, params)


def _content(response) -> str:
    return response.content.decode()


def _found(response) -> dict[str, list[str]]:
    """The URLs of the results on the page of every kind, by kind."""
    found = response.context.get("found") or []
    return {group.kind.slug: [result.url for result in group.results] for group in found}


def test_every_kind_is_named_once_and_has_a_maker_here():
    assert [kind.slug for kind in KINDS] == list(MAKERS)
    assert len(KINDS_BY_SLUG) == len(KINDS)


@pytest.mark.parametrize("slug", list(MAKERS))
def test_each_kind_is_found_by_a_word_of_it(board_member_client, slug):
    record = MAKERS[slug](WORD)
    MAKERS[slug]("Lighthouse")  # another of its kind, without the word

    response = _search(board_member_client, q=WORD.lower())

    assert _found(response) == {slug: [record.get_absolute_url()]}
    assert escape(str(record)) in _content(response)


def test_every_word_must_appear(board_member_client):
    both = ActionFactory(title="Short breaks review", description="With the Parent Carer Forum")
    ActionFactory(title="Short breaks review", description="With the Youth Cabinet")

    response = _search(board_member_client, q="short breaks forum")

    assert _found(response) == {"actions": [both.get_absolute_url()]}


def test_another_partnerships_records_are_never_found():
    ours = records_mentioning(WORD)
    with default_partnership_as("West Cheshire"):
        theirs = records_mentioning(WORD)
        west_board_member = BoardMemberFactory()
    client = sign_in(Client(), BoardMemberFactory())

    found = _found(_search(client, q=WORD))
    theirs_found = _found(_search(sign_in(Client(), west_board_member), q=WORD))

    for slug in MAKERS:
        if slug == "providers":
            continue  # one directory every partnership shares, as on the provider pages
        assert found[slug] == [ours[slug][0].get_absolute_url()], slug
        assert theirs_found[slug] == [theirs[slug][0].get_absolute_url()], slug


def test_a_contract_shared_with_the_partnership_is_found_as_on_its_register():
    with default_partnership_as("West Cheshire"):
        shared = ContractFactory(title=f"Pan-Cheshire {WORD} service")
        ContractFactory(title=f"West Cheshire {WORD} service")
    shared.shared_with.add(PartnershipFactory())
    client = sign_in(Client(), BoardMemberFactory())

    assert _found(_search(client, q=WORD)) == {"contracts": [shared.get_absolute_url()]}


@pytest.mark.parametrize("factory", [CommissionerFactory, BoardMemberFactory, AdministratorFactory])
def test_every_role_finds_every_kind(factory):
    records_mentioning(WORD)
    client = sign_in(Client(), factory())

    assert sorted(_found(_search(client, q=WORD))) == sorted(MAKERS)


def test_someone_without_a_role_may_not_search(user_without_role):
    records_mentioning(WORD)
    client = sign_in(Client(), user_without_role)

    response = _search(client, q=WORD)

    assert response.status_code == 403
    assert WORD not in _content(response)


def test_the_navigation_bar_has_the_search_box_for_every_role(board_member_client):
    content = _content(board_member_client.get(reverse("home")))

    assert "jcm-nav-search" in content
    assert 'role="search" method="get" action="/search/"' in content
    assert '<label class="visually-hidden" for="nav-search-q">Search across everything' in content


def test_an_empty_search_shows_a_hint(board_member_client):
    response = _search(board_member_client)

    assert response.status_code == 200
    assert "Type a few words to find actions, priorities" in _content(response)
    assert "found" not in response.context


def test_a_search_that_finds_nothing_says_so(board_member_client):
    records_mentioning(WORD)

    response = _search(board_member_client, q="Lighthouse")

    assert "Nothing matches “Lighthouse”." in _content(response)


def test_the_search_is_echoed_escaped(board_member_client):
    response = _search(board_member_client, q="<script>alert('x')</script>")

    content = _content(response)
    assert "<script>alert(" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content


def test_a_search_too_long_is_refused_with_a_message(board_member_client):
    ActionFactory(title="a" * 250)

    response = _search(board_member_client, q="a" * 250)

    content = _content(response)
    assert "Search for at most 200 characters: this search has 250." in content
    assert "Nothing was searched" in content
    assert "found" not in response.context


def test_a_null_character_is_refused_with_a_message(board_member_client):
    response = _search(board_member_client, q="care\x00leavers")

    assert response.status_code == 200
    assert "this search holds a null character" in _content(response)


def test_each_kind_shows_ten_and_links_to_all_of_them(board_member_client):
    records_mentioning(WORD, times=GROUP_SIZE + 2)

    response = _search(board_member_client, q=WORD)

    groups = {group.kind.slug: group for group in response.context["found"]}
    shown = {slug: (group.count, len(group.results)) for slug, group in groups.items()}
    assert shown == dict.fromkeys(MAKERS, (GROUP_SIZE + 2, GROUP_SIZE))
    assert f'href="?q={WORD}&amp;kind=actions"' in _content(response)
    assert f"All {GROUP_SIZE + 2} actions matching “{WORD}”" in _content(response)


def test_a_kinds_own_page_lists_them_all_page_by_page(board_member_client):
    actions = [MAKERS["actions"](WORD) for _ in range(PAGE_SIZE + 3)]

    first = _search(board_member_client, q=WORD, kind="actions")
    last = _search(board_member_client, q=WORD, kind="actions", page="2")
    beyond = _search(board_member_client, q=WORD, kind="actions", page="99")

    assert len(first.context["results"]) == PAGE_SIZE
    assert first.context["page_obj"].paginator.count == PAGE_SIZE + 3
    assert {result.url for result in last.context["results"]} <= {
        action.get_absolute_url() for action in actions
    }
    assert len(last.context["results"]) == 3
    assert beyond.context["page_obj"].number == 2
    assert "Page 1 of 2" in _content(first)


def test_an_unknown_kind_searches_every_kind(board_member_client):
    records_mentioning(WORD)

    response = _search(board_member_client, q=WORD, kind="everything")

    assert sorted(_found(response)) == sorted(MAKERS)


def _query_count(client: Client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert _search(client, **params).status_code == 200
    return len(queries)


def test_the_queries_do_not_grow_with_the_results(board_member_client, django_assert_num_queries):
    """One query a kind, plus the fixed cost of a signed-in page, at one match or ten a kind."""
    overhead = _query_count(board_member_client)
    records_mentioning(WORD)
    once = _query_count(board_member_client, q=WORD)
    assert once <= overhead + len(KINDS)

    records_mentioning(WORD, times=9)
    with django_assert_num_queries(once):
        _search(board_member_client, q=WORD)


def test_a_kinds_own_page_costs_the_same_queries_at_ten_times_the_rows(
    board_member_client, django_assert_num_queries
):
    for slug in ("decisions", "contracts"):
        MAKERS[slug](WORD)
        once = _query_count(board_member_client, q=WORD, kind=slug)
        for _ in range(9):
            MAKERS[slug](WORD)
        with django_assert_num_queries(once):
            _search(board_member_client, q=WORD, kind=slug)


def test_words_ignore_quotes_minus_signs_and_repeats():
    assert words_of(' "short breaks" -CAMHS  short  \' - ') == ["short", "breaks", "CAMHS"]
    assert words_of("   ") == []


@pytest.mark.parametrize(
    "typed",
    ["&", "!", "a & | b", "(care", "care:*", "<->", "'", '"', "-", "''", "\\", "%", "_", "or"],
)
def test_what_breaks_a_text_search_query_finds_nothing_or_something(board_member_client, typed):
    records_mentioning(WORD)

    response = _search(board_member_client, q=typed)

    assert response.status_code == 200


TYPED = st.one_of(
    st.text(max_size=60),
    st.text(alphabet="&|!():*<->'\"\\%_ -é漢🙂‮\u200b", min_size=1, max_size=30),
    st.text(min_size=1, max_size=4).map(lambda chunk: chunk * 80),
)


@given(q=TYPED, kind=st.one_of(st.sampled_from(list(MAKERS)), st.text(max_size=10)), page=TYPED)
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_input_never_breaks_the_search(board_member_client, q, kind, page):
    response = _search(board_member_client, q=q, kind=kind, page=page)
    assert response.status_code == 200


def test_first_of_each_kind_keeps_to_the_persons_partnership():
    records_mentioning(WORD)
    with default_partnership_as("West Cheshire"):
        records_mentioning(WORD)
        west_commissioner = CommissionerFactory()

    counts = {group.kind.slug: group.count for group in first_of_each_kind(WORD, west_commissioner)}

    # Providers are shared: both partnerships' are found.
    assert counts == {slug: 2 if slug == "providers" else 1 for slug in MAKERS}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_postgresql_stems_words_and_ranks_titles_first(board_member_client):
    in_description = ActionFactory(title="Review the offer", description="Commissioned jointly")
    in_title = ActionFactory(title="Commissioning intentions", description="For the CCG")

    response = _search(board_member_client, q="commission")

    assert _found(response) == {
        "actions": [in_title.get_absolute_url(), in_description.get_absolute_url()]
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_postgresql_reads_a_web_search(board_member_client):
    short_breaks = ActionFactory(title="Short breaks for disabled children", description="")
    ActionFactory(title="Short breaks review", description="Parent carer forum")

    response = _search(board_member_client, q='"short breaks" -forum')

    assert _found(response) == {"actions": [short_breaks.get_absolute_url()]}
