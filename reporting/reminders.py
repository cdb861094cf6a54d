"""Daily reminders: each owner's overdue actions, each lead commissioner's reports due this term."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from priorities.models import Action, PriorityArea
from reporting.models import Term, TermlyReport


@dataclass
class Reminder:
    """What one person is reminded of."""

    user: object
    overdue_actions: list = field(default_factory=list)
    reports_due: list = field(default_factory=list)


def reminders(*, today: datetime.date | None = None) -> list[Reminder]:
    """Everyone with an overdue action or a report due this term, in three queries."""
    today = today or timezone.localdate()
    people: dict[int, Reminder] = {}

    def reminder_for(user) -> Reminder:
        return people.setdefault(user.pk, Reminder(user=user))

    overdue = (
        Action.objects.overdue(today)
        .select_related("owner", "priority_area")
        .order_by("owner_id", "due_date", "pk")
    )
    for action in overdue:
        reminder_for(action.owner).overdue_actions.append(action)

    term = Term.objects.current(today)
    if term is not None:
        submitted = TermlyReport.objects.filter(term=term).exclude(status=TermlyReport.Status.DRAFT)
        leads = (
            PriorityArea.lead_commissioners.through.objects.exclude(
                priorityarea__in=submitted.values("priority_area")
            )
            .select_related("user", "priorityarea__framework")
            .order_by("user_id", "priorityarea__framework__title", "priorityarea__order")
        )
        for lead in leads:
            reminder_for(lead.user).reports_due.append(lead.priorityarea)
    by_name: dict[str, list[Reminder]] = defaultdict(list)
    for reminder in people.values():
        by_name[reminder.user.get_username()].append(reminder)
    return [reminder for name in sorted(by_name) for reminder in by_name[name]]


def reminder_email(reminder: Reminder, *, term: Term | None, base_url: str) -> EmailMessage:
    body = render_to_string(
        "reporting/email/reminder.txt",
        {"reminder": reminder, "term": term, "base_url": base_url.rstrip("/")},
    )
    return EmailMessage(
        subject="Joint Commissioning Manager: your overdue actions and reports due",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.user.email],
    )
