"""Retention of participation records: when a record's words are removed, and the removal.

A record keeps its words (what was said, what was done, quotes) until its retention date: the
partnership's `participation_retention_years` after the review of its commissioning activity
(the last time the activity entered the review stage), or after the record's own date when it
has no activity or the activity has not reached review. The services set the date on every
save; an administrator may move it later in the admin, never earlier than the rule.

`anonymise_due_records` (run daily by the schedule, reporting/schedule.py) takes each record
whose retention date has passed and that is not yet anonymised: its quotes are deleted, every
free text of the record and of the rows that hang off it becomes "[removed]" (the title a
neutral one), in the record and in every historical copy of them, and an AnonymisationLog row
says what was removed, never the text. Counts, age bands, method, level, stage, dates, groups
and priorities stay, so the coverage and the termly figures are unchanged.
"""

import datetime
import logging

from django.db import models, transaction
from django.utils import timezone

from commissioning.models import StageMove
from core.cache_versions import bump_model
from core.choices import Stage
from core.history_purge import REMOVED, text_fields
from participation.models import (
    AnonymisationLog,
    ParticipationRecord,
    PersonalDataConfirmation,
    Quote,
)

logger = logging.getLogger(__name__)

ANONYMISED_TITLE = "Participation record (anonymised)"
# Rows that hang off a record but hold no one's words: the log of the job itself, and the
# personal-data confirmations (a field's name and the kinds found, never the words found).
NOT_WORDS = (AnonymisationLog, PersonalDataConfirmation)
JOB_NAME = "retention job"


def years_after(date: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def review_date(record: ParticipationRecord) -> datetime.date | None:
    """When the record's commissioning activity last entered the review stage, if it has."""
    activity = record.activity
    if activity is None:
        return None
    if activity.stage == Stage.REVIEW:
        return timezone.localdate(activity.stage_entered_at)
    moved = (
        StageMove.objects.filter(activity=activity, to_stage=Stage.REVIEW)
        .order_by("-moved_at")
        .values_list("moved_at", flat=True)
        .first()
    )
    return timezone.localdate(moved) if moved else None


def retention_date_for(record: ParticipationRecord, years: int) -> datetime.date:
    """The rule: `years` after the activity's review if known, else after the record's date."""
    return years_after(review_date(record) or record.date, years)


def _child_models() -> list[tuple[type[models.Model], str]]:
    """Each model that hangs off a participation record by a foreign key, with that key's
    name: their free text goes with the record's."""
    return [
        (relation.related_model, relation.field.name)
        for relation in ParticipationRecord._meta.related_objects
        if relation.one_to_many
        and relation.related_model not in NOT_WORDS
        and not relation.related_model.__name__.startswith("Historical")
        and any(text_fields(relation.related_model))
    ]


def _removal(model: type[models.Model]) -> dict[str, models.Expression]:
    """What each free-text field of `model` becomes once anonymised: "[removed]" where it held
    something, empty where it was empty (a "we did" not written yet stays unwritten)."""
    values = {
        field.name: models.Case(
            models.When(**{field.name: ""}, then=models.Value("")),
            default=models.Value(REMOVED),
        )
        for field in text_fields(model)
    }
    if model is ParticipationRecord:
        values["title"] = models.Value(ANONYMISED_TITLE)
    return values


def _blank_history(model: type[models.Model], lookup: dict, values: dict[str, str]) -> int:
    """Replace the text of every historical row matching `lookup`; how many rows there were."""
    if not hasattr(model, "history"):
        return 0
    return model.history.filter(**lookup).update(**values)


def _bump_caches_of(changed: list[type[models.Model]]) -> None:
    for model in changed:
        bump_model(model)


@transaction.atomic
def record_anonymise(*, record: ParticipationRecord, today: datetime.date) -> AnonymisationLog:
    """Remove the words of one record past its retention date, keeping its counts, and log it."""
    current = ParticipationRecord.objects.select_for_update().get(pk=record.pk)
    if current.anonymised_at is not None:
        return current.anonymisations.first()
    quote_ids = list(Quote.objects.filter(record=current).values_list("pk", flat=True))
    removed_fields = sorted(
        f"{ParticipationRecord._meta.model_name}.{name}"
        for name in _removal(ParticipationRecord)
        if getattr(current, name)
    )
    history_rows = _blank_history(
        ParticipationRecord, {"id": current.pk}, _removal(ParticipationRecord)
    )
    # Quotes go entirely; their history keeps that they existed, without their words. Deleted
    # first: the deletion writes a last historical copy, which is blanked with the rest.
    Quote.objects.filter(pk__in=quote_ids).delete()
    history_rows += _blank_history(Quote, {"record_id": current.pk}, _removal(Quote))
    for model, key in _child_models():
        if model is Quote:
            continue
        values = _removal(model)
        children = model._default_manager.filter(**{key: current})
        if children.exists():
            removed_fields += sorted(f"{model._meta.model_name}.{name}" for name in values)
        history_rows += _blank_history(model, {f"{key}_id": current.pk}, values)
        children.update(**values)
    # An update, not a save: a save would write a new historical copy of the record.
    ParticipationRecord.objects.filter(pk=current.pk).update(
        **_removal(ParticipationRecord),
        anonymised_at=timezone.now(),
        published_at=None,
        published_by=None,
        version=models.F("version") + 1,
    )
    # update() sends no post_save: pages and report sections that cached these words must
    # read them afresh (now, and again at the commit, as bump_on_save does).
    changed = [ParticipationRecord, *(model for model, _ in _child_models())]
    _bump_caches_of(changed)
    transaction.on_commit(lambda: _bump_caches_of(changed))
    log = AnonymisationLog(
        record=current,
        retention_date=current.retention_date,
        quotes_removed=len(quote_ids),
        fields_removed=removed_fields,
        history_rows_changed=history_rows,
        done_by=JOB_NAME,
    )
    log.full_clean()
    log.save()
    return log


def anonymise_due_records(*, today: datetime.date | None = None) -> list[AnonymisationLog]:
    """Anonymise every record whose retention date is before `today` and not yet anonymised;
    a record done already is left alone, so running it twice does nothing more."""
    today = today or timezone.localdate()
    logs = [
        record_anonymise(record=record, today=today)
        for record in ParticipationRecord.objects.retention_due(today).order_by("pk")
    ]
    logger.info("Retention: %d participation record(s) anonymised.", len(logs))
    return logs
