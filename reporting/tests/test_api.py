"""The read-only JSON API: what each resource carries, to whom, and that nothing writes."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core import roles
from core.tests.factories import (
    BoardMemberFactory,
    CommissionerFactory,
    PartnershipFactory,
    UserFactory,
    default_partnership_as,
    give_role,
)
from core.tests.sign_in import sign_in
from participation.tests.factories import ParticipationRecordFactory
from priorities.models import RAG
from priorities.tests.factories import (
    ActionFactory,
    ComparatorFactory,
    ComparatorValueFactory,
    PriorityAreaFactory,
)
from reporting.api.pagination import ApiPagination
from reporting.tests.api import RESOURCES, one_of_each, token_client

pytestmark = pytest.mark.django_db

# Every field each resource carries: a field added to a serializer must be added here, after
# asking whether it may leave the product (no emails, phones, private notes, unpublished words).
ALLOWED_FIELDS = {
    "framework": {"id", "title", "period", "version", "status", "owning_board", "review_date"},
    "priority": {
        "id",
        "framework",
        "order",
        "title",
        "aim",
        "lead_board",
        "lead_commissioners",
        "objectives",
    },
    "action": {
        "id",
        "priority",
        "objective",
        "title",
        "description",
        "owner",
        "owner_id",
        "lead_organisation",
        "start_date",
        "due_date",
        "status",
        "cancellation_reason",
        "stage",
        "rag",
        "percent_complete",
        "last_update_on",
        "is_overdue",
        "created_at",
        "updated_at",
    },
    "progress-update": {"id", "action", "date", "author", "rag", "percent_complete", "narrative"},
    "indicator": {
        "id",
        "priority",
        "order",
        "name",
        "definition",
        "unit",
        "polarity",
        "target",
        "source",
    },
    "indicator-value": {
        "id",
        "indicator",
        "period_label",
        "period_end",
        "value",
        "comparators",
        "note",
    },
    "activity": {
        "id",
        "title",
        "description",
        "priority",
        "lead_commissioner",
        "level",
        "footprint",
        "resourcing",
        "budget",
        "purpose",
        "stage",
        "cycle_number",
        "stage_entered_at",
        "status",
        "created_at",
        "updated_at",
    },
    "contract": {
        "id",
        "reference",
        "title",
        "service",
        "provider",
        "activity",
        "priority",
        "owner",
        "form",
        "procurement_route",
        "lead_organisation",
        "annual_value",
        "total_value",
        "start_date",
        "initial_end_date",
        "end_date",
        "notice_period_months",
        "status",
        "safeguarding_clause",
        "social_value_clause",
    },
    # participation.publication.PUBLIC_FIELDS, and nothing of who took part.
    "participation-record": {
        "id",
        "title",
        "date",
        "method",
        "stage",
        "you_said",
        "we_did",
        "decision_changed",
        "feedback_date",
        "priorities",
        "counts",
        "lundy",
        "quotes",
        "published_at",
    },
    "board": {"id", "name", "kind", "reports_to", "purpose", "meeting_frequency", "is_active"},
    "meeting": {
        "id",
        "board",
        "starts_at",
        "location",
        "status",
        "papers_published_at",
        "minutes",
        "agenda_items",
    },
    "decision": {"id", "meeting", "text", "owner", "due_date", "status"},
}
NESTED_ALLOWED = {
    ("priority", "objectives"): {"id", "order", "text"},
    ("contract", "provider"): {"id", "name", "kind", "company_number", "charity_number"},
    ("meeting", "agenda_items"): {"id", "order", "title", "presenter", "paper_url"},
}


def _list(client, name: str, **params):
    return client.get(reverse(f"api:{name}-list"), params)


@pytest.fixture
def world():
    return one_of_each()


@pytest.fixture
def board_api(db):
    return token_client(BoardMemberFactory())


def test_allowed_fields_name_every_resource():
    assert set(ALLOWED_FIELDS) == set(RESOURCES)


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_each_resource_lists_and_details_only_allowed_fields(world, board_api, name):
    record = world[RESOURCES[name]]
    listing = _list(board_api, name)
    assert listing.status_code == 200
    rows = listing.json()["results"]
    assert [row["id"] for row in rows] == [record.pk]
    detail = board_api.get(reverse(f"api:{name}-detail", args=[record.pk])).json()
    assert detail == rows[0]
    assert set(detail) == ALLOWED_FIELDS[name]
    for (resource, field), allowed in NESTED_ALLOWED.items():
        if resource == name:
            nested = detail[field]
            for item in nested if isinstance(nested, list) else [nested]:
                assert set(item) == allowed


def test_no_email_reaches_the_api(world, board_api):
    """People appear by name: no resource carries anyone's email or phone."""
    emails = {world["action"].owner.email, world["contract"].provider.contact_email}
    for name in RESOURCES:
        content = _list(board_api, name).content.decode()
        assert "@" not in content.replace("@example.org/papers", ""), name
        assert not any(email and email in content for email in emails)
    action = _list(board_api, "action").json()["results"][0]
    assert action["owner"] == world["action"].owner.get_full_name()


def test_dates_are_iso_8601(world, board_api):
    action = _list(board_api, "action").json()["results"][0]
    assert action["due_date"] == world["action"].due_date.isoformat()
    assert datetime.datetime.fromisoformat(action["created_at"]).tzinfo is not None


def test_another_partnerships_records_never_appear(world):
    with default_partnership_as("West Cheshire"):
        theirs = one_of_each()
        their_reader = token_client(BoardMemberFactory())
    ours = token_client(BoardMemberFactory())
    for name, key in RESOURCES.items():
        listed = {row["id"] for row in _list(ours, name).json()["results"]}
        assert listed == {world[key].pk}, name
        detail = ours.get(reverse(f"api:{name}-detail", args=[theirs[key].pk]))
        assert detail.status_code == 404, name
        assert {row["id"] for row in _list(their_reader, name).json()["results"]} == {
            theirs[key].pk
        }


def test_partnership_parameter_reads_another_of_ones_partnerships(world):
    reader = BoardMemberFactory()
    with default_partnership_as("West Cheshire"):
        theirs = one_of_each()
    elsewhere = PartnershipFactory(short_name="West Cheshire")
    give_role(reader, roles.BOARD_MEMBER, elsewhere)
    client = token_client(reader)
    halton = _list(client, "action", partnership="halton").json()["results"]
    assert [row["id"] for row in halton] == [world["action"].pk]
    other = _list(client, "action", partnership=elsewhere.slug).json()["results"]
    assert [row["id"] for row in other] == [theirs["action"].pk]
    by_header = client.get(reverse("api:action-list"), headers={"X-Partnership": elsewhere.slug})
    assert [row["id"] for row in by_header.json()["results"]] == [theirs["action"].pk]
    refused = _list(token_client(BoardMemberFactory()), "action", partnership=elsewhere.slug)
    assert refused.status_code == 400
    assert refused.json() == {"partnership": ["Not one of your partnerships."]}


def test_anonymous_gets_401_asking_for_a_token(world):
    for url in (reverse("api:action-list"), reverse("api:schema"), reverse("api:api-root")):
        response = Client().get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_or_revoked_token_gets_401(world):
    wrong = Client(headers={"Authorization": "Token jcm_not-a-token"}).get(
        reverse("api:action-list")
    )
    assert wrong.status_code == 401
    user = CommissionerFactory()
    client = token_client(user)
    call_command("api_token", user.username, "--revoke")
    assert client.get(reverse("api:action-list")).status_code == 401


def test_someone_without_a_role_is_refused(world):
    response = _list(token_client(UserFactory()), "action")
    assert response.status_code == 403
    assert response.json()["detail"] == roles.ROLE_REFUSAL


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_writes_for_anyone(world, board_api, method):
    """Every write answers 405, with a token, a session or nothing at all, and changes
    nothing."""
    title = world["action"].title
    session = Client()
    sign_in(session, CommissionerFactory())
    for client in (board_api, token_client(CommissionerFactory()), session, Client()):
        for url in (
            reverse("api:action-list"),
            reverse("api:action-detail", args=[world["action"].pk]),
            reverse("api:api-root"),
            reverse("api:schema"),
        ):
            response = getattr(client, method)(url, {"title": "Changed"}, "application/json")
            assert response.status_code == 405, (method, url)
    world["action"].refresh_from_db()
    assert world["action"].title == title


def test_session_reads_only_after_the_second_factor(world, administrator):
    """The API's views pass the two-factor middleware by, so its session authentication asks
    for the second factor itself."""
    client = Client()
    client.force_login(administrator)
    assert _list(client, "action").status_code == 401
    sign_in(client, administrator)
    assert _list(client, "action").status_code == 200


def test_participation_records_published_only_counts_of_small_groups_hidden(world, board_api):
    record = world["record"]
    ParticipationRecordFactory(title="Not published yet", priority_areas=[world["area"]])
    rows = _list(board_api, "participation-record").json()["results"]
    assert [row["id"] for row in rows] == [record.pk]
    # The factory's record: 6 aged 11 to 15, 3 aged 16 to 17, under the smallest group of 5.
    assert rows[0]["counts"] == {
        "age_0_4": 0,
        "age_5_10": 0,
        "age_11_15": 6,
        "age_16_17": None,
        "age_18_25": 0,
        "adults": 0,
    }
    assert rows[0]["priorities"] == [world["area"].pk]
    assert "Not published yet" not in _list(board_api, "participation-record").content.decode()


def test_participation_records_say_which_lundy_elements_were_met_never_the_evidence(
    world, board_api
):
    record = world["record"]
    type(record).objects.filter(pk=record.pk).update(
        lundy_space="yes",
        lundy_space_evidence="At the council's own meeting, at its usual time and place.",
        lundy_influence="partly",
        lundy_influence_evidence="The venue changed; the group was told at its meeting.",
    )
    response = _list(board_api, "participation-record")
    assert response.json()["results"][0]["lundy"] == {
        "space": "yes",
        "voice": "",
        "audience": "",
        "influence": "partly",
    }
    assert "usual time and place" not in response.content.decode()


def test_actions_filter_by_priority_status_rag_owner_and_due_dates(world, board_api):
    action = world["action"]
    late = ActionFactory(priority_area=PriorityAreaFactory(), overdue=True)
    late.latest_rag = RAG.RED
    late.save(update_fields=["latest_rag"])

    def ids(**params):
        response = _list(board_api, "action", **params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(priority=action.priority_area_id) == [action.pk]
    assert ids(rag="red") == [late.pk]
    assert ids(owner=late.owner_id) == [late.pk]
    assert ids(status="in_progress") == [late.pk, action.pk]
    assert ids(due_before=timezone.localdate().isoformat()) == [late.pk]
    assert ids(due_after=timezone.localdate().isoformat()) == [action.pk]
    assert _list(board_api, "action").json()["results"][0]["is_overdue"] is True


def test_other_filters(world, board_api):
    contract, value = world["contract"], world["value"]
    assert _list(board_api, "contract", provider=contract.provider_id).json()["count"] == 1
    assert _list(board_api, "contract", provider=contract.provider_id + 1).json()["count"] == 0
    assert _list(board_api, "contract", status=contract.status).json()["count"] == 1
    end = contract.end_date
    assert _list(board_api, "contract", end_after=end.isoformat()).json()["count"] == 1
    day_before = (end - datetime.timedelta(days=1)).isoformat()
    assert _list(board_api, "contract", end_before=day_before).json()["count"] == 0
    assert _list(board_api, "indicator-value", indicator=value.indicator_id).json()["count"] == 1
    assert _list(board_api, "indicator-value", period=value.period_label).json()["count"] == 1
    assert _list(board_api, "indicator-value", period="1999").json()["count"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"due_after": "not a date"},
        {"due_before": "2026-02-30"},
        {"priority": "x"},
        {"priority": "0"},
        {"priority": str(2**70)},
        {"owner": "1.5"},
        {"rag": "purple"},
        {"status": "finished"},
        {"page_size": "0"},
    ],
)
def test_bad_filters_answer_400_or_the_first_page(world, board_api, params):
    response = _list(board_api, "action", **params)
    assert response.status_code in (200, 400), response.content
    if "page_size" not in params:
        assert response.status_code == 400
        assert set(response.json()) == set(params)


def test_pages_are_numbered_and_capped(board_api):
    area = PriorityAreaFactory()
    ActionFactory.create_batch(5, priority_area=area)
    first = _list(board_api, "action", page_size=2).json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]
    last = _list(board_api, "action", page_size=2, page=3).json()
    assert len(last["results"]) == 1
    assert last["next"] is None
    ids = [row["id"] for row in _list(board_api, "action", page_size=1000).json()["results"]]
    assert ids == sorted(ids, key=lambda pk: (area.actions.get(pk=pk).due_date, pk))
    assert _list(board_api, "action", page=9).status_code == 404


def test_page_size_is_capped(board_api):
    ActionFactory.create_batch(3)
    assert ApiPagination.max_page_size == 200
    assert len(_list(board_api, "action", page_size=10**6).json()["results"]) == 3


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_lists_take_the_same_queries_at_ten_times_the_rows(
    board_api, name, django_assert_max_num_queries
):
    one_of_each()
    _list(board_api, name)  # the token's "last used" is written once, here
    with django_assert_max_num_queries(20) as once:
        assert _list(board_api, name).json()["count"] == 1
    for _ in range(9):
        one_of_each()
    with django_assert_max_num_queries(len(once.captured_queries)):
        assert _list(board_api, name).json()["count"] == 10


def test_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yaml")
    schema = (tmp_path / "s.yaml").read_text()
    assert "/api/v1/participation-records/" in schema
    assert "contact_email" not in schema


def test_schema_and_docs_for_signed_in_people(world, board_member_client):
    schema = board_member_client.get(reverse("api:schema"), {"format": "json"})
    assert schema.status_code == 200
    assert "/api/v1/actions/" in schema.json()["paths"]
    docs = board_member_client.get(reverse("api:docs"))
    assert docs.status_code == 200
    assert "drf_spectacular_sidecar" in docs.content.decode()
    assert "<script>" not in docs.content.decode()
    script = board_member_client.get(reverse("api:docs"), {"script": ""})
    assert script.status_code == 200
    assert Client().get(reverse("api:docs")).status_code == 302


def test_an_indicator_value_carries_its_comparators_values_by_name(world, board_api):
    value = world["value"]
    partnership = value.indicator.priority_area.framework.partnership
    region = ComparatorFactory(partnership=partnership, kind="region", name="North West")
    ComparatorValueFactory(
        indicator=value.indicator, comparator=region, period_label=value.period_label, value=69
    )
    ComparatorValueFactory(
        indicator=value.indicator, comparator=region, period_label="1999", value=50
    )
    retired = ComparatorFactory(partnership=partnership, name="Wales", is_active=False)
    ComparatorValueFactory(
        indicator=value.indicator, comparator=retired, period_label=value.period_label
    )
    row = _list(board_api, "indicator-value").json()["results"][0]
    assert row["comparators"] == {"England": "71.00", "North West": "69.00"}
