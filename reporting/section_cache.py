"""Sections of a draft report kept in the shared cache under what they read.

A draft's page is assembled on every view, and a priority may have thousands of actions. Each
section named in WATCHED is kept under a key that carries the version (core/cache_versions.py)
of what it reads, moved on whenever a row of one of those tables is saved or deleted, and the
report's scope (priority, term, previous term, the day it is as of). A change on any app server
moves the version on, so every server misses the old entry, which simply expires; nothing is
deleted from one process's memory. A submitted report's snapshot is always assembled afresh.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Model

from commissioning.models import CommissioningActivity, Contract, Provider, Service, StageMove
from core.cache_versions import bump_on_save, versioned_key
from core.models import HistoryPurge, Partnership
from governance.models import Board, Decision, Meeting, Organisation
from participation.models import ParticipationRecord, Quote, StakeholderGroup, YouSaidItem
from priorities.models import (
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    PriorityArea,
    ProgressUpdate,
)
from reporting.models import TermlyReport
from reporting.scope import ReportScope

# The sections kept, each with the tables it reads. Every one also watches the purges of values
# from records' histories (core/history_purge.py), which rewrite a record's text in place
# without a save signal for it. The people who own exceptions and decisions are named afresh
# each time (assemble.with_owner_names). A section that comes to read another table lists it
# here: reporting/tests/test_section_cache.py checks each kept section against its SQL.
WATCHED: dict[str, tuple[type[Model], ...]] = {
    "actions": (Action, ProgressUpdate),
    "indicators": (
        Indicator,
        IndicatorValue,
        Comparator,
        ComparatorValue,
        PriorityArea,
        Framework,
        Partnership,
    ),
    "commissioning": (CommissioningActivity, StageMove, Contract, Provider, Service),
    "participation": (ParticipationRecord, YouSaidItem, Quote, StakeholderGroup, Partnership),
    # Decisions by the content type of what they concern, whose table only migrations change.
    "decisions": (Decision, Meeting, Board, Organisation, TermlyReport, ContentType),
}
# Bump when the shape of a kept section changes, so that entries kept by the code before are
# not read by the code after (a shared cache outlives a deployment).
CACHE_GENERATION = 1
# Versions and the day move the key on; an entry no one reads for a day goes.
CACHE_SECONDS = 24 * 60 * 60


def version_name(section: str) -> str:
    return f"report-section-{section}"


def watch_what_sections_read() -> None:
    """Move a section's version on when what it reads changes (ReportingConfig.ready)."""
    for section, models in WATCHED.items():
        for model in (*models, HistoryPurge):
            bump_on_save(model, version_name(section))


def section_key(scope: ReportScope, section: str, variant: str = "") -> str:
    """The cache key of a section (or a `variant` of it, such as fewer rows) of a priority's
    report for a term, as of its day, under the current version of what it reads."""
    term, previous = scope.term, scope.previous_term
    return versioned_key(
        f"report-section:{section}",
        version_name(section),
        extra=[
            CACHE_GENERATION,
            scope.priority_area.pk,
            [term.pk, term.start_date, term.end_date],
            previous.end_date if previous else None,
            scope.as_of,
            variant,
        ],
    )


def cached_section(
    scope: ReportScope, section: str, build: Callable[[ReportScope], Any], variant: str = ""
) -> Any:
    """The section `build` assembles: for a section in WATCHED, from the cache while what it
    reads is unchanged since it was kept; built afresh without `scope.cached`. A `variant` of
    a section (built differently by `build`) is kept under a key of its own."""
    if not scope.cached or section not in WATCHED:
        return build(scope)
    key = section_key(scope, section, variant)
    found = cache.get(key)
    if found is None:
        found = build(scope)
        cache.set(key, found, CACHE_SECONDS)
    return found
