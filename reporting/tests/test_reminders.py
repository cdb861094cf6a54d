"""send_reminders: owners hear of their overdue actions, leads of the reports due this term."""

import pytest
from django.core import mail
from django.core.management import call_command

from core.tests.factories import CommissionerFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting import services
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_owners_get_their_overdue_actions_and_leads_their_reports_due():
    owner = CommissionerFactory(username="owner")
    lead = CommissionerFactory(username="lead")
    ActionFactory(owner=owner, title="Refresh the sufficiency statement", overdue=True)
    ActionFactory(owner=owner, title="Not late yet")
    due = PriorityAreaFactory(title="Children in Care", lead_commissioners=[lead])
    done = PriorityAreaFactory(title="SEND", lead_commissioners=[lead])
    report = TermlyReportFactory(priority_area=done, term=Term.objects.current())
    services.termly_report_submit(report=report, user=lead)

    call_command("send_reminders", "--base-url", "https://jcm.example.org/")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"owner@example.org", "lead@example.org"}
    to_owner = by_recipient["owner@example.org"].body
    assert "Refresh the sufficiency statement" in to_owner
    assert "Not late yet" not in to_owner
    assert "https://jcm.example.org/priorities/actions/" in to_owner
    to_lead = by_recipient["lead@example.org"].body
    assert "Children in Care" in to_lead and "SEND" not in to_lead
    assert f"Termly reports due for {Term.objects.current()}" in to_lead
    assert due.framework.title in to_lead


def test_people_without_an_email_are_skipped_and_dry_run_sends_nothing(capsys):
    ActionFactory(owner=CommissionerFactory(email=""), overdue=True)
    ActionFactory(owner=CommissionerFactory(), overdue=True)
    call_command("send_reminders", "--dry-run")
    assert mail.outbox == []
    assert "Would send 1 reminders; 1 people have no email." in capsys.readouterr().out
    call_command("send_reminders")
    assert len(mail.outbox) == 1
