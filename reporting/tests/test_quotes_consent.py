"""Quotes carry consent: a termly report shows the quotes consented for reports and current
on its date; the public page and the API only those for public pages, current today."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from participation.models import Quote
from participation.services import participation_record_publish
from participation.tests.factories import (
    ParticipationRecordFactory,
    StakeholderGroupFactory,
)
from participation.tests.helpers import (
    EXPIRED_QUOTE,
    INTERNAL_QUOTE,
    PUBLIC_QUOTE,
    REPORT_QUOTE,
    quotes_of_each_consent,
)
from priorities.tests.factories import PriorityAreaFactory
from reporting.assemble import assemble_report
from reporting.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def council():
    return StakeholderGroupFactory(name="Children in Care Council")


@pytest.fixture
def quoted(area, council, today):
    """A record with one quote of each use, and one whose consent ended yesterday."""
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council], we_did="Moved.")
    quotes_of_each_consent(record, council, today)
    return record


def test_the_termly_report_shows_report_and_public_quotes_current_at_its_date(quoted, area, today):
    term = Term.objects.filter(end_date__lt=today).order_by("-end_date").first()
    on, later = term.start_date + datetime.timedelta(5), term.start_date + datetime.timedelta(10)
    type(quoted).objects.filter(pk=quoted.pk).update(date=term.start_date)
    Quote.objects.filter(text=EXPIRED_QUOTE).update(consent_until=on - datetime.timedelta(days=1))
    Quote.objects.filter(text=REPORT_QUOTE).update(consent_until=on + datetime.timedelta(days=1))

    data = assemble_report(area, term, today=on)["participation"]
    assert [quote["text"] for quote in data["quotes"]] == [REPORT_QUOTE, PUBLIC_QUOTE]
    assert data["quotes"][0]["given_by"] == "Children in Care Council"
    assert data["quotes_withheld"] == "1 quote withheld: consent expired"
    # As of a later date the report quote's consent has ended too.
    data = assemble_report(area, term, today=later)["participation"]
    assert [quote["text"] for quote in data["quotes"]] == [PUBLIC_QUOTE]
    assert data["quotes_withheld"] == "2 quotes withheld: consent expired"


def test_the_public_page_and_the_api_show_public_quotes_only(client, quoted, administrator):
    participation_record_publish(record=quoted, user=None, previewed_version=quoted.version)
    partnership = quoted.partnership
    page = client.get(reverse("public:you_said_we_did", args=[partnership.slug]))
    text = page.content.decode()
    assert PUBLIC_QUOTE in text
    for hidden in (INTERNAL_QUOTE, REPORT_QUOTE, EXPIRED_QUOTE, "Children in Care Council"):
        assert hidden not in text
    api = APIClient()
    api.force_authenticate(administrator)
    body = api.get(reverse("api:participation-record-detail", args=[quoted.pk])).json()
    assert body["quotes"] == [PUBLIC_QUOTE]
