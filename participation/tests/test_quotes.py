"""Quotes carry consent: each output shows only the quotes its use and date allow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.personal_data import CONFIRMATION_FIELD
from participation.forms import QUOTE_GROUP_NOT_TICKED
from participation.models import (
    ParticipationRecord,
    PersonalDataConfirmation,
    Quote,
    YouSaidItem,
)
from participation.tests.factories import (
    ParticipationRecordFactory,
    QuoteFactory,
    StakeholderGroupFactory,
)
from participation.tests.helpers import (
    EXPIRED_QUOTE,
    INTERNAL_QUOTE,
    PUBLIC_QUOTE,
    REPORT_QUOTE,
    item_form_data,
    quote_form_data,
    quotes_of_each_consent,
    record_form_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def quoted(area, council, today):
    """A record with one quote of each use, and one whose consent ended yesterday."""
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council], we_did="Moved.")
    quotes_of_each_consent(record, council, today)
    return record


def test_the_record_page_shows_current_quotes_and_counts_the_expired(commissioner_client, quoted):
    page = commissioner_client.get(quoted.get_absolute_url()).content.decode()
    assert INTERNAL_QUOTE in page and REPORT_QUOTE in page and PUBLIC_QUOTE in page
    assert EXPIRED_QUOTE not in page
    assert "1 quote withheld: consent expired." in page
    assert "Children in Care Council; consent for reports to boards until" in page


def test_consent_still_current_on_its_last_day(commissioner_client, quoted, today):
    Quote.objects.filter(text=EXPIRED_QUOTE).update(consent_until=today)
    page = commissioner_client.get(quoted.get_absolute_url()).content.decode()
    assert EXPIRED_QUOTE in page and "withheld" not in page


def test_quotes_are_saved_with_the_record_form(commissioner_client, area, council, today):
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]),
        [
            {
                "text": PUBLIC_QUOTE,
                "given_by": council.pk,
                "consent_use": "public",
                "consent_until": (today + datetime.timedelta(days=90)).isoformat(),
            }
        ],
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 302, response.content.decode()
    quote = Quote.objects.get()
    assert (quote.text, quote.given_by, quote.consent_use) == (PUBLIC_QUOTE, council, "public")


def test_a_quote_naming_a_child_is_refused_beside_it_with_the_input_kept(
    commissioner_client, area, council, today
):
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]),
        [
            {
                "text": "Email me at jo.bloggs@example.org about it",
                "given_by": council.pk,
                "consent_use": "report",
                "consent_until": (today + datetime.timedelta(days=90)).isoformat(),
            }
        ],
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 200
    assert response.context["quote_forms"].forms[0].errors["text"]
    assert "jo.bloggs@example.org" in response.content.decode()
    assert not Quote.objects.exists()


def test_a_quote_must_be_given_by_a_group_that_took_part(commissioner_client, area, council, today):
    other = StakeholderGroupFactory(name="Halton Youth Cabinet")
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]),
        [
            {
                "text": PUBLIC_QUOTE,
                "given_by": other.pk,
                "consent_use": "report",
                "consent_until": (today + datetime.timedelta(days=90)).isoformat(),
            }
        ],
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 200
    assert response.context["quote_forms"].forms[0].errors["given_by"] == [QUOTE_GROUP_NOT_TICKED]
    assert not ParticipationRecord.objects.exists() and not Quote.objects.exists()


def test_the_record_page_query_count_is_constant(
    commissioner_client, quoted, council, django_assert_max_num_queries
):
    url = quoted.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        commissioner_client.get(url)
    for _ in range(10):
        QuoteFactory(record=quoted, given_by=council)
    with django_assert_max_num_queries(len(first)):
        page = commissioner_client.get(url)
    assert page.content.decode().count("We want to choose where we meet") == 10


CREATE = reverse("participation:record_create")
CHILD = "Jamie, born 14/03/2015, said the bus to the review never came."
REWRITTEN = "The bus to the review never came, so we missed it."


def _one_quote(text: str, group, today, use: str = "report") -> list[dict]:
    until = (today + datetime.timedelta(days=90)).isoformat()
    return [{"text": text, "given_by": group.pk, "consent_use": use, "consent_until": until}]


def test_a_quote_with_a_childs_name_and_birth_date_is_refused_with_the_reason(
    commissioner_client, area, council, today
):
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]), _one_quote(CHILD, council, today)
    )
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 200
    reason = " ".join(response.context["quote_forms"].forms[0].errors["text"])
    assert "a date of birth" in reason and "a person's name ('Jamie')" in reason
    page = response.content.decode()
    # Beside the field, and listed above the form with a link to it.
    assert "Nothing was saved: correct the quotes" in page
    assert 'href="#div_id_quotes-0-text"' in page
    assert not ParticipationRecord.objects.exists()


def test_a_quote_cannot_be_confirmed_not_about_a_child(commissioner_client, area, council, today):
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council], **{CONFIRMATION_FIELD: "on"}),
        _one_quote(CHILD, council, today),
    )
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 200
    assert response.context["quote_forms"].forms[0].errors["text"]
    assert not ParticipationRecord.objects.exists()
    assert not PersonalDataConfirmation.objects.exists()


def test_one_post_saves_the_record_its_items_its_quotes_and_the_confirmation(
    commissioner_client, area, council, today
):
    """The record form, its "you said" items, its quotes and the confirmation go in one save."""
    record = record_form_data(
        priority_areas=[area],
        groups=[council],
        you_said="Jamie from the council said the venue was too far.",
        **{CONFIRMATION_FIELD: "on"},
    )
    item = {"you_said": "Meet nearer the bus station.", "outcome": "still_deciding"}
    item["by_date"] = (today + datetime.timedelta(days=30)).isoformat()
    data = quote_form_data(item_form_data(record, [item]), _one_quote(REWRITTEN, council, today))
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 302, response.content.decode()
    saved = ParticipationRecord.objects.get()
    assert saved.you_said_items.get().you_said == "Meet nearer the bus station."
    assert saved.quotes.get().text == REWRITTEN
    assert saved.personal_data_confirmations.get().field_name == "you_said"


def test_an_error_in_any_part_saves_none_and_lists_every_error(
    commissioner_client, area, council, today
):
    record = record_form_data(priority_areas=[area], groups=[council], title="")
    item = {"you_said": "Meet nearer the bus station.", "outcome": "we_did", "response": ""}
    data = quote_form_data(item_form_data(record, [item]), _one_quote(CHILD, council, today))
    response = commissioner_client.post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert response.context["items"].forms[0].errors
    assert response.context["quote_forms"].forms[0].errors["text"]
    assert not ParticipationRecord.objects.exists()
    assert not YouSaidItem.objects.exists() and not Quote.objects.exists()


def test_an_edit_changes_and_removes_quotes_with_the_record(
    commissioner_client, area, council, today
):
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council])
    kept = QuoteFactory(record=record, text="We want a say in who runs it.")
    removed = QuoteFactory(record=record, text="Take this one out.")
    rows = [
        {
            "id": kept.pk,
            "version": kept.version,
            **_one_quote(REWRITTEN, council, today, "public")[0],
        },
        {"id": removed.pk, "version": removed.version, "DELETE": "on"}
        | _one_quote(removed.text, council, today)[0],
    ]
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council], version=record.version),
        rows,
        initial=2,
    )
    url = reverse("participation:record_update", args=[record.pk])
    response = commissioner_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    kept.refresh_from_db()
    assert (kept.text, kept.consent_use, kept.version) == (REWRITTEN, "public", 2)
    assert list(record.quotes.all()) == [kept]


def test_a_new_public_quote_takes_a_published_record_off_the_public_pages(
    commissioner_client, area, council, today, commissioner
):
    record = ParticipationRecordFactory(
        priority_areas=[area], groups=[council], published_at=timezone.now()
    )
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council], version=record.version),
        _one_quote(REWRITTEN, council, today, "public"),
    )
    url = reverse("participation:record_update", args=[record.pk])
    assert commissioner_client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.published_at is None
