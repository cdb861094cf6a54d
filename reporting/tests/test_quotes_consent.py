"""Quotes carry consent: a termly report shows the quotes consented for reports and current
on its date; the public page and the API only those for public pages, current today."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from participation.models import ConsentUse, Quote
from participation.services import participation_record_publish
from participation.tests.factories import (
    ParticipationRecordFactory,
    QuoteFactory,
    StakeholderGroupFactory,
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


def test_the_termly_report_shows_report_and_public_quotes_current_at_its_date(quoted, area, today):
    term = Term.objects.filter(end_date__lt=today).order_by("-end_date").first()
    on, later = term.start_date + datetime.timedelta(5), term.start_date + datetime.timedelta(10)
    type(quoted).objects.filter(pk=quoted.pk).update(date=term.start_date)
    Quote.objects.filter(text=EXPIRED).update(consent_until=on - datetime.timedelta(days=1))
    Quote.objects.filter(text=REPORT).update(consent_until=on + datetime.timedelta(days=1))

    data = assemble_report(area, term, today=on)["participation"]
    assert [quote["text"] for quote in data["quotes"]] == [REPORT, PUBLIC]
    assert data["quotes"][0]["given_by"] == "Children in Care Council"
    assert data["quotes_withheld"] == "1 quote withheld: consent expired"
    # As of a later date the report quote's consent has ended too.
    data = assemble_report(area, term, today=later)["participation"]
    assert [quote["text"] for quote in data["quotes"]] == [PUBLIC]
    assert data["quotes_withheld"] == "2 quotes withheld: consent expired"


def test_the_public_page_and_the_api_show_public_quotes_only(client, quoted, administrator):
    participation_record_publish(record=quoted, user=None, previewed_version=quoted.version)
    partnership = quoted.partnership
    page = client.get(reverse("public:you_said_we_did", args=[partnership.slug]))
    text = page.content.decode()
    assert PUBLIC in text
    for hidden in (INTERNAL, REPORT, EXPIRED, "Children in Care Council"):
        assert hidden not in text
    api = APIClient()
    api.force_authenticate(administrator)
    body = api.get(reverse("api:participation-record-detail", args=[quoted.pk])).json()
    assert body["quotes"] == [PUBLIC]
