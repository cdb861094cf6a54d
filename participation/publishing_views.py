"""Publishing a participation record on the partnership's public "You said, we did" page: a
preview of exactly what the public will read, then publish or take it off again."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from core.roles import RuleRequiredMixin, can_publish_participation_record
from participation import publication, selectors, services
from participation.models import ParticipationRecord

PUBLISHERS_ONLY = "Only the lead commissioners of its priorities publish a record."


class PublishForm(forms.Form):
    """The version of the record the preview showed: a record changed since is not published."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class RecordPublisherMixin(RuleRequiredMixin):
    """The record of the address, for those who may publish it."""

    permission_rule = staticmethod(can_publish_participation_record)
    permission_denied_message = PUBLISHERS_ONLY

    @cached_property
    def record(self) -> ParticipationRecord:
        return get_object_or_404(selectors.record_detail(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self) -> ParticipationRecord:
        return self.record


class RecordPublicPreviewView(RecordPublisherMixin, TemplateView):
    """What the public page will show of the record, what it leaves out, and Publish."""

    template_name = "participation/record_public_preview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        smallest = record.partnership.smallest_public_group
        row = publication.public_row(record, smallest_group=smallest)
        context.update(
            record=record,
            row=row,
            smallest_group=smallest,
            left_out=publication.ALWAYS_LEFT_OUT,
            groups=record.groups.all(),
            hidden_counts=publication.hidden_counts(record, row),
            problems=publication.text_problems(record),
        )
        return context


class RecordPublishView(RecordPublisherMixin, View):
    """POST: publish the record as previewed, unless its words could identify a child."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = PublishForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else -1
        try:
            services.participation_record_publish(
                record=self.record, user=request.user, previewed_version=version
            )
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect("participation:record_public_preview", pk=pk)
        messages.success(
            request, f"“{self.record.title}” is published on the public “You said, we did” page."
        )
        return redirect(self.record.get_absolute_url())


class RecordUnpublishView(RecordPublisherMixin, View):
    """POST: take the record off the public pages."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        services.participation_record_unpublish(record=self.record)
        messages.success(request, f"“{self.record.title}” is no longer on the public pages.")
        return redirect(self.record.get_absolute_url())
