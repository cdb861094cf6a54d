"""The kinds of record "search across everything" finds: for each, the records a person may
see (kept to their partnership, with what a result shows fetched in the same query), the
fields its words are looked for in, the order of its results and the line a result shows.

Every role reads every page these records appear on (core.roles), so each kind's records are
those of the partnership the person works in (core.partnerships.scope), with what is shared
with it. Providers are the exception the product already makes: one directory shared by every
partnership, as on the provider pages.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils import formats, timezone

from commissioning.models import CommissioningActivity, Contract, Provider
from core.partnerships import scope
from governance.models import Decision, Meeting
from participation.models import ParticipationRecord
from priorities.models import Action, PriorityArea


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


@dataclass(frozen=True)
class SearchKind:
    """One kind of record: `slug` names it in the address (`?kind=actions`)."""

    slug: str
    heading: str
    model: type[Model]
    # Looked in for the words; the first weighs most in the ranking (PostgreSQL).
    fields: tuple[str, ...]
    # The records `user` may see, with what `facts` and a result's title and link read.
    records: Callable[..., QuerySet]
    ordering: tuple[str, ...]
    # Short facts shown under a result's title (its priority, status, date and the like).
    facts: Callable[[Model], list[str]]
    # A longer text, shortened on the page.
    excerpt: Callable[[Model], str]


def _in_partnership(model: type[Model], *related: str) -> Callable[..., QuerySet]:
    def records(user) -> QuerySet:
        return scope(model.objects.all(), user).select_related(*related)

    return records


def _action_facts(action: Action) -> list[str]:
    return [
        action.priority_area.title,
        action.get_status_display(),
        f"Due {_date(action.due_date)}",
    ]


def _priority_facts(area: PriorityArea) -> list[str]:
    return [str(area.framework)]


def _activity_facts(activity: CommissioningActivity) -> list[str]:
    return [
        activity.priority_area.title,
        f"{activity.get_stage_display()} (cycle {activity.cycle_number})",
        activity.get_status_display(),
    ]


def _contract_facts(contract: Contract) -> list[str]:
    return [
        contract.provider.name,
        contract.get_status_display(),
        f"Ends {_date(contract.end_date)}",
    ]


def _provider_facts(provider: Provider) -> list[str]:
    facts = [provider.get_kind_display()]
    if not provider.is_active:
        facts.append("Inactive")
    return facts


def _record_facts(record: ParticipationRecord) -> list[str]:
    return [record.get_method_display(), f"Stage: {record.get_stage_display()}"]


def _meeting_facts(meeting: Meeting) -> list[str]:
    return [fact for fact in (meeting.get_status_display(), meeting.location) if fact]


def _decision_facts(decision: Decision) -> list[str]:
    meeting = decision.meeting
    return [
        f"{meeting.board.name}, {_date(timezone.localtime(meeting.starts_at))}",
        decision.get_status_display(),
        f"Owner: {decision.owner}",
    ]


KINDS: tuple[SearchKind, ...] = (
    SearchKind(
        slug="actions",
        heading="Actions",
        model=Action,
        fields=("title", "description"),
        records=_in_partnership(Action, "priority_area"),
        ordering=("due_date", "pk"),
        facts=_action_facts,
        excerpt=lambda action: action.description,
    ),
    SearchKind(
        slug="priorities",
        heading="Priorities",
        model=PriorityArea,
        fields=("title", "aim"),
        records=_in_partnership(PriorityArea, "framework"),
        ordering=("framework_id", "order", "pk"),
        facts=_priority_facts,
        excerpt=lambda area: area.aim,
    ),
    SearchKind(
        slug="activities",
        heading="Commissioning activities",
        model=CommissioningActivity,
        fields=("title", "description", "specification_text"),
        records=_in_partnership(CommissioningActivity, "priority_area"),
        ordering=("title", "pk"),
        facts=_activity_facts,
        excerpt=lambda activity: activity.description,
    ),
    SearchKind(
        slug="contracts",
        heading="Contracts",
        model=Contract,
        fields=("title", "reference", "service__name"),
        records=_in_partnership(Contract, "provider"),
        ordering=("reference",),
        facts=_contract_facts,
        excerpt=lambda contract: "",
    ),
    SearchKind(
        slug="providers",
        heading="Providers",
        model=Provider,
        fields=("name", "charity_number", "company_number", "ods_code"),
        # The directory every partnership shares (commissioning.selectors.provider_directory).
        records=lambda user: Provider.objects.all(),
        ordering=("name",),
        facts=_provider_facts,
        excerpt=lambda provider: "",
    ),
    SearchKind(
        slug="participation",
        heading="Participation records",
        model=ParticipationRecord,
        fields=("title", "you_said", "we_did", "decision_description"),
        records=_in_partnership(ParticipationRecord),
        ordering=("-date", "-pk"),
        facts=_record_facts,
        excerpt=lambda record: record.you_said,
    ),
    SearchKind(
        slug="meetings",
        heading="Meetings",
        model=Meeting,
        fields=("board__name", "location", "minutes"),
        records=_in_partnership(Meeting, "board"),
        ordering=("-starts_at", "pk"),
        facts=_meeting_facts,
        excerpt=lambda meeting: meeting.minutes,
    ),
    SearchKind(
        slug="decisions",
        heading="Decisions",
        model=Decision,
        fields=("text", "owner"),
        records=_in_partnership(Decision, "meeting__board"),
        ordering=("-meeting__starts_at", "pk"),
        facts=_decision_facts,
        excerpt=lambda decision: decision.text if len(decision.text) > 80 else "",
    ),
)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
