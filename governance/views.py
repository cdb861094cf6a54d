"""Pages of the governance app: the structure, boards, meetings and the decisions log."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from core.cache_versions import versioned_key
from core.calendars import calendar_response, new_calendar
from core.edit_conflicts import EditConflict, EditConflictViewMixin, required_version
from core.partnerships import current_partnership, scope
from core.roles import (
    RoleRequiredMixin,
    RuleRequiredMixin,
    can_edit_board_members,
    can_edit_board_records,
    can_edit_boards,
)
from core.service_forms import ServiceFormMixin
from governance import attendance, selectors, services, subjects
from governance.calendar import meeting_event
from governance.filters import DecisionFilter
from governance.forms import (
    AgendaItemEditForm,
    AgendaItemForm,
    BoardPageEditForm,
    BoardPageForm,
    DecisionEditForm,
    DecisionForm,
    MeetingEditForm,
    MeetingForm,
    MembershipEndForm,
    MembershipPageEditForm,
    MembershipPageForm,
)
from governance.matters_arising import matters_arising
from governance.models import AgendaItem, Board, Decision, Meeting, Membership
from governance.quorum import flag_decisions, quorum_rule_text


class ReaderMixin(RoleRequiredMixin):
    """Pages every role reads; they offer edit links only to those who may edit the board's
    records (can_edit_board_records)."""


BOARD_RECORDS_REFUSAL = (
    "Only the board's chair, vice-chair or secretary, and administrators, record its meetings "
    "and decisions."
)
BOARDS_REFUSAL = "Only administrators add boards and change their details."
BOARD_MEMBERS_REFUSAL = (
    "Only the board's clerk (its secretary) and administrators keep its members."
)


class BoardRecorderMixin(RuleRequiredMixin):
    """Pages that change a board's records: refused (403) to all but those who record it."""

    permission_rule = staticmethod(can_edit_board_records)
    permission_denied_message = BOARD_RECORDS_REFUSAL


# What the structure reads (core.cache_versions names): a change to any shows on the next
# request, from the cache of whichever server answers it.
STRUCTURE_TABLES = ("boards", "memberships", "organisations", "partnerships")
STRUCTURE_CACHE_SECONDS = 24 * 60 * 60


def structure_html(user) -> SafeString:
    """The governance tree of the user's partnership, kept whole under the versions of the
    tables it reads, the day (a chair's term ends on a date) and the URL prefix of its links."""
    partnership = current_partnership(user)
    key = versioned_key(
        "governance-structure",
        *STRUCTURE_TABLES,
        extra=(getattr(partnership, "pk", None), timezone.localdate(), get_script_prefix()),
    )
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "governance/_structure_tree.html",
            {"partnerships": selectors.governance_structure(user)},
        )
        cache.set(key, html, timeout=STRUCTURE_CACHE_SECONDS)
    # Rendered by the template, which escaped what it wrote.
    return mark_safe(html)  # nosec B308 B703


class StructureView(ReaderMixin, TemplateView):
    """The whole governance tree of every partnership on one page."""

    template_name = "governance/structure.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structure_html=structure_html(self.request.user),
            can_edit_boards=can_edit_boards(self.request.user),
            **kwargs,
        )


class BoardDetailView(ReaderMixin, DetailView):
    """A body: its purpose, members by organisation, meetings and decisions."""

    template_name = "governance/board_detail.html"
    context_object_name = "board"

    def get_queryset(self):
        return selectors.board_for_page(self.kwargs["pk"], self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(selectors.board_page_data(self.object))
        context["can_edit"] = can_edit_board_records(user, self.object)
        context["can_edit_board"] = can_edit_boards(user)
        context["can_edit_members"] = can_edit_board_members(user, self.object)
        flag_decisions(context["decisions"])
        context["quorum_rule"] = quorum_rule_text(self.object)
        return context


class MeetingDetailView(ReaderMixin, DetailView):
    """A meeting: its agenda, minutes and decisions."""

    template_name = "governance/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return selectors.meeting_for_page(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_board_records(self.request.user, self.object.board)
        context.update(attendance.meeting_page_data(self.object))
        context["matters_arising"] = matters_arising(self.object)
        steps = subjects.decision_steps(self.request.user)
        for decision in self.object.decisions.all():
            decision.step_links = (
                [(step.label, step.url(decision)) for step in steps]
                if decision.status == Decision.Status.OPEN
                else []
            )
        context["steps"] = bool(steps)
        return context


class MeetingCalendarView(RoleRequiredMixin, DetailView):
    """The meeting as a one-event .ics file, for anyone who may read the meeting."""

    def get_queryset(self):
        return scope(Meeting.objects, self.request.user).select_related("board")

    def render_to_response(self, context, **response_kwargs):
        meeting = self.object
        calendar = new_calendar(str(meeting))
        url = self.request.build_absolute_uri(meeting.get_absolute_url())
        calendar.add_component(meeting_event(meeting, url=url))
        local = timezone.localtime(meeting.starts_at)
        filename = f"meeting-{meeting.pk}-{local:%Y-%m-%d}.ics"
        return calendar_response(calendar, filename=filename, download=True)


class PublishPapersForm(forms.Form):
    """The meeting's version the page showed: publishing from a stale page is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MeetingPublishPapersView(BoardRecorderMixin, View):
    """Publish a meeting's papers: its board's members with an account are told."""

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            scope(Meeting.objects, self.request.user)
            .select_related("board")
            .prefetch_related("board__memberships"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> Board:
        return self.meeting.board

    def post(self, request, pk: int):
        meeting = self.meeting
        form = PublishPapersForm(request.POST)
        form.is_valid()
        try:
            services.meeting_publish_papers(
                meeting=meeting, expected_version=required_version(form)
            )
        except EditConflict:
            messages.warning(
                request,
                "Not published: someone changed this meeting while you were looking at it. "
                "Check the page as it is now, then publish again.",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Papers published. The board's members have been told.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class DecisionLogView(ReaderMixin, FilterView):
    """Every decision across boards, filtered and paginated."""

    template_name = "governance/decision_log.html"
    filterset_class = DecisionFilter
    paginate_by = 25
    context_object_name = "decisions"

    def get_queryset(self):
        return selectors.decision_log(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        flag_decisions(context["decisions"])
        # Each row's edit link follows its board's rule, asked once per board on the page.
        boards = selectors.boards_with_seats_of(
            {decision.meeting.board for decision in context["decisions"]}, self.request.user
        )
        context["editable_boards"] = {
            board.pk for board in boards if can_edit_board_records(self.request.user, board)
        }
        return context


class ServiceFormView(EditConflictViewMixin, BoardRecorderMixin, ServiceFormMixin, FormView):
    """A create or edit page of a board's records whose save goes through a service; errors
    come back on the form, and an edit refused as stale (EditConflict) comes back with what
    changed. Only those who record the board (can_edit_board_records) open it."""

    template_name = "governance/form.html"
    heading = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = self.heading
        context["cancel_url"] = self.get_cancel_url()
        context["parent"] = self.get_parent()
        return context

    def get_parent(self):
        """The meeting or board the form belongs to, for the breadcrumbs."""
        return None

    def get_permission_object(self) -> Board | None:
        parent = self.get_parent()
        if parent is None:
            return None
        return parent if isinstance(parent, Board) else parent.board

    def get_cancel_url(self) -> str:
        parent = self.get_parent()
        return parent.get_absolute_url() if parent else reverse("governance:structure")


class BoardCreateView(ServiceFormView):
    """Add a board or group to the partnership's structure: administrators."""

    permission_rule = staticmethod(can_edit_boards)
    permission_denied_message = BOARDS_REFUSAL
    form_class = BoardPageForm
    heading = "Add a board or group"
    success_message = "Board saved. Add its members below."

    def get_form_kwargs(self):
        partnership = current_partnership(self.request.user)
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": Board(partnership=partnership),
        }

    def perform(self, form):
        return services.board_create(
            partnership=current_partnership(self.request.user), **form.cleaned_data
        )


class BoardUpdateView(ServiceFormView):
    """Change a board's name, kind, reporting line, purpose, frequency or whether it is active."""

    permission_rule = staticmethod(can_edit_boards)
    permission_denied_message = BOARDS_REFUSAL
    form_class = BoardPageEditForm
    heading = "Edit the board"
    success_message = "Board updated."

    def get_parent(self) -> Board:
        if not hasattr(self, "board"):
            self.board = get_object_or_404(
                scope(Board.objects, self.request.user), pk=self.kwargs["pk"]
            )
        return self.board

    def get_permission_object(self) -> None:
        # The rule is about the user alone; the board is fetched first so a missing one is 404.
        self.get_parent()
        return None

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": self.get_parent(),
        }

    def perform(self, form):
        return services.board_update(
            board=self.get_parent(), expected_version=required_version(form), **form.model_data()
        )


class BoardMembersMixin:
    """Pages that keep a board's members: the clerk and administrators (can_edit_board_members)."""

    permission_rule = staticmethod(can_edit_board_members)
    permission_denied_message = BOARD_MEMBERS_REFUSAL


class MembershipCreateView(BoardMembersMixin, ServiceFormView):
    """Give someone a seat on a board."""

    form_class = MembershipPageForm
    heading = "Add a member"
    success_message = "Member added."

    def get_parent(self) -> Board:
        if not hasattr(self, "board"):
            self.board = get_object_or_404(
                scope(Board.objects, self.request.user).prefetch_related("memberships"),
                pk=self.kwargs["board_pk"],
            )
        return self.board

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": Membership(board=self.get_parent()),
        }

    def perform(self, form):
        return services.membership_create(board=self.get_parent(), **form.cleaned_data)


class OfMembershipMixin(BoardMembersMixin):
    """A form about one membership, named in the URL."""

    def get_object(self) -> Membership:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(
                scope(Membership.objects, self.request.user)
                .select_related("board", "organisation", "user")
                .prefetch_related("board__memberships"),
                pk=self.kwargs["pk"],
            )
        return self.object

    def get_parent(self) -> Board:
        return self.get_object().board


class MembershipUpdateView(OfMembershipMixin, ServiceFormView):
    """Change a membership: the person, their account, seat, organisation or dates."""

    form_class = MembershipPageEditForm
    heading = "Edit the membership"
    success_message = "Membership updated."

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": self.get_object(),
        }

    def perform(self, form):
        return services.membership_update(
            membership=self.get_object(),
            expected_version=required_version(form),
            **form.model_data(),
        )


class MembershipEndView(OfMembershipMixin, ServiceFormView):
    """End a membership on a date."""

    form_class = MembershipEndForm
    heading = "End the membership"

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "instance": self.get_object()}
        if self.get_object().end_date is None:
            kwargs["initial"] = {"end_date": timezone.localdate()}
        return kwargs

    def get_success_message(self) -> str:
        return f"Membership of {self.saved.person_name} ended on {self.saved.end_date:%-d %B %Y}."

    def perform(self, form):
        return services.membership_end(
            membership=self.get_object(),
            expected_version=required_version(form),
            end_date=form.cleaned_data["end_date"],
        )


class MeetingCreateView(ServiceFormView):
    """Schedule or record a meeting of a board."""

    form_class = MeetingForm
    heading = "Add a meeting"
    success_message = "Meeting saved. Add its agenda items below."

    def get_parent(self) -> Board:
        if not hasattr(self, "board"):
            self.board = get_object_or_404(
                scope(Board.objects, self.request.user).prefetch_related("memberships"),
                pk=self.kwargs["board_pk"],
            )
        return self.board

    def perform(self, form):
        return services.meeting_create(board=self.get_parent(), **form.cleaned_data)


class MeetingUpdateView(ServiceFormView):
    """Change a meeting's date, place, status or minutes."""

    form_class = MeetingEditForm
    heading = "Edit the meeting"
    success_message = "Meeting updated."

    def get_parent(self) -> Meeting:
        if not hasattr(self, "meeting"):
            self.meeting = get_object_or_404(
                scope(Meeting.objects, self.request.user)
                .select_related("board")
                .prefetch_related("board__memberships"),
                pk=self.kwargs["pk"],
            )
        return self.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_parent()}

    def perform(self, form):
        return services.meeting_update(
            meeting=self.get_parent(),
            expected_version=required_version(form),
            **form.model_data(),
        )


class UnderMeetingMixin:
    """A form that adds a record (of `model`) to the meeting named in the URL."""

    model: type[AgendaItem] | type[Decision]

    def get_parent(self) -> Meeting:
        if not hasattr(self, "meeting"):
            self.meeting = get_object_or_404(
                scope(Meeting.objects, self.request.user)
                .select_related("board")
                .prefetch_related("board__memberships"),
                pk=self.kwargs["meeting_pk"],
            )
        return self.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.model(meeting=self.get_parent())}


class OfMeetingMixin:
    """A form that edits a record (of `model`) belonging to a meeting."""

    model: type[AgendaItem] | type[Decision]

    def get_object(self):
        if not hasattr(self, "object"):
            self.object = get_object_or_404(
                scope(self.model.objects, self.request.user)
                .select_related("meeting__board")
                .prefetch_related("meeting__board__memberships"),
                pk=self.kwargs["pk"],
            )
        return self.object

    def get_parent(self) -> Meeting:
        return self.get_object().meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object()}


class AgendaItemCreateView(UnderMeetingMixin, ServiceFormView):
    """Add an item to a meeting's agenda."""

    model = AgendaItem
    form_class = AgendaItemForm
    heading = "Add an agenda item"
    success_message = "Agenda item added."

    def perform(self, form):
        services.agenda_item_create(meeting=self.get_parent(), **form.cleaned_data)
        return self.get_parent()


class AgendaItemUpdateView(OfMeetingMixin, ServiceFormView):
    """Change an agenda item."""

    model = AgendaItem
    form_class = AgendaItemEditForm
    heading = "Edit the agenda item"
    success_message = "Agenda item updated."

    def perform(self, form):
        services.agenda_item_update(
            item=self.get_object(),
            expected_version=required_version(form),
            **form.model_data(),
        )
        return self.get_parent()


class DecisionCreateView(UnderMeetingMixin, ServiceFormView):
    """Record a decision taken at a meeting."""

    model = Decision
    form_class = DecisionForm
    heading = "Record a decision"
    success_message = "Decision recorded."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        return services.decision_create(
            meeting=self.get_parent(), **form.model_data(), **form.links()
        )


class DecisionUpdateView(OfMeetingMixin, ServiceFormView):
    """Change a decision: its text, owner, due date or status."""

    model = Decision
    form_class = DecisionEditForm
    heading = "Edit the decision"
    success_message = "Decision updated."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        return services.decision_update(
            decision=self.get_object(),
            expected_version=required_version(form),
            **form.model_data(),
            **form.links(),
        )
