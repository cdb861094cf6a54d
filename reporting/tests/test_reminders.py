"""send_reminders: the daily scan notifies what has fallen due, and the emails chosen "at once"
go out; run twice, it sends once."""

import pytest
from django.core import mail
from django.core.management import call_command

from core.models import Delivery, EmailSent, Kind, Notification
from core.notifications.services import notification_preferences_save
from core.tests.factories import CommissionerFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting import services
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_owners_and_leads_are_notified_and_emailed_as_they_chose(capsys):
    owner = CommissionerFactory(username="owner")
    lead = CommissionerFactory(username="lead")
    notification_preferences_save(user=owner, choices={Kind.ACTION_OVERDUE: Delivery.IMMEDIATE})
    ActionFactory(owner=owner, title="Refresh the sufficiency statement", overdue=True)
    ActionFactory(owner=owner, title="Not late yet")
    ActionFactory(owner=lead, title="Late, and in the digest", overdue=True)
    done = PriorityAreaFactory(title="SEND", lead_commissioners=[lead])
    services.termly_report_submit(
        report=TermlyReportFactory(priority_area=done, term=Term.objects.current()), user=lead
    )

    call_command("send_reminders", "--base-url", "https://jcm.example.org/")

    assert Notification.objects.filter(kind=Kind.ACTION_OVERDUE).count() == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "owner@example.org" in by_recipient
    to_owner = by_recipient["owner@example.org"].body
    assert "Refresh the sufficiency statement" in to_owner
    assert "Not late yet" not in to_owner
    assert "https://jcm.example.org/priorities/actions/" in to_owner
    # The lead's overdue action waits for the weekly digest (its kind's default).
    assert all("Late, and in the digest" not in message.body for message in mail.outbox)
    assert not EmailSent.objects.filter(recipient=lead, notification__kind=Kind.ACTION_OVERDUE)


def test_run_twice_it_sends_once(capsys):
    owner = CommissionerFactory()
    notification_preferences_save(user=owner, choices={Kind.ACTION_OVERDUE: Delivery.IMMEDIATE})
    ActionFactory(owner=owner, overdue=True)
    call_command("send_reminders")
    call_command("send_reminders")
    assert len(mail.outbox) == 1
    assert (
        capsys.readouterr().out.splitlines()[-1].startswith("Made 0 notifications; sent 0 emails")
    )


def test_people_without_an_email_are_skipped_and_dry_run_changes_nothing(capsys):
    for owner in (CommissionerFactory(email=""), CommissionerFactory()):
        notification_preferences_save(user=owner, choices={Kind.ACTION_OVERDUE: Delivery.IMMEDIATE})
        ActionFactory(owner=owner, overdue=True)
    call_command("send_reminders", "--dry-run")
    assert mail.outbox == [] and not Notification.objects.exists()
    assert "Would make 2 notifications; would send 1 emails; 1 people have no email." in (
        capsys.readouterr().out
    )
    call_command("send_reminders")
    assert len(mail.outbox) == 1
