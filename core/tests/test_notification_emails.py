"""Email of notifications as each person chose: nothing for "in the app only", one email each
for "email at once", one weekly digest for "weekly digest"; a rerun sends nothing new."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.models import Delivery, EmailSent, Kind
from core.notifications import emails, services
from core.notifications.jobs import email_notifications
from core.tests.factories import CommissionerFactory, NotificationFactory

pytestmark = pytest.mark.django_db


def _choose(user, kind: str, delivery: str) -> None:
    services.notification_preferences_save(user=user, choices={kind: delivery})


def test_in_app_only_sends_no_email():
    user = CommissionerFactory()
    _choose(user, Kind.CHALLENGE, Delivery.IN_APP)
    NotificationFactory(recipient=user, kind=Kind.CHALLENGE)
    assert emails.send_immediate_emails().emails == 0
    assert emails.send_digests().emails == 0
    assert mail.outbox == [] and not EmailSent.objects.exists()


def test_immediate_sends_one_short_plain_email_linking_to_the_record_once():
    user = CommissionerFactory(first_name="Asha", last_name="Patel")
    notification = NotificationFactory(
        recipient=user,
        kind=Kind.CHALLENGE,
        message="Demo Board Member challenged the report Children in Care",
        url="/priorities/reports/7/#challenge-3",
    )
    assert emails.send_immediate_emails().emails == 1
    assert emails.send_immediate_emails().emails == 0
    assert emails.send_digests().emails == 0
    [email] = mail.outbox
    assert email.to == [user.email]
    assert email.subject.endswith("Demo Board Member challenged the report Children in Care")
    assert "Hello Asha Patel," in email.body
    assert "https://jcm.example.org/priorities/reports/7/#challenge-3" in email.body
    assert "https://jcm.example.org/notifications/preferences/" in email.body
    assert email.content_subtype == "plain"
    assert EmailSent.objects.get().notification == notification


def test_a_base_url_given_wins_over_the_setting():
    NotificationFactory(kind=Kind.CHALLENGE, url="/priorities/reports/1/")
    emails.send_immediate_emails(base_url="https://other.example.org/")
    assert "https://other.example.org/priorities/reports/1/" in mail.outbox[0].body


def test_digest_sends_one_weekly_email_of_the_unsent_notifications(clock):
    user = CommissionerFactory()
    NotificationFactory(recipient=user, kind=Kind.ACTION_OVERDUE, message="Too old to tell")
    clock.shift(datetime.timedelta(days=8))
    user.refresh_from_db()
    NotificationFactory(recipient=user, kind=Kind.ACTION_OVERDUE, message="Action one is overdue")
    NotificationFactory(recipient=user, kind=Kind.FEEDBACK_OWED, message="Feedback owed")
    NotificationFactory(recipient=user, kind=Kind.CHALLENGE, message="A challenge, sent at once")
    assert emails.send_immediate_emails().emails == 1
    mail.outbox.clear()
    outcome = emails.send_digests()
    assert (outcome.emails, outcome.notifications) == (1, 2)
    [digest] = mail.outbox
    assert "your week, 2 notifications" in digest.subject
    assert "Action one is overdue" in digest.body and "Feedback owed" in digest.body
    assert "Too old to tell" not in digest.body and "sent at once" not in digest.body
    assert emails.send_digests().emails == 0
    assert len(mail.outbox) == 1


def test_read_notifications_and_people_without_email_are_not_emailed():
    NotificationFactory(kind=Kind.CHALLENGE, read_at=timezone.now())
    NotificationFactory(kind=Kind.CHALLENGE, recipient=CommissionerFactory(email=""))
    outcome = emails.send_immediate_emails()
    assert (outcome.emails, outcome.no_email) == (0, 1)
    assert mail.outbox == []


def test_dry_runs_send_and_record_nothing():
    NotificationFactory(kind=Kind.CHALLENGE)
    NotificationFactory(kind=Kind.FEEDBACK_OWED)
    assert emails.send_immediate_emails(dry_run=True).emails == 1
    assert emails.send_digests(dry_run=True).emails == 1
    assert mail.outbox == [] and not EmailSent.objects.exists()


def test_send_digests_run_twice_sends_once(capsys):
    NotificationFactory(kind=Kind.ACTION_OVERDUE)
    call_command("send_digests", "--dry-run")
    assert "Would send 1 digests of 1 notifications" in capsys.readouterr().out
    call_command("send_digests")
    call_command("send_digests")
    assert len(mail.outbox) == 1
    assert "Sent 0 digests of 0 notifications" in capsys.readouterr().out.splitlines()[-1]


def test_emails_are_queued_on_commit_and_sent_by_the_worker_once(
    django_capture_on_commit_callbacks, run_jobs
):
    notification = NotificationFactory(kind=Kind.ANSWER)
    with django_capture_on_commit_callbacks(execute=True):
        emails.deliver_on_commit([notification])
        assert run_jobs() == []  # nothing queued before the commit
    assert mail.outbox == []
    assert run_jobs() == ["email_notifications"]
    assert len(mail.outbox) == 1
    email_notifications.enqueue([notification.pk])  # run twice, it sends once
    run_jobs()
    assert len(mail.outbox) == 1


def test_nothing_is_emailed_while_paused(django_capture_on_commit_callbacks):
    notification = NotificationFactory(kind=Kind.ANSWER)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, emails.emails_paused():
        emails.deliver_on_commit([notification])
    assert callbacks == [] and mail.outbox == []


def test_a_failing_mail_server_leaves_the_email_for_send_reminders(
    django_capture_on_commit_callbacks, settings
):
    """A mail server refusing on commit must not break the saved change; a rerun sends it."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    notification = NotificationFactory(kind=Kind.ANSWER)
    with django_capture_on_commit_callbacks(execute=True):
        emails.deliver_on_commit([notification])
    assert not EmailSent.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert emails.send_immediate_emails().emails == 1
