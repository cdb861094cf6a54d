"""Publishing a record on the public "You said, we did" page: preview, publish, unpublish, and
what an edit of a published record does."""

import pytest
from django.test import Client
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from participation import services
from participation.models import ParticipationRecord
from participation.publication import PUBLIC_ROW_KEYS, public_row
from participation.tests.factories import ParticipationRecordFactory
from participation.tests.helpers import record_form_data

pytestmark = pytest.mark.django_db


def _url(name: str, record) -> str:
    return reverse(f"participation:{name}", args=[record.pk])


@pytest.fixture
def record(area, council):
    return ParticipationRecordFactory(
        title="Advocacy consultation",
        priority_areas=[area],
        groups=[council],
        age_11_15=7,
        age_16_17=4,
        children_in_care=3,
        you_said="You want to meet your advocate before a review, not on the day.",
        we_did="Advocates now visit a week before every review.",
    )


def _publish(client, record):
    return client.post(_url("record_publish", record), {"version": record.version})


def test_the_preview_shows_the_public_words_and_lists_what_is_left_out(commissioner_client, record):
    page = commissioner_client.get(_url("record_public_preview", record)).content.decode()
    assert "meet your advocate before a review" in page
    assert "You told us" in page and "What changed" in page
    # Both bands hidden: 4 is under 5, and 7 alone could be worked out from the total.
    assert "11 people" in page
    assert "Aged 16 to 17: 4" in page and "Aged 11 to 15: 7" in page  # in the left-out list
    assert page.count("not shown, to keep a small group private") == 2
    assert "The groups that took part (Children in Care Council)" in page
    assert "Publish</button>" in page


def test_publishing_records_who_and_when_and_unpublishing_clears_them(
    commissioner_client, commissioner, record
):
    response = _publish(commissioner_client, record)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.published_at is not None
    assert record.published_by == commissioner
    assert record.history.first().published_by_id == commissioner.pk
    page = commissioner_client.get(record.get_absolute_url()).content.decode()
    assert "is published on the public" in page
    assert f"Published on {record.published_at:%-d %B %Y}" in page

    commissioner_client.post(_url("record_unpublish", record))
    record.refresh_from_db()
    assert record.published_at is None and record.published_by is None
    page = commissioner_client.get(record.get_absolute_url()).content.decode()
    assert "no longer on the public pages" in page
    assert "Not published" in page


def test_words_that_could_identify_a_child_are_not_published(commissioner_client, record):
    ParticipationRecord.objects.filter(pk=record.pk).update(
        we_did="Jamie Smith, aged 9, now sees an advocate."
    )
    preview = commissioner_client.get(_url("record_public_preview", record)).content.decode()
    assert "It cannot be published yet" in preview
    assert "Publish</button>" not in preview
    response = _publish(commissioner_client, record)
    assert response.status_code == 302
    refused = commissioner_client.get(response["Location"]).content.decode()
    assert "Not published." in refused
    assert "Jamie Smith" in refused
    record.refresh_from_db()
    assert record.published_at is None


def test_a_record_changed_after_its_preview_is_not_published(commissioner_client, record):
    previewed = record.version
    ParticipationRecord.objects.filter(pk=record.pk).update(version=previewed + 1)
    commissioner_client.post(_url("record_publish", record), {"version": previewed})
    record.refresh_from_db()
    assert record.published_at is None
    page = commissioner_client.get(_url("record_public_preview", record)).content.decode()
    assert "changed after you opened the preview" in page


def test_editing_the_public_words_takes_the_record_off_the_public_page(
    commissioner_client, commissioner, record, area, council
):
    services.participation_record_publish(
        record=record, user=commissioner, previewed_version=record.version
    )
    form = commissioner_client.get(_url("record_update", record)).context["form"]
    data = record_form_data(
        priority_areas=[area],
        groups=[council],
        version=form["version"].value(),
        snapshot=form["snapshot"].value(),
        you_said="Something new, not yet read by anyone.",
    )
    response = commissioner_client.post(_url("record_update", record), data, follow=True)
    assert "no longer on the public page: preview it and publish it again" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert record.published_at is None


def test_an_edit_that_leaves_the_public_words_alone_keeps_it_published(
    commissioner, record, area, council
):
    record = services.participation_record_publish(
        record=record, user=commissioner, previewed_version=record.version
    )
    updated = services.participation_record_update(
        record=record,
        data={"feedback_method": "A letter to the council", "level": 3},
        priority_areas=[area],
        groups=[council],
        expected_version=record.version,
    )
    assert updated.published_at is not None


def test_board_members_and_other_commissioners_cannot_publish(board_member_client, record):
    other = Client()
    other.force_login(CommissionerFactory())
    for client in (board_member_client, other):
        assert client.get(_url("record_public_preview", record)).status_code == 403
        assert _publish(client, record).status_code == 403
    record.refresh_from_db()
    assert record.published_at is None


def test_the_log_filters_published_records(board_member_client, commissioner, area):
    shown = ParticipationRecordFactory(title="Published panel", priority_areas=[area])
    ParticipationRecordFactory(title="Private panel", priority_areas=[area])
    services.participation_record_publish(
        record=shown, user=commissioner, previewed_version=shown.version
    )
    log = reverse("participation:record_list")
    published = board_member_client.get(log, {"published": "true"}).content.decode()
    assert "Published panel" in published and "Private panel" not in published
    private = board_member_client.get(log, {"published": "false"}).content.decode()
    assert "Private panel" in private and "Published panel" not in private


def test_a_public_row_carries_exactly_the_public_keys():

    record = ParticipationRecordFactory(age_11_15=7, age_16_17=4)
    row = public_row(record, smallest_group=5)
    assert tuple(row) == PUBLIC_ROW_KEYS
