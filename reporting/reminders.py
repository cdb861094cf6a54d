"""The daily scan: what has fallen due is notified to the people it concerns, once.

`notifications_daily(today)` reads across the apps (actions, reports, participation,
contracts), so it lives here at the top layer. Each event has a key, so running the scan again,
the same day or the next, tells nobody twice: an action overdue is notified once per due date,
a report due or overdue once per priority and term, feedback owed once per record, a contract's
decision once per decision date (due, then overdue). `send_reminders` runs it,
then sends the immediate emails (core.notifications.emails).
"""

import datetime
from collections import Counter

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from commissioning import selectors as commissioning_selectors
from commissioning.models import Contract
from core.models import Kind
from core.notifications.services import notify
from participation.models import ParticipationRecord
from priorities.models import Action, PriorityArea
from reporting.models import Term, TermlyReport

# Lead commissioners hear of a report this long before its deadline.
REPORT_DUE_NOTICE = datetime.timedelta(days=14)
# A contract's manager hears of the decision on its future this long before it is needed.
DECISION_DUE_NOTICE = datetime.timedelta(days=60)


def report_deadline(term: Term) -> datetime.date:
    """The day a priority's report for `term` is due: the last day of the term."""
    return term.end_date


def _day(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def overdue_actions(today: datetime.date) -> int:
    """Tell each owner of an action that has fallen overdue."""
    made = 0
    actions = Action.objects.overdue(today).select_related("owner", "priority_area")
    for action in actions.order_by("due_date", "pk"):
        made += len(
            notify(
                recipients=[action.owner],
                kind=Kind.ACTION_OVERDUE,
                key=f"action:{action.pk}:{action.due_date.isoformat()}",
                message=f"Your action “{action.title}” ({action.priority_area}) was due on "
                f"{_day(action.due_date)} and is overdue.",
                about=action,
            )
        )
    return made


def _areas_without_submitted_report(term: Term):
    submitted = TermlyReport.objects.filter(term=term).exclude(status=TermlyReport.Status.DRAFT)
    return (
        PriorityArea.objects.exclude(pk__in=submitted.values("priority_area"))
        .select_related("framework")
        .prefetch_related("lead_commissioners")
        .order_by("framework__title", "order", "pk")
    )


def _tell_leads(term: Term, *, overdue: bool) -> int:
    deadline = report_deadline(term)
    url = reverse("reporting:report_list") + f"?term={term.pk}"
    made = 0
    for area in _areas_without_submitted_report(term):
        if overdue:
            message = (
                f"The {term} report of {area.title} was due on {_day(deadline)} and is overdue."
            )
        else:
            message = f"The {term} report of {area.title} is due by {_day(deadline)}."
        made += len(
            notify(
                recipients=area.lead_commissioners.all(),
                kind=Kind.REPORT_DUE,
                key=f"report:{area.pk}:{term.pk}:{'overdue' if overdue else 'due'}",
                message=message,
                about=area,
                url=url,
            )
        )
    return made


def reports_due(today: datetime.date) -> int:
    """Tell the lead commissioners of each priority whose report for this term is due within
    REPORT_DUE_NOTICE and not submitted, and of each whose report for the last term is not."""
    made = 0
    term = Term.objects.current(today)
    if term is None:
        return 0
    if report_deadline(term) - REPORT_DUE_NOTICE <= today <= report_deadline(term):
        made += _tell_leads(term, overdue=False)
    previous = term.previous() if term.contains(today) else term
    if previous is not None and report_deadline(previous) < today:
        made += _tell_leads(previous, overdue=True)
    return made


def feedback_owed(today: datetime.date) -> int:
    """Tell the lead commissioners of a record's priorities (who may edit it, and so owe the
    feedback), or whoever logged it if no priority has a lead, that its feedback is owed."""
    made = 0
    records = (
        ParticipationRecord.objects.feedback_owed(today)
        .select_related("created_by")
        .prefetch_related(
            Prefetch(
                "priority_areas",
                queryset=PriorityArea.objects.prefetch_related("lead_commissioners"),
            )
        )
        .order_by("date", "pk")
    )
    for record in records:
        leads = {
            lead for area in record.priority_areas.all() for lead in area.lead_commissioners.all()
        }
        if not leads and record.created_by is not None:
            leads = {record.created_by}
        made += len(
            notify(
                recipients=leads,
                kind=Kind.FEEDBACK_OWED,
                key=f"record:{record.pk}",
                message=f"Feedback is owed to those who took part in “{record.title}” on "
                f"{_day(record.date)}: tell them what happened as a result.",
                about=record,
            )
        )
    return made


def _decision_recipients(contracts: list[Contract]) -> dict[int, list]:
    """Each contract's manager, or, for a contract without one, its priority's leads: one query."""
    unmanaged = {c.priority_area_id for c in contracts if c.owner is None and c.priority_area_id}
    leads: dict[int, list] = {}
    links = PriorityArea.lead_commissioners.through.objects.filter(
        priorityarea_id__in=unmanaged
    ).select_related("user")
    for link in links:
        leads.setdefault(link.priorityarea_id, []).append(link.user)
    return {
        c.pk: [c.owner] if c.owner is not None else leads.get(c.priority_area_id, [])
        for c in contracts
    }


def contract_decisions_due(today: datetime.date) -> int:
    """Tell each contract's manager (else its priority's leads) that the decision on its future
    is needed by a date within DECISION_DUE_NOTICE, and again once that date has passed, while
    no decision is under way (no open re-commissioning, no decommissioning plan). Extending a
    contract moves its decision date, so the new date is told afresh."""
    entries = [
        entry
        for entry in commissioning_selectors.pipeline(today=today).entries
        if entry.decision_by <= today + DECISION_DUE_NOTICE
        and not entry.contract.has_recommissioning
        and not entry.contract.has_decommissioning_plan
    ]
    recipients = _decision_recipients([entry.contract for entry in entries])
    made = 0
    for entry in entries:
        contract, when = entry.contract, _day(entry.decision_by)
        if entry.overdue:
            message = (
                f"The decision on the future of {contract} was needed by {when} and is "
                f"overdue: it ends on {_day(contract.end_date)}."
            )
        else:
            message = (
                f"A decision on the future of {contract} is needed by {when}: it ends on "
                f"{_day(contract.end_date)}, with {contract.notice_period_months} months' notice "
                f"and {entry.lead_months} months to procure."
            )
        made += len(
            notify(
                recipients=recipients[contract.pk],
                kind=Kind.CONTRACT_DECISION,
                key=f"contract:{contract.pk}:{entry.decision_by.isoformat()}:"
                f"{'overdue' if entry.overdue else 'due'}",
                message=message,
                about=contract,
            )
        )
    return made


def notifications_daily(today: datetime.date | None = None) -> Counter:
    """Run every daily scan; returns how many notifications each kind made."""
    today = today or timezone.localdate()
    return Counter(
        {
            Kind.ACTION_OVERDUE: overdue_actions(today),
            Kind.REPORT_DUE: reports_due(today),
            Kind.FEEDBACK_OWED: feedback_owed(today),
            Kind.CONTRACT_DECISION: contract_decisions_due(today),
        }
    )
