"""What export_partnership writes and import_partnership expects to find empty.

The local apps' models with users and groups; not the tables Django or its add-ons fill for
themselves (sessions, permissions, content types, the admin log, django-axes' sign-in
attempts), nor the audit history, which describes edits in the old database, not data (nor,
with it, the record of values removed from that history, core.HistoryPurge), nor
the kept board and meeting pack PDFs, which the next download lays out again, nor
what the background jobs record of themselves (the schedule's runs, layouts, failed jobs).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from simple_history.models import HistoricalChanges

# Derived from the rest, and large: rebuilt on demand rather than carried in a backup; and the
# background jobs' own records of this database's queue (FailedJob is a view of that queue).
DERIVED_MODELS = (
    "reporting.BoardPackPdf",
    "reporting.BoardPackRender",
    "reporting.MeetingPackPdf",
    "reporting.ScheduledRun",
    "reporting.FailedJob",
)
# Part of the audit history, which a backup leaves out: it names rows of the old history.
AUDIT_MODELS = ("core.HistoryPurge",)


def _domain_models() -> list:
    return [
        model
        for label in settings.LOCAL_APPS
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, HistoricalChanges)
        and model._meta.label not in (*DERIVED_MODELS, *AUDIT_MODELS)
    ]


def included_labels() -> list[str]:
    """The `app_label.Model` names to export, in an order that loads."""
    models = [get_user_model(), Group, *_domain_models()]
    return [model._meta.label for model in models]


def rows_in_the_way() -> dict[str, int]:
    """Rows that an import would collide with. Groups are left out: `migrate` creates the
    role groups, and the import updates them in place by name."""
    counts = {}
    for model in [get_user_model(), *_domain_models()]:
        count = model._default_manager.count()
        if count:
            counts[model._meta.label] = count
    return counts


# Models that moved app; a file exported before the move names them by their old label.
MOVED_MODELS = {
    "priorities.term": "reporting.term",
    "priorities.termlyreport": "reporting.termlyreport",
    "priorities.reportcomment": "reporting.reportcomment",
    "priorities.boardpackpdf": "reporting.boardpackpdf",
}


def relabel_moved_models(records: list[dict]) -> list[dict]:
    """Rename old model labels in an export's records: each record's own `model`, and the
    content types (natural keys, `[app_label, model]`) that generic relations point through."""
    for record in records:
        record["model"] = MOVED_MODELS.get(record["model"], record["model"])
        for name, value in record.get("fields", {}).items():
            if (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, str) for v in value)
            ):
                new = MOVED_MODELS.get(".".join(value))
                if new is not None:
                    record["fields"][name] = new.split(".")
    return records
