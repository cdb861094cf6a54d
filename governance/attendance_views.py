"""Pages of attendance, memberships and their registers of interests, and declarations."""

from functools import cached_property

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, TemplateView

from core.edit_conflicts import required_version
from core.partnerships import scope
from core.roles import can_edit_board_records
from governance import attendance, interests
from governance.attendance_forms import (
    DeclarationForm,
    InterestEditForm,
    InterestForm,
    attendance_formset,
)
from governance.attendance_models import Declaration, Interest
from governance.models import AgendaItem, Board, Meeting, Membership
from governance.quorum import meeting_quorum, members_on, prefetch_for_quorum
from governance.views import BoardRecorderMixin, ReaderMixin, ServiceFormView


class AttendanceRecordView(BoardRecorderMixin, TemplateView):
    """Record who attended a meeting: one row per member whose seat was current on its date."""

    template_name = "governance/attendance_form.html"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            attendance.meeting_for_attendance(self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Board:
        return self.meeting.board

    def formset(self, data=None):
        members = members_on(self.meeting)
        formset_class = attendance_formset(members)
        return formset_class(
            data,
            meeting=self.meeting,
            members=members,
            recorded=attendance.attendance_by_member(self.meeting),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.formset())
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def post(self, request, pk: int):
        formset = self.formset(request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        try:
            attendance.attendance_record(meeting=self.meeting, rows=formset.rows())
        except attendance.AttendanceConflict as error:
            messages.warning(request, " ".join(error.messages))
            # What is recorded now, read afresh, for the user to change again.
            del self.meeting
            return self.render_to_response(self.get_context_data(), status=409)
        meeting = attendance.meeting_for_attendance(request.user).get(pk=self.meeting.pk)
        prefetch_for_quorum([meeting])
        quorum = meeting_quorum(meeting)
        verdict = {True: "Quorate", False: "Not quorate", None: "Quorum not assessed"}[
            quorum.quorate
        ]
        messages.success(request, f"Attendance recorded. {verdict}: {quorum.explanation}")
        return HttpResponseRedirect(f"{meeting.get_absolute_url()}#attendance")


class MembershipDetailView(ReaderMixin, DetailView):
    """A member's seat: role, organisation, dates, attendance over the year and interests."""

    template_name = "governance/membership_detail.html"
    context_object_name = "membership"

    def get_queryset(self):
        return attendance.membership_for_page(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(attendance.membership_page_data(self.object))
        context["can_edit"] = can_edit_board_records(self.request.user, self.object.board)
        return context


class MemberFormView(ServiceFormView):
    """A form about one member's register: its breadcrumbs lead back to the membership."""

    template_name = "governance/member_form.html"

    def get_cancel_url(self) -> str:
        return reverse("governance:membership_detail", args=[self.get_parent().pk])


class InterestCreateView(MemberFormView):
    """Add an interest to a member's register."""

    form_class = InterestForm
    heading = "Add an interest to the register"
    success_message = "Interest added to the register."

    def get_parent(self) -> Membership:
        if not hasattr(self, "membership"):
            self.membership = get_object_or_404(
                scope(Membership.objects, self.request.user)
                .select_related("board", "organisation")
                .prefetch_related("board__memberships"),
                pk=self.kwargs["membership_pk"],
            )
        return self.membership

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Interest(membership=self.get_parent())}

    def perform(self, form):
        return interests.interest_create(membership=self.get_parent(), **form.cleaned_data)


class InterestUpdateView(MemberFormView):
    """Change a register entry, e.g. to give the date it ended."""

    form_class = InterestEditForm
    heading = "Edit the interest"
    success_message = "Interest updated."

    def get_object(self) -> Interest:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(
                scope(Interest.objects, self.request.user)
                .select_related("membership__board", "membership__organisation")
                .prefetch_related("membership__board__memberships"),
                pk=self.kwargs["pk"],
            )
        return self.object

    def get_parent(self) -> Membership:
        return self.get_object().membership

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object()}

    def perform(self, form):
        return interests.interest_update(
            interest=self.get_object(),
            expected_version=required_version(form),
            **form.model_data(),
        )


class DeclarationCreateView(ServiceFormView):
    """Record an interest a member declared on an agenda item."""

    form_class = DeclarationForm
    heading = "Record a declaration of interest"
    success_message = "Declaration recorded."

    @cached_property
    def item(self) -> AgendaItem:
        return get_object_or_404(
            scope(AgendaItem.objects, self.request.user)
            .select_related("meeting__board")
            .prefetch_related("meeting__board__memberships__organisation"),
            pk=self.kwargs["item_pk"],
        )

    def get_parent(self) -> Meeting:
        return self.item.meeting

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": Declaration(agenda_item=self.item),
            "members": members_on(self.item.meeting),
        }

    def perform(self, form):
        return interests.declaration_create(agenda_item=self.item, **form.cleaned_data)
