"""A meeting's pack as one PDF, and the termly reports put on its agenda."""

from functools import cached_property

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import FormView, TemplateView

from core.partnerships import scope
from core.roles import RoleRequiredMixin, RuleRequiredMixin, can_edit_board_records
from core.service_forms import ServiceFormMixin
from governance.models import AgendaItem, Meeting
from reporting import services
from reporting.forms import AttachReportForm
from reporting.meeting_pack import meeting_pack_download


class MeetingPackPdfView(RoleRequiredMixin, TemplateView):
    """The meeting pack as one PDF, when the worker has laid out its current content; else a
    page that says it is being prepared. Never lays one out itself."""

    template_name = "reporting/meeting_pack_pending.html"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            scope(Meeting.objects, self.request.user).select_related("board"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        download = meeting_pack_download(meeting=self.meeting)
        if download.pdf is None:
            return self.render_to_response(
                self.get_context_data(meeting=self.meeting, download=download)
            )
        response = HttpResponse(download.pdf, content_type="application/pdf")
        day = self.meeting.starts_at.date().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="meeting-pack-{self.meeting.pk}-{day}.pdf"'
        )
        return response


class AgendaItemReportView(RuleRequiredMixin, ServiceFormMixin, FormView):
    """Put a termly report on an agenda item: those who record the board (its chair,
    vice-chair or secretary, and administrators)."""

    template_name = "reporting/agenda_item_report_form.html"
    form_class = AttachReportForm
    permission_rule = staticmethod(can_edit_board_records)
    permission_denied_message = (
        "Only the board's chair, vice-chair or secretary, and administrators, keep its agenda."
    )

    @cached_property
    def item(self) -> AgendaItem:
        return get_object_or_404(
            scope(AgendaItem.objects, self.request.user)
            .select_related("meeting__board")
            .prefetch_related("meeting__board__memberships"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.item.meeting.board

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reports": services.attachable_reports(self.item)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, meeting=self.item.meeting, **kwargs)

    def perform(self, form):
        report = services.termly_report_attach(
            report=form.cleaned_data["report"], agenda_item=self.item
        )
        self.success_message = (
            f"{report.priority_area.title}, {report.term} is on the agenda as item "
            f"{self.item.order}. The meeting pack includes it."
        )
        return self.item
