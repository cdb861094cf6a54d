"""The participation pages: who may open and change what, and what they show."""

import datetime

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory
from core.tests.factories import CommissionerFactory
from participation.models import ParticipationRecord, VoiceAnswer, VoiceQuestion
from participation.tests.factories import ParticipationRecordFactory
from participation.tests.helpers import record_form_data
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

LOG = reverse("participation:record_list")
CREATE = reverse("participation:record_create")
COVERAGE = reverse("participation:coverage")
OWED = reverse("participation:feedback_owed")


def _edit_url(record) -> str:
    return reverse("participation:record_update", args=[record.pk])


# The log


def test_log_sends_anonymous_visitors_to_sign_in(client):
    assert client.get(LOG).status_code == 302


def test_log_refuses_a_user_without_a_role(client, user_without_role):
    client.force_login(user_without_role)
    assert client.get(LOG).status_code == 403


def test_log_lists_records_for_a_board_member(board_member_client):
    ParticipationRecordFactory(title="Advocacy consultation")
    page = board_member_client.get(LOG).content.decode()
    assert "Advocacy consultation" in page
    assert "Log participation" not in page


def test_log_filters_by_stage_and_feedback_owed(board_member_client):
    old = timezone.localdate() - datetime.timedelta(days=40)
    ParticipationRecordFactory(title="Owed plan record", stage="plan", date=old)
    ParticipationRecordFactory(title="Recent plan record", stage="plan")
    ParticipationRecordFactory(title="Review record", stage="review", date=old)
    page = board_member_client.get(LOG, {"stage": "plan", "feedback_owed": "true"}).content
    assert b"Owed plan record" in page
    assert b"Recent plan record" not in page
    assert b"Review record" not in page


def test_log_is_paginated(board_member_client):
    ParticipationRecordFactory.create_batch(26)
    page = board_member_client.get(LOG)
    assert page.context["paginator"].num_pages == 2
    assert b"Page 1 of 2" in page.content


def test_empty_log_says_so(board_member_client):
    assert b"No participation has been logged yet." in board_member_client.get(LOG).content


# Logging a record


def test_create_refuses_a_board_member(board_member_client):
    assert board_member_client.get(CREATE).status_code == 403


def test_create_refuses_a_commissioner_who_leads_no_priority(commissioner_client):
    assert commissioner_client.get(CREATE).status_code == 403


def test_create_shows_the_privacy_notice_to_a_lead(commissioner_client, area):
    page = commissioner_client.get(CREATE)
    assert page.status_code == 200
    assert "Do not record any child's name, date of birth" in page.content.decode()


def test_create_saves_and_says_so(commissioner_client, commissioner, area, council):
    data = record_form_data(priority_areas=[area], groups=[council])
    response = commissioner_client.post(CREATE, data, follow=True)
    record = ParticipationRecord.objects.get()
    assert record.created_by == commissioner
    assert response.redirect_chain[-1][0] == record.get_absolute_url()
    assert "Participation record “Consultation on advocacy” saved." in response.content.decode()


def test_create_with_bad_input_saves_nothing_and_explains(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[], age_11_15="-1")
    response = commissioner_client.post(CREATE, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There are problems: nothing was saved" in page
    assert "Choose at least one group that took part." in page
    assert "a count cannot be negative" in page
    assert not ParticipationRecord.objects.exists()


# Editing a record


def test_edit_refuses_a_board_member(board_member_client, area):
    record = ParticipationRecordFactory(priority_areas=[area])
    assert board_member_client.get(_edit_url(record)).status_code == 403


def test_edit_refuses_a_commissioner_who_leads_none_of_its_priorities(area):
    record = ParticipationRecordFactory(priority_areas=[area])
    other = CommissionerFactory()
    PriorityAreaFactory(lead_commissioners=[other])
    client = Client()
    client.force_login(other)
    assert client.get(_edit_url(record)).status_code == 403


def test_edit_opens_for_a_lead_and_an_administrator(
    commissioner_client, administrator_client, area
):
    record = ParticipationRecordFactory(title="Advocacy panel", priority_areas=[area])
    for client in (commissioner_client, administrator_client):
        page = client.get(_edit_url(record))
        assert page.status_code == 200
        assert "Edit “Advocacy panel”" in page.content.decode()


def test_stale_edit_is_refused_and_lists_what_changed(commissioner_client, area, council):
    record = ParticipationRecordFactory(priority_areas=[area], groups=[council])
    form = commissioner_client.get(_edit_url(record)).context["form"]
    stale = {
        "version": form["version"].value(),
        "snapshot": form["snapshot"].value(),
    }
    ParticipationRecord.objects.filter(pk=record.pk).update(
        version=2, we_did="Someone else's answer"
    )
    data = record_form_data(priority_areas=[area], groups=[council], **stale)
    response = commissioner_client.post(_edit_url(record), data)
    page = response.content.decode()
    assert response.status_code == 409
    assert "someone else saved this record" in page
    assert "Someone else&#x27;s answer" in page
    record.refresh_from_db()
    assert record.we_did == "Someone else's answer"


def test_done_when_a_plan_gap_is_closed_and_fed_back(commissioner_client, area, council):
    """The issue's walk: log a consultation, later record what changed, see the gap closed."""
    matrix = commissioner_client.get(COVERAGE).context["rows"]
    assert matrix[0].cells[1].is_gap  # Children in Care, plan stage
    event = timezone.localdate() - datetime.timedelta(days=20)
    data = record_form_data(
        priority_areas=[area], groups=[council], stage="plan", date=event.isoformat()
    )
    commissioner_client.post(CREATE, data)
    record = ParticipationRecord.objects.get()
    edit = commissioner_client.get(_edit_url(record)).context["form"]
    later = record_form_data(
        priority_areas=[area],
        groups=[council],
        stage="plan",
        date=event.isoformat(),
        we_did="Advocates meet children a week before reviews.",
        decision_changed="yes",
        decision_description="Advocacy specification changed.",
        feedback_date=timezone.localdate().isoformat(),
        feedback_method="Visit to the council's meeting",
        version=edit["version"].value(),
        snapshot=edit["snapshot"].value(),
    )
    response = commissioner_client.post(_edit_url(record), later, follow=True)
    assert "saved." in response.content.decode()
    record.refresh_from_db()
    assert (record.decision_changed, record.feedback_date) == ("yes", timezone.localdate())
    cell = commissioner_client.get(COVERAGE).context["rows"][0].cells[1]
    assert (cell.is_gap, cell.records, cell.highest_level_label) == (False, 1, "Consult")


# Coverage, feedback owed, "you said, we did"


def test_coverage_shows_gaps_in_words_and_filters_by_framework(board_member_client):
    halton, other = FrameworkFactory(), FrameworkFactory()
    cic = PriorityAreaFactory(framework=halton, title="Children in Care")
    PriorityAreaFactory(framework=other, title="Prevention")
    ParticipationRecordFactory(priority_areas=[cic], stage="do", level=5)
    page = board_member_client.get(COVERAGE, {"framework": halton.pk})
    rows = page.context["rows"]
    assert [row.priority_area for row in rows] == [cic]
    assert [cell.records for cell in rows[0].cells] == [0, 0, 1, 0]
    html = page.content.decode()
    assert "Co-produce" in html
    assert html.count(">Gap<") == 3
    assert '<th scope="row">' in html


def test_feedback_owed_lists_only_old_records_not_fed_back(board_member_client):
    old = timezone.localdate() - datetime.timedelta(days=29)
    ParticipationRecordFactory(title="Owed one", date=old)
    ParticipationRecordFactory(
        title="Fed back one", date=old, feedback_date=old, feedback_method="Letter"
    )
    ParticipationRecordFactory(title="Too recent")
    page = board_member_client.get(OWED).content.decode()
    assert "Owed one" in page
    assert "Fed back one" not in page
    assert "Too recent" not in page


def test_you_said_we_did_is_written_for_young_people(board_member_client, area):
    ParticipationRecordFactory(priority_areas=[area], you_said="Meet us before reviews.", we_did="")
    page = board_member_client.get(
        reverse("participation:you_said_we_did", args=[area.pk])
    ).content.decode()
    assert "Meet us before reviews." in page
    assert "We are still working on this." in page
    assert "you-said-we-did" in page


# Voice of the child


def test_voice_page_reads_for_board_members_and_refuses_their_answers(board_member_client):
    activity = ActivityFactory(stage="plan")
    url = reverse("participation:voice_answers", args=[activity.pk])
    page = board_member_client.get(url).content.decode()
    assert "Are meetings person-centred?" in page
    assert "Save answers" not in page
    assert board_member_client.post(url, {}).status_code == 403


def test_voice_page_saves_the_answers_of_the_activitys_lead(commissioner_client, commissioner):
    activity = ActivityFactory(stage="plan", lead_commissioner=commissioner)
    url = reverse("participation:voice_answers", args=[activity.pk])
    count = VoiceQuestion.objects.filter(stage="plan").count()
    data = {"form-TOTAL_FORMS": count, "form-INITIAL_FORMS": count}
    data["form-0-answer"] = "Yes: held where young people meet."
    response = commissioner_client.post(url, data, follow=True)
    assert "1 answer saved." in response.content.decode()
    assert VoiceAnswer.objects.get().question.text == "Are meetings person-centred?"


def test_checklist_tag_lists_the_unanswered_questions(commissioner):
    activity = ActivityFactory(stage="review")
    answered = VoiceQuestion.objects.filter(stage="review").first()
    VoiceAnswer.objects.create(
        activity=activity, question=answered, cycle_number=1, answer="x", answered_by=commissioner
    )
    html = Template("{% load participation_tags %}{% voice_questions_checklist activity %}").render(
        Context({"activity": activity})
    )
    assert "3 questions not answered yet" in html
    assert answered.text not in html
    assert "How can I share my learning and experiences with others?" in html
    assert reverse("participation:voice_answers", args=[activity.pk]) in html


def test_voice_answers_refused_to_a_commissioner_not_leading_the_activity(commissioner_client):
    activity = ActivityFactory(stage="plan")
    url = reverse("participation:voice_answers", args=[activity.pk])
    assert commissioner_client.get(url).status_code == 200
    assert commissioner_client.post(url, {}).status_code == 403


def test_logging_from_an_activity_preselects_it_and_its_priority(commissioner_client, area):
    activity = ActivityFactory(priority_area=area)
    form = commissioner_client.get(CREATE, {"activity": activity.pk}).context["form"]
    assert form["activity"].value() == activity.pk
    assert form["priority_areas"].value() == [area.pk]


def test_home_page_offers_the_participation_tasks(commissioner_client, board_member_client):
    home = reverse("home")
    assert "Log participation" in commissioner_client.get(home).content.decode()
    assert "See feedback owed" in commissioner_client.get(home).content.decode()
    assert "See participation coverage" in board_member_client.get(home).content.decode()


def test_log_sorts_by_level(board_member_client):
    ParticipationRecordFactory(title="Co-produced", level=5)
    ParticipationRecordFactory(title="Informed", level=1)
    page = board_member_client.get(LOG, {"sort": "-level"})
    assert [record.title for record in page.context["records"]] == ["Co-produced", "Informed"]


@pytest.mark.parametrize("activity", ["not-a-number", "999999"])
def test_logging_from_an_unknown_activity_starts_blank(commissioner_client, area, activity):
    form = commissioner_client.get(CREATE, {"activity": activity}).context["form"]
    assert form["activity"].value() is None


def test_feedback_owed_filter_says_any_owed_only_and_none_owed(board_member_client):
    """The "Feedback owed" filter offered Django's "Unknown / Yes / No"."""
    old = timezone.localdate() - datetime.timedelta(days=40)
    ParticipationRecordFactory(title="Owed record", date=old)
    ParticipationRecordFactory(title="Recent record")
    page = board_member_client.get(LOG).content.decode()
    assert '<option value="unknown" selected>Any</option>' in page
    assert '<option value="true">Feedback owed only</option>' in page
    assert '<option value="false">No feedback owed</option>' in page
    assert "Unknown" not in page
    none_owed = board_member_client.get(LOG, {"feedback_owed": "false"}).content.decode()
    assert "Recent record" in none_owed and "Owed record" not in none_owed
