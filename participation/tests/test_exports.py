"""The anonymised export: counts and categories, no free text beyond public consent, small
records added up."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from participation.exports import EXPORT_HEADERS, LUNDY_EXPORT_HEADERS
from participation.models import ConsentUse
from participation.tests.factories import (
    ParticipationRecordFactory,
    QuoteFactory,
    YouSaidItemFactory,
)

pytestmark = pytest.mark.django_db

CSV_URL = reverse("participation:anonymised_export_csv")
XLSX_URL = reverse("participation:anonymised_export_xlsx")
WORDS = {
    "title": "Consultation with Jayden's class at St Mary's",
    "you_said": "Jayden said the bus never came",
    "we_did": "We changed the route past Harrow Road",
    "decision_description": "The panel moved the service to Harrow Road",
    "feedback_method": "A letter to Jayden's carers",
    "lundy_space_evidence": "Jayden's youth club on Harrow Road, after school",
}
ITEM_WORDS = ("Jayden asked for a text line", "A text line opened for Jayden")
EXPIRED_QUOTE = "Consent ended: Jayden's words."
PUBLIC_QUOTE = "We want a say in where the service is."
PRIVATE_QUOTE = "Jayden: nobody asked me before."


def _csv(response) -> list[dict[str, str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx_cells(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value]


@pytest.fixture
def records(area, council, today):
    """A record of 12 with words and two quotes (one for public pages), and two of 3 and 4
    in the same stage and method."""
    big = ParticipationRecordFactory(
        priority_areas=[area],
        groups=[council],
        age_11_15=8,
        age_16_17=4,
        children_in_care=2,
        decision_changed="yes",
        feedback_date=today - datetime.timedelta(days=2),
        lundy_space="yes",
        **WORDS,
    )
    YouSaidItemFactory(record=big, you_said=ITEM_WORDS[0], response=ITEM_WORDS[1])
    QuoteFactory(
        record=big,
        given_by=council,
        text=EXPIRED_QUOTE,
        consent_use=ConsentUse.PUBLIC,
        consent_until=today - datetime.timedelta(days=1),
    )
    QuoteFactory(record=big, given_by=council, text=PUBLIC_QUOTE, consent_use=ConsentUse.PUBLIC)
    QuoteFactory(record=big, given_by=council, text=PRIVATE_QUOTE, consent_use=ConsentUse.REPORT)
    small = [
        ParticipationRecordFactory(
            priority_areas=[area], groups=[council], age_11_15=n, age_16_17=0, children_in_care=0
        )
        for n in (3, 4)
    ]
    QuoteFactory(record=small[0], given_by=council, text="Small group quote", consent_use="public")
    return big, small


def test_the_export_carries_no_free_text_beyond_public_consent(commissioner_client, records):
    response = commissioner_client.get(CSV_URL)
    assert response["Content-Type"].startswith("text/csv")
    cells = [value for row in _csv(response) for value in row.values()]
    xlsx = _xlsx_cells(commissioner_client.get(XLSX_URL))
    for found in (cells, xlsx):
        joined = "\n".join(found)
        for text in (
            *WORDS.values(),
            *ITEM_WORDS,
            PRIVATE_QUOTE,
            EXPIRED_QUOTE,
            "Jayden",
            "Children in Care Council",
        ):
            assert text not in joined
        assert PUBLIC_QUOTE in joined
    # Whether Lundy's elements were met is exported, never the evidence.
    big_row = next(row for row in _csv(response) if row["Row"] == "Record")
    assert big_row["Lundy: space"] == "Yes" and big_row["Lundy: influence"] == ""


def test_small_records_are_added_up_per_stage_and_method(commissioner_client, records):
    rows = _csv(commissioner_client.get(CSV_URL))
    assert [row["Row"] for row in rows] == ["Record", "Other (fewer than 10)"]
    record, other = rows
    assert record["Total taking part"] == "12" and record["Children in care"] == "2"
    assert record["Month"] and record["Level of participation"] == "Consult"
    assert record["Kinds of group taking part"] == "Care-experienced young people"
    # Together 7: still fewer than 10, so the counts are hidden as well.
    assert other["Records"] == "2"
    assert other["Total taking part"] == "fewer than 10"
    assert other["Aged 11 to 15"] == "" and other["Month"] == ""
    assert other["Quotes (consent for public pages)"] == ""
    assert list(rows[0]) == list(EXPORT_HEADERS)
    # Only Space was recorded for the record, and nothing for the records added up.
    assert [record[header] for header in LUNDY_EXPORT_HEADERS] == ["Yes", "", "", ""]
    assert all(other[header] == "" for header in LUNDY_EXPORT_HEADERS)


def test_small_records_together_over_the_threshold_show_their_sum(
    commissioner_client, records, area, council
):
    ParticipationRecordFactory(
        priority_areas=[area], groups=[council], age_11_15=5, age_16_17=0, children_in_care=0
    )
    other = _csv(commissioner_client.get(CSV_URL))[-1]
    assert (other["Records"], other["Total taking part"], other["Aged 11 to 15"]) == (
        "3",
        "12",
        "12",
    )


def test_the_log_filters_apply(commissioner_client, records):
    rows = _csv(commissioner_client.get(CSV_URL, {"method": "survey"}))
    assert rows == []


def test_the_export_query_count_is_constant(
    commissioner_client, records, area, council, django_assert_max_num_queries
):
    commissioner_client.get(CSV_URL)  # warm the session, as any later request finds it
    with CaptureQueriesContext(connection) as first:
        commissioner_client.get(CSV_URL)
    for _ in range(10):
        record = ParticipationRecordFactory(priority_areas=[area], groups=[council], age_0_4=20)
        QuoteFactory(record=record, given_by=council, consent_use="public")
    with django_assert_max_num_queries(len(first)):
        rows = _csv(commissioner_client.get(CSV_URL))
    assert len(rows) == 12


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_board_members_may_download_it_and_anonymous_visitors_sign_in(
    client, board_member_client, records, url
):
    assert client.get(url).status_code == 302
    response = board_member_client.get(url)
    assert response.status_code == 200
    assert "participation-anonymised-" in response["Content-Disposition"]


def test_the_log_links_to_the_export_with_its_filters(commissioner_client, records):
    page = commissioner_client.get(reverse("participation:record_list"), {"method": "survey"})
    text = page.content.decode()
    assert f'href="{CSV_URL}?method=survey"' in text
    assert f'href="{XLSX_URL}?method=survey"' in text
