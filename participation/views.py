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
from core.personal_data import PersonalDataFormMixin
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_answer_voice_questions,
    can_edit_participation_record,
    can_log_participation,
    can_publish_participation_record,
    require_rule,
)
from core.service_forms import ServiceFormMixin
from participation import exports, selectors, services
from participation.filters import CoverageFilter, RecordFilter
from participation.forms import (
    PRIVACY_NOTICE,
    ParticipationRecordForm,
    QuoteFormSet,
    YouSaidItemFormSet,
    checked_partnership_id,
    group_choices,
)
from participation.models import (
    ConsentUse,
    Level,
    ParticipationRecord,
    split_by_consent,
    withheld_message,
)
from priorities.models import PriorityArea

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        return selectors.record_page(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_participation_record(self.request.user, self.object)
        context["can_publish"] = can_publish_participation_record(self.request.user, self.object)
        # Internal use covers every consent: each quote whose consent is current is shown.
        quotes, withheld = split_by_consent(self.object.quotes.all(), ConsentUse.INTERNAL)
        context.update(quotes=quotes, quotes_withheld=withheld_message(withheld))
        return context


class RecordFormMixin(EditorRequiredMixin):
    """Shared by logging and editing a record: the form needs the user's priority areas, and
    the record's "you said" items come as a formset saved with it, all or nothing."""

    form_class = ParticipationRecordForm
    template_name = "participation/record_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def items_instance(self) -> ParticipationRecord:
        return ParticipationRecord()

    @cached_property
    def items_posted(self) -> bool:
        """Whether the POST carries the items; one without them (a script, a page from before
        items) leaves the items as they are, as core.date_input reads a date posted whole."""
        management = f"{YouSaidItemFormSet.get_default_prefix()}-TOTAL_FORMS"
        return self.request.method == "POST" and management in self.request.POST

    @cached_property
    def items(self) -> YouSaidItemFormSet:
        data = self.request.POST if self.items_posted else None
        record = self.items_instance()
        return YouSaidItemFormSet(
            data,
            instance=record,
            form_kwargs={"partnership_id": checked_partnership_id(self.request.user, record)},
        )

    def item_changes(self) -> list[dict]:
        return self.items.item_changes() if self.items_posted else []

    @cached_property
    def quotes_posted(self) -> bool:
        """Whether the POST carries the quotes; one without them leaves them as they are."""
        management = f"{QuoteFormSet.get_default_prefix()}-TOTAL_FORMS"
        return self.request.method == "POST" and management in self.request.POST

    @cached_property
    def quotes(self) -> QuoteFormSet:
        record = self.items_instance()
        data = self.request.POST if self.quotes_posted else None
        return QuoteFormSet(
            data,
            instance=record,
            groups=group_choices(self.request.user, record),
            partnership_id=checked_partnership_id(self.request.user, record),
        )

    def quote_changes(self) -> list[dict] | None:
        return self.quotes.quote_changes() if self.quotes_posted else None

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        # The record, its items, its quotes and the personal-data confirmation are checked
        # together, so every error shows at once, and saved together or not at all.
        form_valid = form.is_valid()
        items_valid = self.items.is_valid() if self.items_posted else True
        quotes_valid = self.quotes.is_valid() if self.quotes_posted else True
        if quotes_valid and form_valid and self.quotes_posted:
            quotes_valid = self.quotes.check_groups(form.cleaned_data["groups"])
        if form_valid and items_valid and quotes_valid:
            return self.form_valid(form)
        return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["privacy_notice"] = PRIVACY_NOTICE
        context["items"] = self.items
        context["quote_forms"] = self.quotes
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
            data=form.model_data(),
            created_by=self.request.user,
            items=self.item_changes(),
            quotes=self.quote_changes() or (),
            personal_data_confirmed=form.confirmed_findings(),
            **self.relations(form),
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

    def items_instance(self) -> ParticipationRecord:
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
            items=self.item_changes(),
            quotes=self.quote_changes(),
            personal_data_confirmed=form.confirmed_findings(),
            confirmed_by=self.request.user,
            **self.relations(form),
        )

    def get_success_message(self) -> str:
        saved = f"Participation record “{self.saved.title}” saved."
        if self.record.published_at and not self.saved.published_at:
            return (
                f"{saved} Its public words changed, so it is no longer on the public page: "
                "preview it and publish it again."
            )
        return saved


class AnonymisedExportView(RoleRequiredMixin, View):
    """The anonymised export of the log as filtered (participation/exports.py): counts and
    categories only. Every role that reads the log may download it, board members included:
    it carries nothing the log's own pages do not, and less."""

    fmt = "csv"

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = RecordFilter(
            request.GET,
            queryset=selectors.record_export(request.user),
            request=request,
        )
        records = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        threshold = exports.suppression_threshold()
        rows = exports.export_rows(records, today=timezone.localdate(), threshold=threshold)
        stamp = f"{timezone.localdate():%Y-%m-%d}"
        if self.fmt == "xlsx":
            response = HttpResponse(exports.export_to_xlsx(rows, threshold), content_type=XLSX)
        else:
            response = HttpResponse(
                exports.export_to_csv(rows, threshold), content_type="text/csv; charset=utf-8"
            )
        response["Content-Disposition"] = (
            f'attachment; filename="participation-anonymised-{stamp}.{self.fmt}"'
        )
        return response


class FeedbackOwedView(RoleRequiredMixin, ListView):
    """Records more than four weeks old that have not been fed back to the participants."""

    template_name = "participation/feedback_owed.html"
    context_object_name = "records"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.feedback_owed(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Of the records on this page, which items are overdue (read from the prefetch).
        context["overdue_items"] = [
            item for record in context["records"] for item in record.overdue_items
        ]
        return context


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


class VoiceAnswerForm(PersonalDataFormMixin, forms.Form):
    """One question's answer, with the version and the text of the answer the page showed:
    an answer left as it was is not saved, and one saved meanwhile is not overwritten."""

    answer = forms.CharField(
        label="Your answer", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    started_from = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    def is_changed(self) -> bool:
        typed = (self.cleaned_data.get("answer") or "").strip()
        return typed != (self.cleaned_data.get("started_from") or "").strip()


VoiceAnswerFormSet = forms.formset_factory(VoiceAnswerForm, extra=0)


VOICE_CONFLICT_MESSAGE = (
    "Not saved: someone else saved some of these answers while you were editing them. Your "
    "answers are still in the form; check what changed, then save again to keep yours."
)


def _as_started(answer) -> dict:
    """A form's hidden fields for the answer as it is saved now (None: not answered)."""
    return {"version": answer.version, "started_from": answer.answer} if answer else {}


class VoiceAnswersView(RoleRequiredMixin, View):
    """The voice-of-the-child questions of an activity's current stage: its editors answer them,
    everyone with a role reads them. Answers saved meanwhile by someone else are not
    overwritten: the page comes back (409) with them and with what the editor typed."""

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

    def render_page(self, formset=None, status: int = 200, **extra) -> HttpResponse:
        pairs = selectors.voice_questions_for(activity=self.activity)
        can_answer = can_answer_voice_questions(self.request.user, self.activity)
        if formset is None:
            formset = VoiceAnswerFormSet(
                initial=[
                    {"answer": answer.answer if answer else "", **_as_started(answer)}
                    for _, answer in pairs
                ]
            )
        context = {
            "activity": self.activity,
            "can_answer": can_answer,
            "rows": list(zip(pairs, formset.forms, strict=False)),
            "formset": formset,
            "unanswered": sum(answer is None for _, answer in pairs),
            **extra,
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
        if formset.management_form.is_valid() and len(formset.forms) != len(pairs):
            messages.error(request, "The answers were not saved: the questions changed. Try again.")
            return self.render_page(status=400)
        if not formset.is_valid():
            if formset.non_form_errors() or not formset.management_form.is_valid():
                messages.error(
                    request, "The answers were not saved: reload the page and try again."
                )
                return self.render_page(status=400)
            # An answer refused (it could identify a child): the message beside it, input kept.
            messages.error(request, "The answers were not saved: see the message beside each.")
            return self.render_page(formset=formset, status=400)
        changed = [
            (question, form)
            for (question, _), form in zip(pairs, formset.forms, strict=True)
            if form.is_changed()
        ]
        try:
            written = services.voice_answers_save(
                activity=self.activity,
                answered_by=request.user,
                answers={question: form.cleaned_data["answer"] for question, form in changed},
                versions={question: form.cleaned_data["version"] for question, form in changed},
            )
        except services.VoiceAnswersConflict as conflict:
            return self.conflict(pairs, conflict.current)
        except ValidationError as error:
            messages.error(request, f"The answers were not saved: {'; '.join(error.messages)}")
            return self.render_page(formset=formset, status=400)
        messages.success(request, f"{written} answer{'s' if written != 1 else ''} saved.")
        return redirect("participation:voice_answers", pk=self.activity.pk)

    def conflict(self, pairs, current: list) -> HttpResponse:
        """Keep what was typed, list the answers saved meanwhile, and start the refused ones
        from those: saving again knowingly replaces them."""
        data = self.request.POST.copy()
        by_question = {answer.question_id: answer for answer in current}
        for index, (question, _) in enumerate(pairs):
            if question.pk in by_question:
                for name, value in _as_started(by_question[question.pk]).items():
                    data[f"form-{index}-{name}"] = value
        changes = [(answer.question.text, answer.answer) for answer in current]
        messages.warning(self.request, VOICE_CONFLICT_MESSAGE)
        return self.render_page(
            formset=VoiceAnswerFormSet(data),
            status=409,
            conflict=True,
            conflict_changes=changes,
        )
