"""Report pages: who may read, write, submit, challenge and answer, and what each one sees."""

import html

import pytest
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from governance.tests.factories import AgendaItemFactory, MeetingFactory
from priorities.tests.factories import ActionFactory, IndicatorFactory, PriorityAreaFactory
from reporting import services
from reporting.models import ReportComment, Term, TermlyReport
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def draft(area):
    ActionFactory(priority_area=area, title="Scale up the Edge of Care Team", overdue=True)
    return TermlyReportFactory(priority_area=area, term=Term.objects.current())


@pytest.fixture
def submitted(draft, commissioner):
    return services.termly_report_submit(report=draft, user=commissioner)


@pytest.fixture
def other_commissioner_client(client):
    client.force_login(CommissionerFactory())
    return client


def _url(name, obj):
    return reverse(f"reporting:{name}", args=[obj.pk])


# Reading


def test_anonymous_users_are_sent_to_sign_in(client, draft):
    response = client.get(_url("report_detail", draft))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_users_without_a_role_are_refused(client, user_without_role, draft):
    client.force_login(user_without_role)
    assert client.get(_url("report_detail", draft)).status_code == 403


def test_board_members_read_a_submitted_report_and_may_challenge_it(board_member_client, submitted):
    response = board_member_client.get(_url("report_detail", submitted))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Children in Care: {submitted.term}" in page
    assert "Scale up the Edge of Care Team" in page
    assert "Challenge this report" in page
    assert "Participation this term" in page and "Contracts ending within 6 months" in page
    assert "Write the commissioner" not in page


def test_the_framework_link_opens_the_framework_and_the_priority_link_the_priority(
    board_member_client, submitted
):
    """The link labelled with the framework's name opened the priority."""
    area = submitted.priority_area
    page = board_member_client.get(_url("report_detail", submitted)).content.decode()
    framework_link = (
        f'<a href="{area.framework.get_absolute_url()}">{html.escape(str(area.framework))}</a>'
    )
    priority_link = f'<a href="{area.get_absolute_url()}">{html.escape(area.title)}</a>'
    assert framework_link in page
    assert priority_link in page


def test_the_list_shows_each_priority_for_the_current_term(commissioner_client, draft):
    response = commissioner_client.get(reverse("reporting:report_list"))
    page = response.content.decode()
    assert f"Termly reports: {Term.objects.current()}" in page
    assert "Children in Care" in page and "Draft" in page


# Writing


def test_lead_commissioners_start_a_report(commissioner_client, area):
    term = Term.objects.current()
    url = reverse("reporting:report_start", args=[area.pk, term.pk])
    response = commissioner_client.post(url)
    report = TermlyReport.objects.get(priority_area=area, term=term)
    assert response["Location"] == report.get_absolute_url()


def test_other_commissioners_cannot_start_a_report(other_commissioner_client, area):
    url = reverse("reporting:report_start", args=[area.pk, Term.objects.current().pk])
    assert other_commissioner_client.post(url).status_code == 403
    assert not TermlyReport.objects.exists()


def test_board_members_cannot_edit_the_words(board_member_client, draft):
    assert board_member_client.get(_url("report_words", draft)).status_code == 403


def test_other_commissioners_cannot_edit_the_words(other_commissioner_client, draft):
    response = other_commissioner_client.post(_url("report_words", draft), {"highlights": "x"})
    assert response.status_code == 403


def test_lead_commissioners_write_their_words(commissioner_client, draft):
    response = commissioner_client.post(
        _url("report_words", draft),
        {
            "overall_rag": "green",
            "highlights": "Twelve families supported.",
            "risks_and_issues": "",
            "asks_of_board": "",
            "version": draft.version,
        },
        follow=True,
    )
    assert "The report&#x27;s words are saved." in response.content.decode()
    assert TermlyReport.objects.get(pk=draft.pk).highlights == "Twelve families supported."


def test_a_stale_save_of_the_words_is_refused_with_what_changed(commissioner_client, draft):
    opened = commissioner_client.get(_url("report_words", draft)).context["form"]
    services.termly_report_save_words(
        report=draft, data={"highlights": "Saved by a colleague."}, expected_version=1
    )
    mine = {
        "overall_rag": "red",
        "highlights": "My stale words.",
        "risks_and_issues": draft.risks_and_issues,
        "asks_of_board": draft.asks_of_board,
    }
    response = commissioner_client.post(
        _url("report_words", draft),
        mine | {"version": opened["version"].value(), "snapshot": opened["snapshot"].value()},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: someone else saved this report while you were editing it." in page
    assert response.context["conflict_changes"] == [("Highlights", "Saved by a colleague.")]
    assert "Saved by a colleague." in page
    assert response.context["form"]["highlights"].value() == "My stale words."  # kept
    assert TermlyReport.objects.get(pk=draft.pk).highlights == "Saved by a colleague."

    kept = response.context["form"]
    again = mine | {"version": kept["version"].value(), "snapshot": kept["snapshot"].value()}
    assert commissioner_client.post(_url("report_words", draft), again).status_code == 302
    saved = TermlyReport.objects.get(pk=draft.pk)
    assert (saved.highlights, saved.overall_rag, saved.version) == ("My stale words.", "red", 3)


def test_lead_commissioners_submit(commissioner_client, draft):
    response = commissioner_client.post(_url("report_submit", draft), follow=True)
    assert "Report submitted." in response.content.decode()
    assert TermlyReport.objects.get(pk=draft.pk).status == "submitted"


def test_board_members_cannot_submit(board_member_client, draft):
    assert board_member_client.post(_url("report_submit", draft)).status_code == 403
    assert TermlyReport.objects.get(pk=draft.pk).is_draft


def test_a_new_version_opens_as_a_draft(commissioner_client, submitted):
    response = commissioner_client.post(_url("report_new_version", submitted))
    draft = TermlyReport.objects.get(priority_area=submitted.priority_area, edition=2)
    assert response["Location"] == draft.get_absolute_url()


def test_presented_at_a_meeting_then_noted(commissioner_client, submitted):
    item = AgendaItemFactory(
        meeting=MeetingFactory(board=submitted.priority_area.lead_board),
        title="Termly review: Children in Care",
    )
    form = commissioner_client.get(_url("report_present", submitted)).content.decode()
    assert "Termly review: Children in Care" in form
    commissioner_client.post(
        _url("report_present", submitted),
        {"agenda_item": item.pk, "decision_text": "Noted.", "decision_owner": "Chair"},
    )
    page = commissioner_client.get(_url("report_detail", submitted)).content.decode()
    assert "Presented at" in page and "Decisions recorded on this report" in page
    commissioner_client.post(_url("report_noted", submitted))
    assert TermlyReport.objects.get(pk=submitted.pk).status == "noted"


# Challenging and answering


def _exception_id(report) -> int:
    return report.snapshot["actions"]["exceptions"][0]["id"]


def test_board_members_add_a_challenge(board_member_client, board_member, submitted):
    subject = f"exception-{_exception_id(submitted)}"
    response = board_member_client.post(
        _url("report_challenge", submitted),
        {"subject": subject, "text": "Why is this overdue?"},
        follow=True,
    )
    page = response.content.decode()
    assert "Challenge added." in page and "Why is this overdue?" in page
    comment = ReportComment.objects.get()
    assert (comment.author, comment.about) == (board_member, "Scale up the Edge of Care Team")
    assert comment.subject == subject
    assert f'about “<a href="#{subject}">Scale up the Edge of Care Team</a>”' in page


def test_each_exception_indicator_and_section_has_a_challenge_this_link_to_its_form(
    board_member_client, commissioner_client, draft, commissioner
):
    """A board member's only challenge form was at the foot of a report 4,000 px long."""
    IndicatorFactory(priority_area=draft.priority_area)
    report = services.termly_report_submit(report=draft, user=commissioner)
    indicator = report.snapshot["indicators"][0]["id"]
    page = board_member_client.get(_url("report_detail", report)).content.decode()
    form_url = _url("report_challenge", report)
    area = report.priority_area.pk
    for subject in (
        f"exception-{_exception_id(report)}",
        f"indicator-{indicator}",
        f"section-words-{area}",
        f"section-actions-{area}",
        f"section-indicators-{area}",
        f"section-decisions-{area}",
    ):
        assert f'id="{subject}"' in page, "the place to land back at"
        assert f'href="{form_url}?subject={subject}"' in page
    assert page.count(">Challenge this<") == 8, "six sections, an exception and an indicator"
    lead = commissioner_client.get(_url("report_detail", report)).content.decode()
    assert ">Challenge this<" not in lead, "only those who may challenge are offered it"


def test_the_challenge_form_names_what_is_challenged_and_lands_back_beside_it(
    board_member_client, submitted
):
    """After saving a challenge the board member landed at the foot of the report."""
    subject = f"exception-{_exception_id(submitted)}"
    url = _url("report_challenge", submitted)
    form = board_member_client.get(url, {"subject": subject})
    assert "About: <strong>Scale up the Edge of Care Team</strong>" in form.content.decode()
    assert form.context["form"]["subject"].value() == subject
    assert f'href="{submitted.get_absolute_url()}#{subject}"' in form.content.decode()

    response = board_member_client.post(
        f"{url}?subject={subject}", {"subject": subject, "text": "When will it restart?"}
    )
    assert response["Location"] == f"{submitted.get_absolute_url()}#{subject}"
    page = board_member_client.get(submitted.get_absolute_url()).content.decode()
    comment = ReportComment.objects.get()
    assert f'href="#challenge-{comment.pk}">1 challenge<' in page, "told beside the exception"

    whole = board_member_client.post(url, {"subject": "", "text": "Overall, why amber?"})
    latest = ReportComment.objects.latest("pk")
    assert whole["Location"] == f"{submitted.get_absolute_url()}#challenge-{latest.pk}"
    assert (latest.subject, latest.about) == ("", "")


def test_a_challenge_about_something_not_on_the_report_is_refused_with_a_message(
    board_member_client, submitted
):
    response = board_member_client.post(
        _url("report_challenge", submitted), {"subject": "exception-999999", "text": "Why?"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ReportComment.objects.exists()


def test_commissioners_cannot_challenge(commissioner_client, submitted):
    response = commissioner_client.post(_url("report_challenge", submitted), {"text": "Hm"})
    assert response.status_code == 403 and not ReportComment.objects.exists()


def test_a_draft_cannot_be_challenged(board_member_client, draft):
    response = board_member_client.post(_url("report_challenge", draft), {"text": "Hm"})
    assert response.status_code == 403 and not ReportComment.objects.exists()


def test_lead_commissioners_answer_a_challenge(commissioner_client, submitted):
    comment = ReportCommentFactory(report=submitted)
    commissioner_client.post(
        _url("report_answer", comment), {"answer": "Recruiting now.", "version": comment.version}
    )
    page = commissioner_client.get(_url("report_detail", submitted)).content.decode()
    assert "Recruiting now." in page
    assert ReportComment.objects.get().answer == "Recruiting now."


def test_other_commissioners_and_board_members_cannot_answer(
    other_commissioner_client, board_member_client, submitted
):
    comment = ReportCommentFactory(report=submitted)
    for client in (other_commissioner_client, board_member_client):
        assert client.post(_url("report_answer", comment), {"answer": "x"}).status_code == 403
    assert ReportComment.objects.get().answer == ""


def test_the_words_of_a_submitted_report_are_not_edited_but_a_new_version_offered(
    commissioner_client, submitted
):
    response = commissioner_client.get(_url("report_words", submitted), follow=True)
    page = response.content.decode()
    assert "start a new version to correct it" in page
    assert "Start a corrected version" in page


def test_the_list_filters_by_term_and_framework(board_member_client, draft):
    other = PriorityAreaFactory(title="SEND")
    spring = Term.objects.get(academic_year=2025, season="spring")
    response = board_member_client.get(
        reverse("reporting:report_list"),
        {"term": spring.pk, "framework": draft.priority_area.framework_id},
    )
    page = response.content.decode()
    assert "Termly reports: Spring term 2025/26" in page
    assert "Children in Care" in page and "Not started" in page
    assert other.title not in page


def test_report_history_shows_who_changed_the_words_and_submitted(
    commissioner, commissioner_client, board_member_client, draft
):
    """A generated name with an apostrophe (O'Connor) was looked for in the escaped HTML."""
    commissioner.last_name = "O'Connor"
    commissioner.save(update_fields=["last_name"])
    commissioner_client.post(
        _url("report_words", draft),
        {
            "overall_rag": "green",
            "highlights": "Twelve families supported.",
            "version": draft.version,
        },
    )
    commissioner_client.post(_url("report_submit", draft))

    page = " ".join(board_member_client.get(_url("report_history", draft)).content.decode().split())
    assert commissioner.get_full_name() in html.unescape(page)  # as a person reads it
    assert "Twelve families supported." in page
    assert "Submitted" in page
    records = TermlyReport.history.filter(id=draft.pk)
    assert {record.history_user for record in records if record.history_type == "~"} == {
        commissioner
    }
