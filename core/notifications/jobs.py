"""The background job that sends the immediate emails of an event's notifications.

Queued once the event's change commits, so no web request waits on a mail server; a failed
attempt is tried again (core.jobs.retried_task), and `send_reminders` sends anything still
unsent. Idempotent: what was emailed is kept (EmailSent), so a second run sends nothing.
"""

import datetime

from core.jobs import retried_task
from core.notifications.emails import send_immediate_emails


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=5))
def email_notifications(notification_ids: list[int]) -> int:
    """Email at once those of these notifications whose recipients chose it; how many emails."""
    return send_immediate_emails(notification_ids=notification_ids).emails
