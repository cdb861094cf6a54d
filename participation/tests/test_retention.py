"""Retention: records past their retention date lose their words, keep their counts, and the
audit history keeps none of the removed text."""

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from commissioning.models import StageMove
from commissioning.tests.factories import ActivityFactory
from core.history_purge import REMOVED
from participation import retention
from participation.models import AnonymisationLog, ParticipationRecord
from participation.tasks import anonymise_records_past_retention
from participation.tests.factories import (
    ParticipationRecordFactory,
    QuoteFactory,
    YouSaidItemFactory,
)
from participation.tests.helpers import record_form_data

pytestmark = pytest.mark.django_db

SAID = "Aisha said the bus to the review never came"
DID = "We moved the review to the school on Harrow Road"
DECISION = "The panel changed the venue after Aisha spoke"
QUOTE = "Aisha: I felt nobody listened at the review"
LUNDY = "Aisha's group met at the youth centre, with an advocate beside her"
ITEM_SAID = "Aisha asked to text her advocate"
ITEM_DID = "A text line opened for Aisha's group"


def _record(today, *, days_past: int, **extra) -> ParticipationRecord:
    """A record with words, Lundy evidence, a "you said" item and a quote, whose retention
    date is `days_past` days before `today` (0: today itself), it and its item edited once so
    that their history holds the words twice."""
    record = ParticipationRecordFactory(
        you_said=SAID,
        we_did=DID,
        decision_changed="yes",
        decision_description=DECISION,
        lundy_voice="yes",
        lundy_voice_evidence=LUNDY,
        retention_date=today - datetime.timedelta(days=days_past),
        **extra,
    )
    record.we_did = f"{DID}, from March"
    record.save()
    item = YouSaidItemFactory(record=record, you_said=ITEM_SAID, response=ITEM_DID)
    item.response = f"{ITEM_DID}, in March"
    item.save()
    QuoteFactory(record=record, text=QUOTE)
    return record


def _every_historical_text() -> list[str]:
    """Every text value of every row of every history table."""
    values = []
    for model in apps.get_models():
        if not model.__name__.startswith("Historical"):
            continue
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*names):
            values += [str(value) for value in row if value]
    return values


def test_the_rule_counts_from_the_activitys_review(today):
    activity = ActivityFactory(stage="plan")
    record = ParticipationRecordFactory(activity=activity, date=today - datetime.timedelta(400))
    assert retention.retention_date_for(record, 6) == retention.years_after(record.date, 6)
    StageMove.objects.create(
        activity=activity,
        from_stage="plan",
        to_stage="review",
        from_cycle=1,
        to_cycle=1,
        moved_at=datetime.datetime.combine(
            today - datetime.timedelta(30), datetime.time(12), tzinfo=datetime.UTC
        ),
        moved_by=record.created_by,
    )
    assert retention.retention_date_for(record, 6) == retention.years_after(
        today - datetime.timedelta(30), 6
    )
    assert retention.years_after(datetime.date(2028, 2, 29), 6) == datetime.date(2034, 2, 28)


def test_the_form_sets_the_retention_date_from_the_partnership(commissioner_client, area, council):
    partnership = area.framework.partnership
    partnership.participation_retention_years = 3
    partnership.save()
    data = record_form_data(priority_areas=[area], groups=[council])
    response = commissioner_client.post(reverse("participation:record_create"), data)
    assert response.status_code == 302
    record = ParticipationRecord.objects.get()
    assert record.retention_date == retention.years_after(record.date, 3)


def test_the_job_anonymises_exactly_the_records_past_their_date(today):
    due = _record(today, days_past=1)
    on_the_day = _record(today, days_past=0)
    later = _record(today, days_past=-30)

    logs = retention.anonymise_due_records(today=today)

    assert [log.record_id for log in logs] == [due.pk]
    due.refresh_from_db()
    assert due.anonymised_at is not None
    assert due.title == retention.ANONYMISED_TITLE
    assert (due.you_said, due.we_did, due.decision_description) == (REMOVED,) * 3
    assert due.lundy_voice_evidence == REMOVED
    assert not due.quotes.exists()
    item = due.you_said_items.get()
    assert (item.you_said, item.response) == (REMOVED, REMOVED)
    # Counts, method, stage, level, groups, Lundy's values and the loop's outcomes are kept.
    assert (due.age_11_15, due.age_16_17, due.children_in_care) == (6, 3, 9)
    assert due.groups.count() == 1 and due.priority_areas.count() == 1
    assert (due.lundy_voice, item.outcome) == ("yes", "we_did")
    for kept in (on_the_day, later):
        kept.refresh_from_db()
        assert kept.anonymised_at is None and kept.you_said == SAID
        assert kept.quotes.get().text == QUOTE


def test_no_removed_text_is_left_in_any_history(today):
    kept = ParticipationRecordFactory(retention_date=today + datetime.timedelta(days=1))
    QuoteFactory(record=kept, text="Another quote, still within retention")
    due = _record(today, days_past=5)
    assert any(SAID in value for value in _every_historical_text())

    retention.anonymise_due_records(today=today)

    texts = _every_historical_text()
    for removed in (SAID, DID, DECISION, QUOTE, LUNDY, ITEM_SAID, ITEM_DID, due.title):
        assert not [value for value in texts if removed in value]
    # The record kept is untouched, history and all.
    assert kept.history.filter(you_said=kept.you_said).exists()
    assert "Another quote, still within retention" in texts


def test_the_log_says_what_was_removed_never_the_text(today):
    due = _record(today, days_past=2)
    retention.anonymise_due_records(today=today)
    log = AnonymisationLog.objects.get()
    assert log.record == due and log.quotes_removed == 1 and log.done_by == "retention job"
    assert log.retention_date == today - datetime.timedelta(days=2)
    assert "participationrecord.you_said" in log.fields_removed
    assert "participationrecord.feedback_method" not in log.fields_removed  # it was empty
    assert log.history_rows_changed >= 3
    assert SAID not in str(log.fields_removed)


def test_running_it_again_does_nothing_more(today):
    _record(today, days_past=2)
    assert len(retention.anonymise_due_records(today=today)) == 1
    assert retention.anonymise_due_records(today=today) == []
    assert AnonymisationLog.objects.count() == 1


def test_the_scheduled_job_runs_it(today, run_jobs):
    due = _record(today, days_past=1)
    anonymise_records_past_retention.enqueue()
    run_jobs()
    due.refresh_from_db()
    assert due.anonymised_at is not None


def test_the_admin_lists_what_is_due(administrator_client, today):
    _record(today, days_past=3, title="Past due consultation")
    _record(today, days_past=-20, title="Due soon consultation")
    _record(today, days_past=-400, title="Not due for long")
    url = reverse("admin:participation_participationrecord_changelist")
    past = administrator_client.get(url, {"retention": "past"}).content.decode()
    soon = administrator_client.get(url, {"retention": "soon"}).content.decode()
    assert "Past due consultation" in past and "Due soon consultation" not in past
    assert "Due soon consultation" in soon and "Not due for long" not in soon
    retention.anonymise_due_records(today=today)
    log_page = administrator_client.get(
        reverse("admin:participation_anonymisationlog_changelist")
    ).content.decode()
    assert "retention job" in log_page


def test_the_admin_refuses_a_retention_date_earlier_than_the_rule(today):
    from django.forms import modelform_factory

    from participation.admin import ParticipationRecordAdminForm

    record = ParticipationRecordFactory(retention_date=None)
    rule = retention.retention_date_for(record, 6)
    form_class = modelform_factory(
        ParticipationRecord, form=ParticipationRecordAdminForm, fields=["retention_date"]
    )
    form = form_class(instance=record)
    form.cleaned_data = {"retention_date": rule - datetime.timedelta(days=1)}
    with pytest.raises(Exception, match="choose that date or a later one"):
        form.clean_retention_date()
    form.cleaned_data = {"retention_date": rule + datetime.timedelta(days=365)}
    assert form.clean_retention_date() == rule + datetime.timedelta(days=365)
