"""The feedback loop: each "you said" item closes as we did or we did not (with why), or is
still deciding by a date, and one past its date is feedback owed."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.public import refresh_public_pages
from core.tests.factories import default_partnership
from participation import services
from participation.models import ParticipationRecord, YouSaidItem
from participation.tests.factories import ParticipationRecordFactory, YouSaidItemFactory
from participation.tests.helpers import record_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

Outcome = YouSaidItem.Outcome
CREATE = reverse("participation:record_create")
OWED = reverse("participation:feedback_owed")
DAY = datetime.timedelta(days=1)


def _items(*rows: dict, initial: int = 0) -> dict:
    """The items formset's POST data: `rows` of field values, the first `initial` existing."""
    data = {"items-TOTAL_FORMS": str(len(rows)), "items-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"items-{index}-{name}"] = value
    return data


def _public_url() -> str:
    return reverse("public:you_said_we_did", args=[default_partnership().slug])


# Validation per outcome


@pytest.mark.parametrize(
    ("outcome", "response", "by_date", "field", "message"),
    [
        (Outcome.WE_DID, "", 0, "response", "Say what changed."),
        (Outcome.WE_DID, "A text line opened.", None, "by_date", "Say when it changed"),
        (Outcome.WE_DID_NOT, "", None, "response", "Give the reason it was not done."),
        (Outcome.STILL_DECIDING, "Which provider runs it.", None, "by_date", "decision is due"),
    ],
)
def test_each_outcome_asks_for_what_it_needs(outcome, response, by_date, field, message):
    record = ParticipationRecordFactory()
    when = None if by_date is None else timezone.localdate()
    item = YouSaidItem(
        record=record, you_said="Text me.", outcome=outcome, response=response, by_date=when
    )
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


@pytest.mark.parametrize(
    ("outcome", "response", "by_date"),
    [
        (Outcome.WE_DID, "A text line opened.", True),
        (Outcome.WE_DID_NOT, "The contract cannot pay for it this year.", False),
        (Outcome.STILL_DECIDING, "", True),
    ],
)
def test_each_outcome_with_what_it_needs_is_saved(outcome, response, by_date):
    record = ParticipationRecordFactory()
    item = YouSaidItem(
        record=record,
        you_said="Text me.",
        outcome=outcome,
        response=response,
        by_date=timezone.localdate() if by_date else None,
    )
    item.full_clean()
    item.save()
    assert YouSaidItem.objects.get(pk=item.pk).outcome == outcome


def test_the_database_refuses_a_we_did_without_a_date():
    record = ParticipationRecordFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        YouSaidItem.objects.create(
            record=record, you_said="Text me.", outcome=Outcome.WE_DID, response="Done."
        )


# The record's form: items saved with it, all or nothing


def test_a_record_is_logged_with_its_items(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[council]) | _items(
        {
            "you_said": "Meet the advocate first.",
            "outcome": "we_did",
            "response": "Specified.",
            "by_date": timezone.localdate().isoformat(),
        },
        {
            "you_said": "Text contact.",
            "outcome": "still_deciding",
            "response": "",
            "by_date": (timezone.localdate() + 30 * DAY).isoformat(),
        },
        {"you_said": "", "outcome": "still_deciding", "response": "", "by_date": ""},
    )
    response = commissioner_client.post(CREATE, data, follow=True)
    record = ParticipationRecord.objects.get()
    assert [
        (item.position, item.you_said, item.outcome) for item in record.you_said_items.all()
    ] == [
        (1, "Meet the advocate first.", "we_did"),
        (2, "Text contact.", "still_deciding"),
    ]
    page = response.content.decode()
    assert "We did" in page and "Still deciding" in page and "Decision due" in page


def test_an_item_refused_saves_nothing_and_keeps_the_input(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[council], title="Advocacy panel") | (
        _items(
            {
                "you_said": "Meet the advocate first.",
                "outcome": "we_did",
                "response": "",
                "by_date": "",
            },
        )
    )
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 200
    assert not ParticipationRecord.objects.exists()
    assert not YouSaidItem.objects.exists()
    item = response.context["items"].forms[0]
    assert item.errors["response"] == ["Say what changed."]
    page = response.content.decode()
    assert "Meet the advocate first." in page
    assert "“You said” item 1, what changed, the reason, or what is being decided" in page


def test_the_service_saves_no_record_when_an_item_is_refused(commissioner, area, council):
    with pytest.raises(ValidationError) as refused:
        services.participation_record_create(
            data={
                "title": "Advocacy panel",
                "date": timezone.localdate(),
                "method": "panel",
                "level": 2,
                "stage": "plan",
                "age_11_15": 5,
                "you_said": "Meet the advocate first.",
            },
            priority_areas=[area],
            groups=[council],
            created_by=commissioner,
            items=[
                {
                    "id": None,
                    "you_said": "Text me.",
                    "outcome": "we_did_not",
                    "response": "",
                    "by_date": None,
                },
            ],
        )
    assert "“You said” item 1: Give the reason it was not done." in refused.value.messages
    assert not ParticipationRecord.objects.exists()


def test_an_edit_changes_removes_and_adds_items(commissioner_client, area, council):
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council])
    kept = YouSaidItemFactory(
        record=record,
        you_said="Kept",
        outcome=Outcome.STILL_DECIDING,
        response="",
        by_date=timezone.localdate() + 10 * DAY,
    )
    removed = YouSaidItemFactory(record=record, you_said="Removed")
    url = reverse("participation:record_update", args=[record.pk])
    form = commissioner_client.get(url).context["form"]
    data = record_form_data(
        priority_areas=[area], groups=[council], version=form["version"].value()
    ) | _items(
        {
            "id": kept.pk,
            "record": record.pk,
            "you_said": "Kept",
            "outcome": "we_did_not",
            "response": "No budget this year.",
            "by_date": "",
        },
        {
            "id": removed.pk,
            "record": record.pk,
            "you_said": "Removed",
            "outcome": "we_did",
            "response": "Done.",
            "by_date": timezone.localdate().isoformat(),
            "DELETE": "on",
        },
        {
            "you_said": "Added",
            "outcome": "we_did",
            "response": "Done.",
            "by_date": timezone.localdate().isoformat(),
        },
        initial=2,
    )
    response = commissioner_client.post(url, data)
    assert response.status_code == 302
    assert [
        (item.you_said, item.outcome, item.version) for item in record.you_said_items.all()
    ] == [("Kept", "we_did_not", 2), ("Added", "we_did", 1)]
    record.refresh_from_db()
    assert record.version == 2


def test_a_stale_edit_saves_no_items_and_keeps_them_in_the_form(commissioner_client, area, council):
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council])
    url = reverse("participation:record_update", args=[record.pk])
    form = commissioner_client.get(url).context["form"]
    ParticipationRecord.objects.filter(pk=record.pk).update(version=2)
    data = record_form_data(
        priority_areas=[area],
        groups=[council],
        version=form["version"].value(),
        snapshot=form["snapshot"].value(),
    ) | _items(
        {"you_said": "Typed meanwhile", "outcome": "we_did_not", "response": "Cost.", "by_date": ""}
    )
    response = commissioner_client.post(url, data)
    assert response.status_code == 409
    assert not YouSaidItem.objects.exists()
    assert "Typed meanwhile" in response.content.decode()


# Feedback owed


def test_feedback_owed_lists_an_item_still_deciding_past_its_date(board_member_client, today):
    # Fed back, so owed for no other reason than the overdue decision.
    record = ParticipationRecordFactory(
        title="Youth Cabinet on campaigns",
        date=today - 60 * DAY,
        feedback_date=today - 50 * DAY,
        feedback_method="A visit to the Youth Cabinet",
    )
    YouSaidItemFactory(
        record=record,
        you_said="Campaigns by young people, not adults.",
        outcome=Outcome.STILL_DECIDING,
        response="Who designs the campaign.",
        by_date=today - 3 * DAY,
    )
    not_yet = ParticipationRecordFactory(
        title="Not yet due",
        date=today - 60 * DAY,
        feedback_date=today - 50 * DAY,
        feedback_method="Letter",
    )
    YouSaidItemFactory(
        record=not_yet, outcome=Outcome.STILL_DECIDING, response="", by_date=today + 3 * DAY
    )
    page = board_member_client.get(OWED).content.decode()
    assert "Youth Cabinet on campaigns" in page
    assert "Campaigns by young people, not adults." in page
    assert f"{today - 3 * DAY:%-d %B %Y}" in page or (today - 3 * DAY).strftime("%b") in page
    assert "Not yet due" not in page
    assert "1 record owes feedback." in page
    # Counted the same wherever feedback owed is counted (the queryset they all read).
    assert list(ParticipationRecord.objects.feedback_owed()) == [record]


def test_the_record_page_says_which_decision_is_overdue(board_member_client, today):
    item = YouSaidItemFactory(
        you_said="A quiet room at reviews.",
        outcome=Outcome.STILL_DECIDING,
        response="",
        by_date=today - DAY,
    )
    page = board_member_client.get(item.record.get_absolute_url()).content.decode()
    assert "Feedback owed:" in page
    assert "“A quiet room at reviews.” is still being decided" in page
    assert "Decision overdue" in page


# The public page: closed items of published records only


def test_public_page_shows_closed_items_of_published_records_only(client, area, today):
    published = ParticipationRecordFactory(priority_areas=[area], published_at=timezone.now())
    YouSaidItemFactory(
        record=published, you_said="A text contact line.", response="The contract has one."
    )
    YouSaidItemFactory(
        record=published,
        you_said="Evening sessions.",
        outcome=Outcome.WE_DID_NOT,
        response="The centre closes at six.",
        by_date=None,
    )
    YouSaidItemFactory(
        record=published,
        you_said="A new building.",
        outcome=Outcome.STILL_DECIDING,
        response="Where it goes.",
        by_date=today + 20 * DAY,
    )
    hidden = ParticipationRecordFactory(priority_areas=[area])
    YouSaidItemFactory(record=hidden, you_said="Unpublished words.")
    page = client.get(_public_url()).content.decode()
    assert "A text contact line." in page and "The contract has one." in page
    assert "We did not, because" in page and "The centre closes at six." in page
    assert "A new building." not in page and "Where it goes." not in page
    assert "Unpublished words." not in page


def test_changing_a_closed_item_takes_a_published_record_off_the_public_page(area, council):
    record = ParticipationRecordFactory(
        priority_areas=[area], groups=[council], published_at=timezone.now()
    )
    item = YouSaidItemFactory(record=record)
    services.participation_record_update(
        record=record,
        data={},
        priority_areas=[area],
        groups=[council],
        expected_version=record.version,
        items=[
            {
                "id": item.pk,
                "you_said": item.you_said,
                "outcome": "we_did",
                "response": "Something else changed.",
                "by_date": item.by_date,
            }
        ],
    )
    record.refresh_from_db()
    assert record.published_at is None


def test_the_publish_check_reads_the_items_words(area):
    record = ParticipationRecordFactory(priority_areas=[area])
    YouSaidItemFactory(record=record, response="Write to jamie.smith@example.com to join.")
    with pytest.raises(ValidationError) as refused:
        services.participation_record_publish(
            record=record, user=None, previewed_version=record.version
        )
    assert any("“You said” item 1" in message for message in refused.value.messages)


# The migration's first items


def test_each_record_summary_becomes_its_first_item(today):
    from importlib import import_module

    migration = import_module("participation.migrations.0013_you_said_items")
    answered = ParticipationRecordFactory(
        date=today - 40 * DAY,
        we_did="A text line.",
        feedback_date=today - 30 * DAY,
        feedback_method="Letter",
    )
    waiting = ParticipationRecordFactory(date=today - 10 * DAY)
    migration.items_from_summaries(apps, None)
    assert [(i.outcome, i.response, i.by_date) for i in answered.you_said_items.all()] == [
        ("we_did", "A text line.", today - 30 * DAY)
    ]
    assert [(i.outcome, i.by_date) for i in waiting.you_said_items.all()] == [
        ("still_deciding", today - 10 * DAY + datetime.timedelta(weeks=4))
    ]


# Query counts


def _add_records_with_items(count: int, area) -> None:
    today = timezone.localdate()
    for _ in range(count):
        record = ParticipationRecordFactory(
            priority_areas=[area], date=today - 40 * DAY, published_at=timezone.now()
        )
        YouSaidItemFactory(record=record)
        YouSaidItemFactory(
            record=record, outcome=Outcome.STILL_DECIDING, response="", by_date=today - DAY
        )


@pytest.mark.parametrize("page", ["log", "owed", "you_said_we_did", "public"])
def test_pages_with_items_cost_the_same_queries_at_ten_times_the_rows(
    board_member_client, area, page, django_assert_num_queries
):
    url = {
        "log": reverse("participation:record_list"),
        "owed": OWED,
        "you_said_we_did": reverse("participation:you_said_we_did", args=[area.pk]),
        "public": _public_url(),
    }[page]
    _add_records_with_items(2, area)
    board_member_client.get(url)
    refresh_public_pages()  # the public page is cached: count its rendering
    with CaptureQueriesContext(connection) as at_1x:
        assert board_member_client.get(url).status_code == 200
    at_1x_count = len(at_1x)  # now: the connection keeps only its latest queries
    _add_records_with_items(18, area)
    board_member_client.get(url)  # new groups render the filter panel's options afresh once
    refresh_public_pages()
    with django_assert_num_queries(at_1x_count):
        response = board_member_client.get(url)
    # The log shows the decision overdue as its badge; the others show the items' words.
    shown = "feedback-owed-badge" if page == "log" else "You want to reach your advocate by text."
    assert response.content.decode().count(shown) >= 10


def test_record_page_costs_the_same_queries_with_ten_times_the_items(
    board_member_client, django_assert_num_queries
):
    record = ParticipationRecordFactory()
    YouSaidItemFactory(record=record)
    url = record.get_absolute_url()
    board_member_client.get(url)
    with CaptureQueriesContext(connection) as at_1x:
        board_member_client.get(url)
    YouSaidItemFactory.create_batch(9, record=record)
    with django_assert_num_queries(len(at_1x)):
        page = board_member_client.get(url).content.decode()
    assert page.count("You want to reach your advocate by text.") == 10
