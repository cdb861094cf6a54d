"""Voice-of-the-child answers keep their history, and two people saving them at once do not
overwrite each other."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from commissioning.tests.factories import ActivityFactory
from core.tests.factories import CommissionerFactory
from participation import services
from participation.models import VoiceAnswer, VoiceQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return ActivityFactory(
        stage="plan", lead_commissioner=CommissionerFactory(first_name="Sam", last_name="Lead")
    )


@pytest.fixture
def questions():
    return list(VoiceQuestion.objects.filter(stage="plan", is_active=True))


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page_data(client, activity) -> dict:
    """What the voice page's form posts back, as the page was opened."""
    response = client.get(reverse("participation:voice_answers", args=[activity.pk]))
    formset = response.context["formset"]
    data = {
        "form-TOTAL_FORMS": len(formset.forms),
        "form-INITIAL_FORMS": len(formset.forms),
    }
    for form in formset.forms:
        for name in ("answer", "version", "started_from"):
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else value
    return data


def _post(client, activity, data):
    return client.post(reverse("participation:voice_answers", args=[activity.pk]), data)


def test_a_changed_answer_keeps_the_earlier_one_in_its_history(activity, questions):
    """A voice answer changed in place kept no trace of the earlier one."""
    lead = activity.lead_commissioner
    services.voice_answers_save(
        activity=activity, answered_by=lead, answers={questions[0]: "Held at the youth club."}
    )
    services.voice_answers_save(
        activity=activity, answered_by=lead, answers={questions[0]: "Held at school."}
    )
    answer = VoiceAnswer.objects.get()
    assert answer.version == 2
    assert list(answer.history.order_by("history_id").values_list("answer", flat=True)) == [
        "Held at the youth club.",
        "Held at school.",
    ]
    client = _client(lead)
    page = client.get(reverse("participation:voice_answers", args=[activity.pk]))
    history_url = reverse("participation:voice_answer_history", args=[answer.pk])
    assert history_url in page.content.decode()
    history = client.get(history_url).content.decode()
    assert "Held at the youth club." in history and "Held at school." in history


def test_two_people_saving_the_same_answers_do_not_overwrite_each_other(activity, questions):
    """Two people saving the same voice answers: the second silently overwrote the first."""
    lead = activity.lead_commissioner
    co_lead = CommissionerFactory(first_name="Alex", last_name="Other")
    activity.priority_area.lead_commissioners.add(co_lead)
    mine, theirs = _page_data(_client(lead), activity), _page_data(_client(co_lead), activity)
    theirs["form-0-answer"] = "Young people chose the venue."
    assert _post(_client(co_lead), activity, theirs).status_code == 302

    mine["form-0-answer"] = "Held at the council's venue."
    mine["form-1-answer"] = "Yes, with an advocate."
    response = _post(_client(lead), activity, mine)
    page = html.unescape(response.content.decode())
    assert response.status_code == 409
    assert "Not saved: someone else saved some of these answers" in page
    assert "Young people chose the venue." in page  # what is there now
    assert "Held at the council's venue." in page  # what the lead typed, kept
    assert "Yes, with an advocate." in page
    # Nothing of the refused save was written, not even the answer nobody else touched.
    assert list(VoiceAnswer.objects.values_list("answer", flat=True)) == [
        "Young people chose the venue."
    ]
    # Saving the page as it came back knowingly replaces the other answer.
    again = dict(response.context["formset"].data.items())
    assert _post(_client(lead), activity, again).status_code == 302
    assert set(VoiceAnswer.objects.values_list("answer", flat=True)) == {
        "Held at the council's venue.",
        "Yes, with an advocate.",
    }


def test_an_answer_left_as_it_was_is_not_saved_over_a_newer_one(activity, questions):
    """Saving the page re-saved every answer shown, over one changed meanwhile."""
    lead = activity.lead_commissioner
    services.voice_answers_save(
        activity=activity, answered_by=lead, answers={questions[0]: "First answer."}
    )
    stale = _page_data(_client(lead), activity)
    services.voice_answers_save(
        activity=activity, answered_by=lead, answers={questions[0]: "Newer answer."}
    )
    stale["form-1-answer"] = "An answer to the second question."
    assert _post(_client(lead), activity, stale).status_code == 302
    assert VoiceAnswer.objects.get(question=questions[0]).answer == "Newer answer."
    assert VoiceAnswer.objects.get(question=questions[1]).answer == (
        "An answer to the second question."
    )


def test_the_service_refuses_a_stale_version(activity, questions):
    lead = activity.lead_commissioner
    services.voice_answers_save(
        activity=activity, answered_by=lead, answers={questions[0]: "First answer."}
    )
    with pytest.raises(services.VoiceAnswersConflict) as conflict:
        services.voice_answers_save(
            activity=activity,
            answered_by=lead,
            answers={questions[0]: "From a page that showed no answer."},
            versions={questions[0]: None},
        )
    assert [answer.answer for answer in conflict.value.current] == ["First answer."]
    assert VoiceAnswer.objects.get().answer == "First answer."
