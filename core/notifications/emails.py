"""Emails of notifications: each at once, or a week's in one digest, as each person chose.

Every email is plain text, short, and links straight to the record (an absolute address:
the `base_url` given, else settings.SITE_URL). What was sent to whom is kept (core.models.
EmailSent, one row per recipient and notification), so a rerun sends nothing new. Mail goes
through Django's email backend, which EMAIL_URL configures.

`send_immediate_emails` is the one function that sends the immediate emails, whether run by the
worker's job (core/notifications/jobs.py) that an event's service queues on commit
(`deliver_on_commit`), or by `send_reminders`.
"""

import contextlib
import contextvars
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.models import Delivery, EmailSent, Notification
from core.notifications.services import deliveries_of, delivery, notify

# Immediate emails are for news: a notification older than this is left to the app.
# The digest covers the same span.
WEEK = datetime.timedelta(days=7)
SUBJECT_PREFIX = "Joint Commissioning Manager"

_paused = contextvars.ContextVar("notification_emails_paused", default=False)


@contextlib.contextmanager
def emails_paused() -> Iterator[None]:
    """No immediate email for what is notified inside: the demo's past events are not news."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def deliver_on_commit(notifications: Iterable[Notification]) -> None:
    """Once the transaction commits, queue the job that emails at once those of
    `notifications` whose recipients chose it."""
    ids = [notification.pk for notification in notifications]
    if ids and not _paused.get():
        # Imported here: the job's module imports this one.
        from core.notifications.jobs import email_notifications

        # Robust: a queue that cannot be written to is logged, never turned into an error page
        # for a change that is already saved; send_reminders sends what was not sent.
        transaction.on_commit(lambda: email_notifications.enqueue(ids), robust=True)


def announce(**event) -> list[Notification]:
    """`notify(**event)`, then email on commit those of the new notifications whose recipients
    chose "email at once": what an event's service calls."""
    made = notify(**event)
    deliver_on_commit(made)
    return made


@dataclass
class Outcome:
    """What a sending run did (or, dry, would do)."""

    emails: int = 0
    notifications: int = 0
    no_email: int = 0


def _site(base_url: str | None) -> str:
    return (base_url or settings.SITE_URL or "").rstrip("/")


def _unsent(since: datetime.datetime) -> QuerySet[Notification]:
    return (
        Notification.objects.unread()
        .filter(created_at__gte=since, recipient__is_active=True)
        .exclude(emails_sent__isnull=False)
        .select_related("recipient")
        .order_by("recipient_id", "-created_at", "-pk")
    )


def _by_delivery(notifications: list[Notification], wanted: str) -> list[Notification]:
    chosen = deliveries_of({notification.recipient_id for notification in notifications})
    return [
        notification
        for notification in notifications
        if delivery(chosen, notification.recipient_id, notification.kind) == wanted
    ]


def _message(user, subject: str, template: str, context: dict, site: str) -> EmailMessage:
    body = render_to_string(
        template,
        {
            "user": user,
            "site": site,
            "preferences_url": site + reverse("notifications:preferences"),
            **context,
        },
    )
    return EmailMessage(
        subject=f"{SUBJECT_PREFIX}: {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def _send(
    messages: list[EmailMessage], sent: list[EmailSent], outcome: Outcome, dry_run: bool
) -> Outcome:
    outcome.emails, outcome.notifications = len(messages), len(sent)
    if not dry_run and messages:
        get_connection().send_messages(messages)
        EmailSent.objects.bulk_create(sent, ignore_conflicts=True)
    return outcome


def send_immediate_emails(
    *,
    notification_ids: Iterable[int] | None = None,
    base_url: str | None = None,
    dry_run: bool = False,
) -> Outcome:
    """Email each unread notification of the past week, not emailed yet, whose recipient
    chose "email at once" for its kind: one email each. Only `notification_ids`, if given."""
    site = _site(base_url)
    pending = _unsent(timezone.now() - WEEK)
    if notification_ids is not None:
        pending = pending.filter(pk__in=list(notification_ids))
    outcome, messages, sent = Outcome(), [], []
    for notification in _by_delivery(list(pending), Delivery.IMMEDIATE):
        user = notification.recipient
        if not user.email:
            outcome.no_email += 1
            continue
        messages.append(
            _message(
                user,
                notification.message,
                "notifications/email/notification.txt",
                {"notification": notification, "link": site + notification.url},
                site,
            )
        )
        sent.append(
            EmailSent(
                recipient=user, notification=notification, channel=EmailSent.Channel.IMMEDIATE
            )
        )
    return _send(messages, sent, outcome, dry_run)


def send_digests(*, base_url: str | None = None, dry_run: bool = False) -> Outcome:
    """Email each person who chose the weekly digest for some kinds one email of their unread
    notifications of those kinds from the past week that no email has carried yet."""
    site = _site(base_url)
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in _by_delivery(list(_unsent(timezone.now() - WEEK)), Delivery.DIGEST):
        by_user[notification.recipient_id].append(notification)
    outcome, messages, sent = Outcome(), [], []
    for notifications in by_user.values():
        user = notifications[0].recipient
        if not user.email:
            outcome.no_email += 1
            continue
        count = len(notifications)
        messages.append(
            _message(
                user,
                f"your week, {count} notification{'s' if count != 1 else ''}",
                "notifications/email/digest.txt",
                {
                    "items": [(n, site + n.url) for n in notifications],
                    "all_url": site + reverse("notifications:list"),
                },
                site,
            )
        )
        sent.extend(
            EmailSent(recipient=user, notification=n, channel=EmailSent.Channel.DIGEST)
            for n in notifications
        )
    return _send(messages, sent, outcome, dry_run)
