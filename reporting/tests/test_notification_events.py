"""Each event notifies the right people once and nobody else: challenges, answers, and what
the daily scan finds (overdue actions, reports due or overdue, feedback owed)."""

import datetime

import pytest
from django.core import mail

from commissioning.models import Contract
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    DecommissioningPlanFactory,
)
from core.models import Kind, Notification
from core.tests.factories import AdministratorFactory, BoardMemberFactory, CommissionerFactory
from participation.models import YouSaidItem
from participation.tests.factories import ParticipationRecordFactory, YouSaidItemFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting import reminders, services
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = pytest.mark.django_db


def _told(kind: str) -> list[str]:
    return sorted(n.recipient.username for n in Notification.objects.filter(kind=kind))


@pytest.fixture
def leads():
    return [CommissionerFactory(username="lead-one"), CommissionerFactory(username="lead-two")]


@pytest.fixture
def submitted(leads):
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=leads)
    return services.termly_report_submit(
        report=TermlyReportFactory(priority_area=area), user=leads[0]
    )


def test_a_challenge_tells_the_priority_leads_and_the_worker_emails_them(
    submitted, django_capture_on_commit_callbacks, run_jobs
):
    CommissionerFactory(username="not-a-lead")
    challenger = BoardMemberFactory(username="board", first_name="Jo", last_name="Hughes")
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.report_comment_add(
            report=submitted, author=challenger, text="Why are two actions overdue?"
        )
        assert mail.outbox == []
    assert _told(Kind.CHALLENGE) == ["lead-one", "lead-two"]
    notification = Notification.objects.filter(kind=Kind.CHALLENGE).first()
    assert notification.about == comment
    assert notification.url == f"{submitted.get_absolute_url()}#challenge-{comment.pk}"
    assert "Jo Hughes challenged the report Children in Care" in notification.message
    assert mail.outbox == []  # the request only queued the emails
    assert run_jobs() == ["email_notifications"]
    assert sorted(email.to[0] for email in mail.outbox) == [
        "lead-one@example.org",
        "lead-two@example.org",
    ]


def test_an_answer_tells_the_challenger_once(submitted, leads):
    challenger = BoardMemberFactory(username="challenger")
    comment = services.report_comment_add(report=submitted, author=challenger, text="Why?")
    services.report_comment_answer(comment=comment, author=leads[0], answer="Staff shortage.")
    services.report_comment_answer(comment=comment, author=leads[1], answer="And the CCG data.")
    assert _told(Kind.ANSWER) == ["challenger"]
    assert _told(Kind.CHALLENGE) == ["lead-one", "lead-two"]


def test_an_administrator_who_leads_is_not_told_of_their_own_challenge():
    admin = AdministratorFactory(username="admin-lead")
    area = PriorityAreaFactory(lead_commissioners=[admin, CommissionerFactory(username="lead")])
    report = services.termly_report_submit(
        report=TermlyReportFactory(priority_area=area), user=admin
    )
    comment = services.report_comment_add(report=report, author=admin, text="A note to self")
    services.report_comment_answer(comment=comment, author=admin, answer="Answered myself")
    assert _told(Kind.CHALLENGE) == ["lead"]
    assert _told(Kind.ANSWER) == []


@pytest.mark.dates
def test_an_overdue_action_tells_its_owner_once_per_due_date(today):
    owner = CommissionerFactory(username="owner")
    late = ActionFactory(owner=owner, title="Refresh the sufficiency statement", overdue=True)
    ActionFactory(owner=CommissionerFactory(username="on-time"), title="Not late yet")
    reminders.notifications_daily(today)
    reminders.notifications_daily(today)
    assert _told(Kind.ACTION_OVERDUE) == ["owner"]
    notification = Notification.objects.get(kind=Kind.ACTION_OVERDUE)
    assert "Refresh the sufficiency statement" in notification.message
    assert notification.url == late.get_absolute_url()
    # Given a new due date that passes in turn, it is news again.
    late.due_date = today - datetime.timedelta(days=1)
    late.save(update_fields=["due_date"])
    reminders.notifications_daily(today)
    assert _told(Kind.ACTION_OVERDUE) == ["owner", "owner"]


@pytest.mark.dates
def test_a_report_due_in_fourteen_days_tells_its_leads_until_it_is_submitted(today):
    term = Term.objects.current(today)
    lead, done_lead = CommissionerFactory(username="lead"), CommissionerFactory(username="done")
    PriorityAreaFactory(title="SEND", lead_commissioners=[lead])
    done = PriorityAreaFactory(title="Early Help", lead_commissioners=[done_lead])
    services.termly_report_submit(
        report=TermlyReportFactory(priority_area=done, term=term), user=done_lead
    )
    deadline = reminders.report_deadline(term)
    reminders.reports_due(deadline - datetime.timedelta(days=15))
    assert not Notification.objects.filter(key__endswith=":due").exists()
    reminders.reports_due(deadline - datetime.timedelta(days=14))
    reminders.reports_due(deadline)
    due = Notification.objects.filter(kind=Kind.REPORT_DUE, key__endswith=":due")
    assert [n.recipient.username for n in due] == ["lead"]
    assert f"The {term} report of SEND is due by" in due.get().message


@pytest.mark.dates
def test_a_report_not_submitted_by_the_end_of_its_term_is_overdue_to_its_leads(today):
    term = Term.objects.current(today)
    lead = CommissionerFactory(username="lead")
    PriorityAreaFactory(title="SEND", lead_commissioners=[lead])
    day_after = reminders.report_deadline(term) + datetime.timedelta(days=1)
    reminders.reports_due(day_after)
    reminders.reports_due(day_after + datetime.timedelta(days=1))
    overdue = Notification.objects.filter(kind=Kind.REPORT_DUE, key__endswith=":overdue")
    assert [n.message for n in overdue if str(term) in n.message] == [
        f"The {term} report of SEND was due on {term.end_date:%-d %B %Y} and is overdue."
    ]
    assert {n.recipient.username for n in overdue} == {"lead"}


@pytest.mark.dates
def test_feedback_owed_tells_the_leads_of_the_record_priorities(today):
    lead = CommissionerFactory(username="lead")
    logger = CommissionerFactory(username="logger")
    area = PriorityAreaFactory(lead_commissioners=[lead])
    owed = ParticipationRecordFactory(
        title="Young carers' panel",
        priority_areas=[area],
        created_by=logger,
        date=today - datetime.timedelta(days=40),
    )
    ParticipationRecordFactory(priority_areas=[area], date=today - datetime.timedelta(days=3))
    ParticipationRecordFactory(
        priority_areas=[PriorityAreaFactory()],
        created_by=logger,
        date=today - datetime.timedelta(days=40),
        title="No lead yet",
    )
    reminders.notifications_daily(today)
    reminders.notifications_daily(today)
    told = {
        (n.recipient.username, n.about_id)
        for n in Notification.objects.filter(kind=Kind.FEEDBACK_OWED)
    }
    no_lead = owed.__class__.objects.get(title="No lead yet")
    assert told == {("lead", owed.pk), ("logger", no_lead.pk)}


# A direct award takes 3 months to procure: with 3 months' notice, its decision is needed six
# months before it ends.
DIRECT_AWARD = {"procurement_route": Contract.Route.DIRECT_AWARD, "notice_period_months": 3}


@pytest.mark.dates
def test_a_contract_decision_due_within_sixty_days_tells_its_manager_once(today):
    manager = CommissionerFactory(username="manager")
    due = ContractFactory(
        owner=manager, end_date=add_months(today + datetime.timedelta(days=30), 6), **DIRECT_AWARD
    )
    ContractFactory(
        owner=CommissionerFactory(username="later"), end_date=add_months(today, 17), **DIRECT_AWARD
    )
    reminders.notifications_daily(today)
    reminders.notifications_daily(today)
    assert _told(Kind.CONTRACT_DECISION) == ["manager"]
    notification = Notification.objects.get(kind=Kind.CONTRACT_DECISION)
    assert due.reference in notification.message
    assert "is needed by" in notification.message
    assert notification.url == due.get_absolute_url()


@pytest.mark.dates
def test_an_overdue_contract_decision_tells_the_leads_unless_a_decision_is_under_way(today, leads):
    ending = {"end_date": add_months(today, 5), **DIRECT_AWARD}
    unmanaged = ContractFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=leads), owner=None, **ending
    )
    recommissioned = ContractFactory(
        owner=CommissionerFactory(username="recommissioning"), **ending
    )
    ActivityFactory(recommissions=recommissioned)
    DecommissioningPlanFactory(
        contract__owner=CommissionerFactory(username="decommissioning"),
        contract__end_date=ending["end_date"],
        contract__procurement_route=Contract.Route.DIRECT_AWARD,
        contract__notice_period_months=3,
    )
    reminders.notifications_daily(today)
    assert _told(Kind.CONTRACT_DECISION) == ["lead-one", "lead-two"]
    notification = Notification.objects.filter(kind=Kind.CONTRACT_DECISION).first()
    assert unmanaged.reference in notification.message
    assert "and is overdue" in notification.message


def test_feedback_owed_tells_the_leads_of_a_decision_overdue(today):
    lead = CommissionerFactory(username="lead")
    area = PriorityAreaFactory(lead_commissioners=[lead])
    record = ParticipationRecordFactory(
        priority_areas=[area],
        date=today - datetime.timedelta(days=60),
        feedback_date=today - datetime.timedelta(days=50),
        feedback_method="A visit to the group",
    )
    YouSaidItemFactory(
        record=record,
        outcome=YouSaidItem.Outcome.STILL_DECIDING,
        response="",
        by_date=today - datetime.timedelta(days=1),
    )
    assert reminders.feedback_owed(today) == 1
    told = Notification.objects.get(kind=Kind.FEEDBACK_OWED)
    assert (told.recipient.username, told.about_id) == ("lead", record.pk)
