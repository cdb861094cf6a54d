"""Every governance page, per role: who may open it, what they see, and what a save does."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import PartnershipFactory
from governance import services
from governance.models import AgendaItem, Board, Decision, Meeting
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    RecordingSeatFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

EDITOR_CLIENTS = ["commissioner_client", "administrator_client"]


@pytest.fixture
def meeting(commissioner):
    meeting = MeetingFactory(
        board=BoardFactory(name="Halton Children's Trust Board"),
        starts_at=timezone.make_aware(dt.datetime(2026, 10, 7, 10, 0)),
        location="Municipal Building, Widnes",
        minutes="The Board approved the Joint Commissioning Strategy.",
    )
    AgendaItemFactory(meeting=meeting, order=1, title="Children's JSNA refresh")
    AgendaItemFactory(meeting=meeting, order=2, title="Joint Commissioning Strategy")
    # The commissioner records this board's meetings, as its secretary.
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    return meeting


@pytest.fixture
def decision(meeting, today):
    return DecisionFactory(
        meeting=meeting,
        text="Approve the Joint Commissioning Strategy.",
        owner_user=None,
        owner_note="Director of Children's Services",
        due_date=today + dt.timedelta(days=30),
    )


def _edit_urls(meeting: Meeting, decision: Decision) -> list[str]:
    item = meeting.agenda_items.first()
    return [
        reverse("governance:meeting_create", args=[meeting.board.pk]),
        reverse("governance:meeting_update", args=[meeting.pk]),
        reverse("governance:agenda_item_create", args=[meeting.pk]),
        reverse("governance:agenda_item_update", args=[item.pk]),
        reverse("governance:decision_create", args=[meeting.pk]),
        reverse("governance:decision_update", args=[decision.pk]),
    ]


def _read_urls(meeting: Meeting) -> list[str]:
    return [
        reverse("governance:structure"),
        reverse("governance:board_detail", args=[meeting.board.pk]),
        reverse("governance:meeting_detail", args=[meeting.pk]),
        reverse("governance:decision_log"),
    ]


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


class TestPermissions:
    def test_anonymous_visitors_are_sent_to_sign_in(self, client, meeting, decision):
        for url in _read_urls(meeting) + _edit_urls(meeting, decision):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{reverse('login')}?next=")

    def test_board_members_read_every_page(self, board_member_client, meeting, decision):
        for url in _read_urls(meeting):
            response = board_member_client.get(url)
            assert response.status_code == 200, url
            assert "Halton Children&#x27;s Trust Board" in response.content.decode(), url

    def test_board_members_cannot_open_or_post_edit_pages(
        self, board_member_client, meeting, decision
    ):
        for url in _edit_urls(meeting, decision):
            assert board_member_client.get(url).status_code == 403, url
            response = board_member_client.post(url, {"title": "x", "text": "x", "owner": "x"})
            assert response.status_code == 403, url
            assert "You cannot open this page" in response.content.decode()
        assert Meeting.objects.count() == 1
        assert AgendaItem.objects.count() == 2
        assert Decision.objects.get().text == "Approve the Joint Commissioning Strategy."

    def test_board_members_see_no_edit_links(self, board_member_client, meeting, decision):
        content = board_member_client.get(meeting.get_absolute_url()).content.decode()
        assert "Record a decision" not in content
        assert reverse("governance:meeting_update", args=[meeting.pk]) not in content

    def test_users_without_a_role_are_refused(self, client, user_without_role, meeting):
        client.force_login(user_without_role)
        assert client.get(reverse("governance:structure")).status_code == 403

    @pytest.mark.parametrize("client_fixture", EDITOR_CLIENTS)
    def test_editors_open_every_edit_page(self, request, client_fixture, meeting, decision):
        editor = request.getfixturevalue(client_fixture)
        for url in _edit_urls(meeting, decision):
            response = editor.get(url)
            assert response.status_code == 200, url
            assert 'type="submit"' in response.content.decode()

    @pytest.mark.parametrize("client_fixture", EDITOR_CLIENTS)
    def test_editors_see_edit_links(self, request, client_fixture, meeting, decision):
        content = request.getfixturevalue(client_fixture).get(meeting.get_absolute_url())
        content = content.content.decode()
        assert reverse("governance:decision_create", args=[meeting.pk]) in content
        assert reverse("governance:decision_update", args=[decision.pk]) in content

    def test_a_missing_record_is_a_404_not_a_server_error(self, commissioner_client):
        for name in ("board_detail", "meeting_detail", "meeting_update", "decision_update"):
            assert (
                commissioner_client.get(reverse(f"governance:{name}", args=[999])).status_code
                == 404
            )


class TestStructurePage:
    def test_shows_the_users_partnership_nested_with_chairs(self, board_member_client):
        halton = BoardFactory(
            name="Halton Children's Trust Board",
            partnership=PartnershipFactory(short_name="Halton"),
        )
        send = SubGroupFactory(name="SEND Strategic Group", reports_to=halton)
        SubGroupFactory(name="EHC Plans Audit Group", reports_to=send, is_active=False)
        BoardFactory(
            name="Children's Trust Executive",
            partnership=PartnershipFactory(short_name="West Cheshire"),
        )
        MembershipFactory(
            board=halton,
            person_name="Director of Children's Services",
            role="chair",
            organisation=OrganisationFactory(short_name="HBC", name="Halton Borough Council"),
        )
        content = board_member_client.get(reverse("governance:structure")).content.decode()
        assert ">Halton Children&#x27;s Trust</h2>" in content
        assert "Children&#x27;s Trust Executive" not in content  # West Cheshire's
        chair = 'Director of Children&#x27;s Services (<abbr title="Halton Borough Council">HBC'
        assert chair in content
        assert "<dd>SEND Strategic Group</dd>" in content  # the audit group reports to it
        assert "Top of the Halton structure" in content
        assert "Inactive" in content
        # Nesting: the audit group's list sits inside the SEND group's item.
        assert content.index("SEND Strategic Group</a>") < content.index(
            "EHC Plans Audit Group</a>"
        )
        assert 'aria-label="Reporting to SEND Strategic Group"' in content

    def test_a_very_deep_tree_renders(self, board_member_client):
        """Recursive includes ran out of stack at about 100 levels: a server error."""
        parent = BoardFactory(name="Top body")
        for _ in range(300):
            parent = SubGroupFactory(reports_to=parent)
        content = board_member_client.get(reverse("governance:structure")).content.decode()
        assert content.count('class="gov-node"') == 301
        assert content.count("<ul") - content.count("</ul>") == 0

    def test_empty_state(self, board_member_client):
        content = board_member_client.get(reverse("governance:structure")).content.decode()
        assert "No governance bodies have been recorded yet" in content

    def test_navigation_links_to_governance_and_decisions(self, board_member_client):
        content = board_member_client.get(reverse("home")).content.decode()
        assert f'href="{reverse("governance:structure")}"' in content
        assert f'href="{reverse("governance:decision_log")}"' in content
        assert "See the governance structure" in content
        assert "Read the decisions log" in content

    def test_pages_have_no_inline_styles_or_scripts(self, commissioner_client, meeting, decision):
        for url in _read_urls(meeting) + _edit_urls(meeting, decision):
            content = commissioner_client.get(url).content.decode()
            assert 'style="' not in content, url
            assert "<script>" not in content, url


class TestBoardPage:
    def test_shows_members_by_organisation_meetings_and_decisions(self, board_member_client, today):
        board = BoardFactory(name="SEND Strategic Group", purpose="Leads the SEND priority.")
        council = OrganisationFactory(name="Halton Borough Council")
        MembershipFactory(board=board, person_name="Head of SEN Service", organisation=council)
        MembershipFactory(
            board=board,
            person_name="Former Head of Inclusion",
            organisation=council,
            start_date=today - dt.timedelta(days=400),
            end_date=today - dt.timedelta(days=40),
        )
        MeetingFactory(board=board, starts_at=timezone.now() + dt.timedelta(days=20))
        held = MeetingFactory(board=board, starts_at=timezone.now() - dt.timedelta(days=20))
        DecisionFactory(meeting=held, text="Audit ten EHC plans a term.")
        child = SubGroupFactory(name="SEND Review", reports_to=board)
        content = board_member_client.get(board.get_absolute_url()).content.decode()
        current, past = content.split("Past members", 1)
        assert "Head of SEN Service" in current and "Former Head of Inclusion" not in current
        assert "Former Head of Inclusion" in past
        assert "Halton Borough Council" in content
        assert "Leads the SEND priority." in content
        assert child.get_absolute_url() in content
        assert "Audit ten EHC plans a term." in content
        assert "No meetings planned." not in content
        assert content.count("/governance/meetings/") >= 2

    def test_empty_states(self, board_member_client):
        content = board_member_client.get(BoardFactory().get_absolute_url()).content.decode()
        for empty in (
            "No current members recorded.",
            "No meetings planned.",
            "No past meetings recorded.",
            "No decisions recorded yet.",
        ):
            assert empty in content


class TestMeetingPage:
    def test_shows_agenda_in_order_minutes_and_decisions(
        self, board_member_client, meeting, decision, today
    ):
        DecisionFactory(
            meeting=meeting, text="Refresh the JSNA.", due_date=today - dt.timedelta(days=1)
        )
        content = board_member_client.get(meeting.get_absolute_url()).content.decode()
        assert content.index("Children&#x27;s JSNA refresh") < content.index(
            "Joint Commissioning Strategy</strong>"
        )
        assert "The Board approved the Joint Commissioning Strategy." in content
        assert "Approve the Joint Commissioning Strategy." in content
        assert "Overdue" in content  # a word, not colour alone
        assert "Wednesday 7 October 2026, 10:00" in content
        assert f'id="decision-{decision.pk}"' in content

    def test_empty_states(self, board_member_client):
        meeting = MeetingFactory(minutes="")
        content = board_member_client.get(meeting.get_absolute_url()).content.decode()
        assert "No agenda items yet." in content
        assert "No minutes recorded yet." in content
        assert "No decisions recorded for this meeting." in content


class TestMeetingEditing:
    @pytest.mark.parametrize("client_fixture", EDITOR_CLIENTS)
    def test_create_saves_and_says_so(self, request, client_fixture, commissioner):
        editor = request.getfixturevalue(client_fixture)
        board = BoardFactory()
        RecordingSeatFactory(board=board, user=commissioner)
        response = editor.post(
            reverse("governance:meeting_create", args=[board.pk]),
            {"starts_at": "2027-01-20T14:00", "location": "Runcorn", "status": "planned"},
            follow=True,
        )
        meeting = Meeting.objects.get(board=board)
        assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
        assert timezone.localtime(meeting.starts_at).hour == 14
        assert "Meeting saved. Add its agenda items below." in _messages(response)

    def test_create_with_a_wrong_date_format_explains_and_saves_nothing(
        self, commissioner_client, commissioner
    ):
        board = BoardFactory()
        RecordingSeatFactory(board=board, user=commissioner)
        response = commissioner_client.post(
            reverse("governance:meeting_create", args=[board.pk]),
            {"starts_at": "20/13/2027 25:00", "status": "planned"},
        )
        assert response.status_code == 200
        assert "Enter a valid date/time." in response.content.decode()
        assert "nothing was saved" in response.content.decode()
        assert not Meeting.objects.exists()

    def test_create_at_a_taken_time_explains_and_saves_nothing(self, commissioner_client, meeting):
        local = timezone.localtime(meeting.starts_at)
        response = commissioner_client.post(
            reverse("governance:meeting_create", args=[meeting.board.pk]),
            {"starts_at": local.strftime("%Y-%m-%dT%H:%M"), "status": "planned"},
        )
        assert response.status_code == 200
        assert "already has a meeting at that date and time" in response.content.decode()
        assert Meeting.objects.count() == 1

    @pytest.mark.parametrize("client_fixture", EDITOR_CLIENTS)
    def test_edit_saves_the_minutes(self, request, client_fixture, meeting):
        editor = request.getfixturevalue(client_fixture)
        response = editor.post(
            reverse("governance:meeting_update", args=[meeting.pk]),
            {
                "starts_at": "2026-10-07T10:00",
                "location": "Municipal Building, Widnes",
                "status": "held",
                "minutes": "Agreed the six priorities.",
                "version": "1",
            },
            follow=True,
        )
        meeting.refresh_from_db()
        assert (meeting.minutes, meeting.version) == ("Agreed the six priorities.", 2)
        assert "Meeting updated." in _messages(response)

    def test_a_stale_edit_is_refused_with_what_changed(self, commissioner_client, meeting):
        form = {
            "starts_at": "2026-10-07T10:00",
            "location": "Municipal Building, Widnes",
            "status": "held",
            "version": "1",
        }
        url = reverse("governance:meeting_update", args=[meeting.pk])
        commissioner_client.post(url, {**form, "minutes": "First editor's minutes."})
        response = commissioner_client.post(url, {**form, "minutes": "Second editor's minutes."})
        content = response.content.decode()
        assert response.status_code == 409
        assert "someone else saved this meeting while you were editing it" in content
        assert response.context["conflict_changes"] == [("Minutes", "First editor's minutes.")]
        assert "Changed by someone else while you were editing" in content
        assert response.context["form"]["minutes"].value() == "Second editor's minutes."
        assert 'name="version" value="2"' in content  # saving again is a deliberate choice
        meeting.refresh_from_db()
        assert meeting.minutes == "First editor's minutes."

        kept = response.context["form"]
        again = {name: kept[name].value() for name in ("version", "snapshot")}
        saved = commissioner_client.post(
            url, {**form, **again, "minutes": "Second editor's minutes."}
        )
        assert saved.status_code == 302
        meeting.refresh_from_db()
        assert (meeting.minutes, meeting.version) == ("Second editor's minutes.", 3)


class TestAgendaEditing:
    def test_add_puts_the_item_at_the_end(self, commissioner_client, meeting):
        response = commissioner_client.post(
            reverse("governance:agenda_item_create", args=[meeting.pk]),
            {"title": "Any other business", "presenter": "Chair"},
            follow=True,
        )
        item = meeting.agenda_items.get(title="Any other business")
        assert item.order == 3
        assert "Agenda item added." in _messages(response)

    def test_a_taken_number_is_explained_and_nothing_saved(self, commissioner_client, meeting):
        response = commissioner_client.post(
            reverse("governance:agenda_item_create", args=[meeting.pk]),
            {"order": "1", "title": "Clash"},
        )
        assert "Another item of this agenda already has this number." in (response.content.decode())
        assert meeting.agenda_items.count() == 2

    def test_edit_changes_the_item(self, administrator_client, meeting):
        item = meeting.agenda_items.get(order=2)
        administrator_client.post(
            reverse("governance:agenda_item_update", args=[item.pk]),
            {
                "order": "2",
                "title": "Strategy for approval",
                "paper_url": "example.org/s.pdf",
                "version": item.version,
            },
        )
        item.refresh_from_db()
        assert item.title == "Strategy for approval"
        assert item.paper_url == "https://example.org/s.pdf"


class TestDecisionEditing:
    @pytest.mark.parametrize("client_fixture", EDITOR_CLIENTS)
    def test_record_a_decision(self, request, client_fixture, meeting):
        editor = request.getfixturevalue(client_fixture)
        response = editor.post(
            reverse("governance:decision_create", args=[meeting.pk]),
            {
                "text": "Commission a single point of access.",
                "owner_organisation": OrganisationFactory(name="NHS Halton CCG").pk,
                "due_date": "31/03/2027",
                "status": "open",
            },
            follow=True,
        )
        decision = meeting.decisions.get()
        assert decision.due_date == dt.date(2027, 3, 31)
        assert "Decision recorded." in _messages(response)
        assert "Commission a single point of access." in response.content.decode()

    def test_missing_owner_and_bad_date_are_explained(self, commissioner_client, meeting):
        response = commissioner_client.post(
            reverse("governance:decision_create", args=[meeting.pk]),
            {"text": "Do it.", "owner_user": "", "due_date": "2027-02-30", "status": "open"},
        )
        content = response.content.decode()
        assert "Choose who carries the decision out" in content
        assert "Due date must be a real date" in content
        assert not Decision.objects.exists()

    def test_edit_marks_it_done(self, commissioner_client, decision):
        commissioner_client.post(
            reverse("governance:decision_update", args=[decision.pk]),
            {
                "text": decision.text,
                "owner_user": "",
                "due_date": "",
                "status": "done",
                "version": "1",
            },
        )
        decision.refresh_from_db()
        assert (decision.status, decision.due_date, decision.version) == ("done", None, 2)

    def test_a_stale_edit_is_refused(self, commissioner_client, decision):
        council = OrganisationFactory(name="Halton Borough Council")
        Decision.objects.filter(pk=decision.pk).update(
            owner_user=None, owner_organisation=council, version=2
        )
        response = commissioner_client.post(
            reverse("governance:decision_update", args=[decision.pk]),
            {
                "text": "Kept text",
                "owner_user": "",
                "status": "open",
                "version": "1",
            },
        )
        content = response.content.decode()
        assert response.status_code == 409
        assert "Not saved: someone else saved this decision while you were editing it" in content
        changes = response.context["conflict_changes"]
        assert ("Owner (organisation)", "Halton Borough Council") in changes
        assert "Kept text" in content  # the user's input is kept
        decision.refresh_from_db()
        assert decision.owner_organisation == council

    def test_a_stale_edit_lists_choice_labels_and_dates_as_people_read_them(
        self, commissioner_client, decision
    ):
        url = reverse("governance:decision_update", args=[decision.pk])
        opened = commissioner_client.get(url).context["form"]
        services.decision_update(
            decision=decision,
            expected_version=1,
            status=Decision.Status.DONE,
            due_date=dt.date(2027, 1, 31),
        )
        response = commissioner_client.post(
            url,
            {
                "text": decision.text,
                "owner_user": "",
                "status": "superseded",
                "due_date": "01/03/2027",
                "version": opened["version"].value(),
                "snapshot": opened["snapshot"].value(),
            },
        )
        assert response.status_code == 409
        assert response.context["conflict_changes"] == [
            ("Due date", "31 January 2027"),
            ("Status", "Done"),
        ]
        decision.refresh_from_db()
        assert (decision.status, decision.due_date) == ("done", dt.date(2027, 1, 31))

    def test_a_tampered_version_is_refused_not_a_server_error(self, commissioner_client, decision):
        response = commissioner_client.post(
            reverse("governance:decision_update", args=[decision.pk]),
            {"text": "x", "owner_user": "y", "status": "open", "version": "abc"},
        )
        assert response.status_code == 200
        assert "This page is out of date or incomplete" in response.content.decode()
        decision.refresh_from_db()
        assert decision.text != "x"


class TestDecisionLog:
    @pytest.fixture
    def decisions(self, today):
        halton = BoardFactory(name="Halton Children's Trust Board")
        executive = BoardFactory(name="Children's Trust Executive")
        autumn = MeetingFactory(
            board=halton, starts_at=timezone.make_aware(dt.datetime(2026, 10, 1, 10))
        )
        spring = MeetingFactory(
            board=executive, starts_at=timezone.make_aware(dt.datetime(2027, 2, 1, 10))
        )
        return {
            "late": DecisionFactory(
                meeting=autumn,
                text="Refresh the JSNA.",
                owner_user=None,
                owner_note="Director of Public Health",
                due_date=today - dt.timedelta(days=3),
            ),
            "done": DecisionFactory(
                meeting=autumn, text="Approve the strategy.", status=Decision.Status.DONE
            ),
            "spring": DecisionFactory(
                meeting=spring, text="Adopt THRIVE.", owner_user=None, owner_note="CAMHS Lead"
            ),
        }

    def _texts(self, client, **params) -> str:
        response = client.get(reverse("governance:decision_log"), params)
        assert response.status_code == 200
        return response.content.decode()

    def test_lists_every_decision_newest_meeting_first(self, board_member_client, decisions):
        content = self._texts(board_member_client)
        assert "3 decisions" in content
        assert content.index("Adopt THRIVE.") < content.index("Refresh the JSNA.")

    def test_filters(self, board_member_client, decisions):
        executive = decisions["spring"].meeting.board
        by_board = self._texts(board_member_client, board=executive.pk)
        assert "Adopt THRIVE." in by_board and "Refresh the JSNA." not in by_board
        done = self._texts(board_member_client, status="done")
        assert "Approve the strategy." in done and "Adopt THRIVE." not in done
        owner = self._texts(board_member_client, owner="public health")
        assert "Refresh the JSNA." in owner and "Adopt THRIVE." not in owner
        overdue = self._texts(board_member_client, overdue="on")
        assert "1 decision," in overdue and "Refresh the JSNA." in overdue
        dated = self._texts(board_member_client, taken_from="01/01/2027", taken_to="2027-12-31")
        assert "Adopt THRIVE." in dated and "Refresh the JSNA." not in dated

    def test_a_wrong_date_explains_and_never_errors(self, board_member_client, decisions):
        content = self._texts(board_member_client, taken_from="31/31/2026")
        assert "Enter a valid date." in content
        assert "Correct the filter above to see decisions." in content

    def test_a_reversed_date_range_explains(self, board_member_client, decisions):
        content = self._texts(board_member_client, taken_from="2027-12-31", taken_to="2027-01-01")
        assert "is later than “Decided on or before”: swap the dates." in content
        assert "Correct the filter above to see decisions." in content

    def test_an_unknown_board_explains(self, board_member_client, decisions):
        """A fixed 999 was a real board on PostgreSQL, whose ids are not reset between tests."""
        unknown = Board.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
        content = self._texts(board_member_client, board=str(unknown))
        assert "Select a valid choice." in content

    def test_empty_state(self, board_member_client):
        assert "No decisions match these filters." in self._texts(board_member_client)

    def test_pages_keep_the_filter(self, board_member_client):
        meeting = MeetingFactory()
        DecisionFactory.create_batch(30, meeting=meeting, status="open")
        first = self._texts(board_member_client, status="open")
        assert "Page 1 of 2" in first
        assert "?status=open&amp;page=2" in first
        second = self._texts(board_member_client, status="open", page=2)
        assert "Page 2 of 2" in second
        assert second.count('id="decision-') == 5
        assert (
            board_member_client.get(reverse("governance:decision_log"), {"page": 9}).status_code
            == 404
        )
