"""Pages of the participation app: the log, records, coverage, feedback owed, "you said, we did"
and the voice-of-the-child answers."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from commissioning.models import CommissioningActivity
from commissioning.selectors import visible_activities
from core.choices import Stage
from core.edit_conflicts import EditConflictViewMixin, required_version
from core.partnerships import scope
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_answer_voice_questions,
    can_edit_participation_record,
    can_log_participation,
    require_rule,
)
from core.service_forms import ServiceFormMixin
from participation import selectors, services
from participation.filters import CoverageFilter, RecordFilter
from participation.forms import PRIVACY_NOTICE, ParticipationRecordForm
from participation.models import Level, ParticipationRecord
from priorities.models import PriorityArea

PAGE_SIZE = 25


class RecordListView(RoleRequiredMixin, FilterView):
    """The participation log, filtered and paginated, newest first."""

    template_name = "participation/record_list.html"
    filterset_class = RecordFilter
    context_object_name = "records"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.record_list(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_log"] = can_log_participation(self.request.user)
        return context


class RecordDetailView(RoleRequiredMixin, DetailView):
    """One participation record: who took part (counts), what they said and what changed."""

    template_name = "participation/record_detail.html"
    context_object_name = "record"

    def get_queryset(self):
        return selectors.record_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_participation_record(self.request.user, self.object)
        return context


class RecordFormMixin(EditorRequiredMixin):
    """Shared by logging and editing a record: the form needs the user's priority areas."""

    form_class = ParticipationRecordForm
    template_name = "participation/record_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["privacy_notice"] = PRIVACY_NOTICE
        return context

    def relations(self, form: ParticipationRecordForm) -> dict:
        return {
            "priority_areas": form.cleaned_data["priority_areas"],
            "groups": form.cleaned_data["groups"],
        }


class RecordCreateView(RecordFormMixin, ServiceFormMixin, FormView):
    """Log participation: administrators, and commissioners for the priorities they lead."""

    permission_rule = staticmethod(can_log_participation)
    permission_denied_message = "Only the lead commissioners of a priority log participation."

    def get_initial(self):
        initial = {"date": timezone.localdate()}
        # Opened from an activity's voice-of-the-child page: start from that activity.
        requested = self.request.GET.get("activity", "")
        activity = (
            scope(CommissioningActivity.objects.all(), self.request.user, shared=False)
            .filter(pk=int(requested))
            .first()
            if requested.isdigit()
            else None
        )
        if activity is not None:
            initial.update(activity=activity, priority_areas=[activity.priority_area_id])
        return initial

    def perform(self, form):
        return services.participation_record_create(
            data=form.model_data(), created_by=self.request.user, **self.relations(form)
        )

    def get_success_message(self) -> str:
        return f"Participation record “{self.saved.title}” saved."


class RecordUpdateView(EditConflictViewMixin, RecordFormMixin, ServiceFormMixin, FormView):
    """Edit a record; a save based on a stale copy is refused and shows what changed."""

    conflict_noun = "record"
    permission_rule = staticmethod(can_edit_participation_record)
    permission_denied_message = "Only the lead commissioners of its priorities edit a record."

    @cached_property
    def record(self) -> ParticipationRecord:
        return get_object_or_404(selectors.record_detail(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self) -> ParticipationRecord:
        return self.record

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.record
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.record
        return context

    def perform(self, form):
        return services.participation_record_update(
            record=self.record,
            data=form.model_data(),
            expected_version=required_version(form),
            **self.relations(form),
        )

    def get_success_message(self) -> str:
        return f"Participation record “{self.saved.title}” saved."


class FeedbackOwedView(RoleRequiredMixin, ListView):
    """Records more than four weeks old that have not been fed back to the participants."""

    template_name = "participation/feedback_owed.html"
    context_object_name = "records"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.feedback_owed(self.request.user)


class CoverageView(RoleRequiredMixin, TemplateView):
    """Priority areas by cycle stage: records, highest level reached, and the gaps."""

    template_name = "participation/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = CoverageFilter(
            self.request.GET, queryset=PriorityArea.objects.none(), request=self.request
        )
        framework = filterset.form.cleaned_data.get("framework") if filterset.is_valid() else None
        rows = selectors.coverage_matrix(user=self.request.user, framework=framework)
        context.update(
            filter=filterset,
            rows=rows,
            stages=Stage,
            levels=Level,
            gap_count=sum(row.gaps for row in rows),
        )
        return context


class YouSaidWeDidView(RoleRequiredMixin, DetailView):
    """ "You said, we did" for one priority, written for young people and printable."""

    template_name = "participation/you_said_we_did.html"
    context_object_name = "priority_area"

    def get_queryset(self):
        return scope(
            PriorityArea.objects.select_related("framework__partnership"), self.request.user
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["records"] = selectors.you_said_we_did(priority_area=self.object)
        return context


class VoiceAnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


VoiceAnswerFormSet = forms.formset_factory(VoiceAnswerForm, extra=0)


class VoiceAnswersView(RoleRequiredMixin, View):
    """The voice-of-the-child questions of an activity's current stage: its editors answer them,
    everyone with a role reads them."""

    template_name = "participation/voice_answers.html"

    def setup(self, request, *args, **kwargs):
        # Fetched before the role check: a missing activity answers 404 to anyone.
        super().setup(request, *args, **kwargs)
        self.activity = get_object_or_404(
            visible_activities(request.user)
            .select_related("priority_area__framework", "partnership")
            .prefetch_related("priority_area__lead_commissioners", "shared_with"),
            pk=kwargs["pk"],
        )

    def render_page(self, formset=None, status: int = 200) -> HttpResponse:
        pairs = selectors.voice_questions_for(activity=self.activity)
        can_answer = can_answer_voice_questions(self.request.user, self.activity)
        if formset is None:
            formset = VoiceAnswerFormSet(
                initial=[{"answer": answer.answer if answer else ""} for _, answer in pairs]
            )
        context = {
            "activity": self.activity,
            "can_answer": can_answer,
            "rows": list(zip(pairs, formset.forms, strict=False)),
            "formset": formset,
            "unanswered": sum(answer is None for _, answer in pairs),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        require_rule(
            request.user,
            can_answer_voice_questions,
            self.activity,
            message="Only the activity's commissioners answer its questions.",
        )
        pairs = selectors.voice_questions_for(activity=self.activity)
        formset = VoiceAnswerFormSet(request.POST)
        if not formset.is_valid() or len(formset.forms) != len(pairs):
            messages.error(request, "The answers were not saved: the questions changed. Try again.")
            return self.render_page(status=400)
        answers = {
            question: form.cleaned_data.get("answer", "")
            for (question, _), form in zip(pairs, formset.forms, strict=True)
        }
        try:
            written = services.voice_answers_save(
                activity=self.activity, answered_by=request.user, answers=answers
            )
        except ValidationError as error:
            messages.error(request, f"The answers were not saved: {'; '.join(error.messages)}")
            return self.render_page(formset=formset, status=400)
        messages.success(request, f"{written} answer{'s' if written != 1 else ''} saved.")
        return redirect("participation:voice_answers", pk=self.activity.pk)
