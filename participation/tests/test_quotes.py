"""Quotes carry consent: each output shows only the quotes its use and date allow."""

import datetime

import pytest
from django.urls import reverse

from participation.models import ConsentUse, Quote
from participation.tests.factories import ParticipationRecordFactory, QuoteFactory
from participation.tests.helpers import quote_form_data, record_form_data

pytestmark = pytest.mark.django_db

INTERNAL = "Only for the commissioners: the bus was late every week."
REPORT = "Boards should hear this: the venue felt unsafe."
PUBLIC = "Everyone can read this: we want to meet before the review."
EXPIRED = "Consent ended: the advocate changed three times."


@pytest.fixture
def quoted(area, council, today):
    """A record with one quote of each use, and one whose consent ended yesterday."""
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council], we_did="Moved.")
    year = today + datetime.timedelta(days=365)
    for text, use, until in (
        (INTERNAL, ConsentUse.INTERNAL, year),
        (REPORT, ConsentUse.REPORT, year),
        (PUBLIC, ConsentUse.PUBLIC, year),
        (EXPIRED, ConsentUse.PUBLIC, today - datetime.timedelta(days=1)),
    ):
        QuoteFactory(
            record=record, text=text, given_by=council, consent_use=use, consent_until=until
        )
    return record


def test_the_record_page_shows_current_quotes_and_counts_the_expired(commissioner_client, quoted):
    page = commissioner_client.get(quoted.get_absolute_url()).content.decode()
    assert INTERNAL in page and REPORT in page and PUBLIC in page
    assert EXPIRED not in page
    assert "1 quote withheld: consent expired." in page
    assert "Children in Care Council; consent for reports to boards until" in page


def test_consent_still_current_on_its_last_day(commissioner_client, quoted, today):
    Quote.objects.filter(text=EXPIRED).update(consent_until=today)
    page = commissioner_client.get(quoted.get_absolute_url()).content.decode()
    assert EXPIRED in page and "withheld" not in page


def test_quotes_are_saved_with_the_record_form(commissioner_client, area, council, today):
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]),
        [
            {
                "text": PUBLIC,
                "given_by": council.pk,
                "consent_use": "public",
                "consent_until": (today + datetime.timedelta(days=90)).isoformat(),
            }
        ],
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 302, response.content.decode()
    quote = Quote.objects.get()
    assert (quote.text, quote.given_by, quote.consent_use) == (PUBLIC, council, "public")


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
    assert response.context["quote_formset"].forms[0].errors["text"]
    assert "jo.bloggs@example.org" in response.content.decode()
    assert not Quote.objects.exists()


def test_a_quote_must_be_given_by_a_group_that_took_part(commissioner_client, area, council, today):
    from participation.tests.factories import StakeholderGroupFactory

    other = StakeholderGroupFactory(name="Halton Youth Cabinet")
    data = quote_form_data(
        record_form_data(priority_areas=[area], groups=[council]),
        [
            {
                "text": PUBLIC,
                "given_by": other.pk,
                "consent_use": "report",
                "consent_until": (today + datetime.timedelta(days=90)).isoformat(),
            }
        ],
    )
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 200
    assert "Choose a group that took part in this record." in response.content.decode()
    assert not Quote.objects.exists()


def test_the_record_page_query_count_is_constant(
    commissioner_client, quoted, council, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = quoted.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        commissioner_client.get(url)
    for _ in range(10):
        QuoteFactory(record=quoted, given_by=council)
    with django_assert_max_num_queries(len(first)):
        page = commissioner_client.get(url)
    assert page.content.decode().count("We want to choose where we meet") == 10
