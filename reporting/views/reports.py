"""Termly reports: the list by term, the report page, the commissioner's words, the workflow
and the board's challenges."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from core.edit_conflicts import EditConflictViewMixin, conflict_message, required_version
from core.partnerships import scope
from core.roles import (
    RoleRequiredMixin,
    can_answer_challenge,
    can_challenge_report,
    can_edit_priority_area,
    can_read_report,
    can_write_report,
    require_rule,
)
from core.service_forms import ServiceFormMixin
from priorities.models import Framework, PriorityArea
from reporting import selectors, services
from reporting.assemble import EXCEPTIONS_SHOWN, WORD_FIELDS, challenge_subjects
from reporting.charts import with_charts
from reporting.forms import AnswerForm, ChallengeForm, PresentForm, ReportWordsForm
from reporting.models import ReportComment, Term, TermlyReport


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class ReportListView(RoleRequiredMixin, TemplateView):
    """Every priority's report for a term (the current term unless chosen), by framework."""

    template_name = "reporting/report_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = Term.objects.current()  # first: it adds this academic year's terms if missing
        terms = list(Term.objects.order_by("-start_date"))
        chosen = self.request.GET.get("term", "")
        term = next((t for t in terms if str(t.pk) == chosen), None) or current
        user = self.request.user
        frameworks = list(scope(Framework.objects, user).order_by("-period", "title"))
        chosen = self.request.GET.get("framework", "")
        framework = next((f for f in frameworks if str(f.pk) == chosen), None)
        rows = selectors.term_report_rows(term=term, framework=framework, user=user) if term else []
        for row in rows:
            row["can_write"] = can_edit_priority_area(self.request.user, row["priority_area"])
        context.update(
            terms=terms, term=term, frameworks=frameworks, framework=framework, rows=rows
        )
        return context


class ReportStartView(RoleRequiredMixin, View):
    """Start the draft of a priority's report for a term: its leads and administrators."""

    def post(self, request, pk: int, term_pk: int):
        area = get_object_or_404(
            scope(PriorityArea.objects, request.user).prefetch_related("lead_commissioners"),
            pk=pk,
        )
        term = get_object_or_404(Term, pk=term_pk)
        require_rule(
            request.user,
            can_edit_priority_area,
            area,
            message="Only the priority's lead commissioners write its report.",
        )
        try:
            report = services.termly_report_start(priority_area=area, term=term)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return HttpResponseRedirect(reverse("reporting:report_list") + f"?term={term.pk}")
        messages.success(request, f"Draft report started for {area}, {term}.")
        return HttpResponseRedirect(report.get_absolute_url())


class ReportMixin(RoleRequiredMixin):
    """Loads the report named by the URL, with what its page needs, then asks the rule of it."""

    permission_rule = staticmethod(can_read_report)

    @cached_property
    def report(self) -> TermlyReport:
        return get_object_or_404(
            scope(selectors.report_for_page(), self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> TermlyReport:
        return self.report


class ReportWriterMixin(ReportMixin):
    """The report's lead commissioners and administrators only."""

    permission_rule = staticmethod(can_write_report)
    permission_denied_message = "Only the priority's lead commissioners write its report."


def _by_subject(comments) -> dict[str, list[ReportComment]]:
    """The challenges about each part of a report, by the part's anchor."""
    challenged: dict[str, list[ReportComment]] = {}
    for comment in comments:
        if comment.subject:
            challenged.setdefault(comment.subject, []).append(comment)
    return challenged


class ReportDetailView(ReportMixin, TemplateView):
    """A report: live while a draft, its frozen snapshot once submitted; challenges below."""

    template_name = "reporting/report_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.report, self.request.user
        content = with_charts(selectors.report_content(report, exceptions_shown=EXCEPTIONS_SHOWN))
        can_challenge = can_challenge_report(user, report)
        context.update(
            report=report,
            content=content,
            versions=selectors.report_versions(report),
            decisions=selectors.decisions_on(report),
            can_write=can_write_report(user, report),
            can_challenge=can_challenge,
            can_answer=can_answer_challenge(user, report),
            challenge_form=ChallengeForm(
                subjects=challenge_subjects(content),
                action=reverse("reporting:report_challenge", args=[report.pk]),
            )
            if can_challenge
            else None,
            challenged=_by_subject(report.comments.all()),
            # Beside each section, exception and indicator: "Challenge this", to this form.
            challenge_url=reverse("reporting:report_challenge", args=[report.pk])
            if can_challenge
            else "",
        )
        return context


class ReportWordsView(EditConflictViewMixin, ReportWriterMixin, ServiceFormMixin, FormView):
    """Write the commissioner's own words on a draft report; a save based on a stale copy is
    refused, keeps the writer's words and shows what changed, and saving again wins."""

    template_name = "reporting/report_words_form.html"
    form_class = ReportWordsForm
    success_message = "The report's words are saved."
    conflict_noun = "report"

    def get(self, request, *args, **kwargs):
        if not self.report.is_draft:
            messages.info(
                request, "This report has been submitted: start a new version to correct it."
            )
            return HttpResponseRedirect(self.report.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.report
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        data = {field: form.cleaned_data[field] for field in WORD_FIELDS}
        services.termly_report_save_words(
            report=self.report, data=data, expected_version=required_version(form)
        )
        return self.report


class ReportActionView(ReportWriterMixin, View):
    """A POST that moves a report on: submit, new version or noted."""

    def post(self, request, *args, **kwargs):
        try:
            target, message = self.act()
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return HttpResponseRedirect(self.report.get_absolute_url())
        messages.success(request, message)
        return HttpResponseRedirect(target.get_absolute_url())


class ReportSubmitView(ReportActionView):
    """Submit a draft: what it shows is frozen from now on."""

    def act(self):
        report = services.termly_report_submit(report=self.report, user=self.request.user)
        return report, "Report submitted. What it shows is now fixed; the board can challenge it."


class ReportNewVersionView(ReportActionView):
    """Start a corrected version of a submitted report."""

    def act(self):
        draft = services.report_new_version(report=self.report)
        return draft, f"Version {draft.edition} started as a draft, with the same words."


class ReportNotedView(ReportActionView):
    """Record that the board noted a presented report."""

    def act(self):
        return services.termly_report_mark_noted(report=self.report), "Report marked as noted."


class ReportPresentView(ReportWriterMixin, ServiceFormMixin, FormView):
    """Record the meeting and agenda item where a submitted report was presented."""

    template_name = "reporting/report_present_form.html"
    form_class = PresentForm
    success_message = "Report marked as presented."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["boards"] = services.presentable_boards(self.report)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        services.termly_report_mark_presented(report=self.report, **form.cleaned_data)
        return self.report


class ReportChallengeView(ReportMixin, TemplateView):
    """Challenge a submitted report, or the section, exception or indicator of it named by
    `?subject=` (its anchor on the report's page); once added, back to that place."""

    template_name = "reporting/report_challenge_form.html"
    permission_rule = staticmethod(can_challenge_report)
    permission_denied_message = "Board members challenge submitted reports."

    @cached_property
    def subjects(self) -> dict[str, str]:
        content = selectors.report_content(self.report, exceptions_shown=EXCEPTIONS_SHOWN)
        return challenge_subjects(content)

    def form(self, data=None) -> ChallengeForm:
        subject = self.request.GET.get("subject", "")
        return ChallengeForm(
            data,
            subjects=self.subjects,
            initial={"subject": subject if subject in self.subjects else ""},
        )

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or self.form()
        subject = form["subject"].value() or ""
        back = self.report.get_absolute_url() + f"#{subject or 'challenges'}"
        return super().get_context_data(
            report=self.report,
            form=form,
            subject_words=self.subjects.get(subject, ""),
            back=back,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            comment = services.report_comment_add(
                report=self.report, author=request.user, **form.service_data()
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return HttpResponseRedirect(self.report.get_absolute_url() + "#challenges")
        messages.success(request, "Challenge added. The lead commissioners will answer it.")
        # Back where the challenge was made: beside the thing challenged, or at the challenge.
        place = comment.subject or f"challenge-{comment.pk}"
        return HttpResponseRedirect(f"{self.report.get_absolute_url()}#{place}")


class ReportAnswerView(ReportDetailView):
    """Answer a challenge, or change its answer: the priority's lead commissioners and
    administrators. An answer given over one saved meanwhile is refused (409) on the report's
    page, with the answer there now and the one typed kept; sending it again replaces it."""

    http_method_names = ["post"]

    @cached_property
    def comment(self) -> ReportComment:
        comments = scope(ReportComment.objects, self.request.user).only("pk", "report")
        return get_object_or_404(comments, pk=self.kwargs["pk"])

    @cached_property
    def report(self) -> TermlyReport:
        reports = scope(selectors.report_for_page(), self.request.user)
        return get_object_or_404(reports, pk=self.comment.report_id)

    def post(self, request, *args, **kwargs):
        report, comment = self.report, self.comment
        require_rule(
            request.user,
            can_answer_challenge,
            report,
            message="Only the priority's lead commissioners answer its challenges.",
        )
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Write your answer before saving it.")
            return HttpResponseRedirect(self.anchor)
        try:
            services.report_comment_answer(
                comment=comment,
                author=request.user,
                answer=form.cleaned_data["answer"],
                expected_version=required_version(form),
            )
        except services.ChallengeAnswerConflict as conflict:
            return self.answer_conflict(conflict.current, form.cleaned_data["answer"])
        messages.success(request, "Answer saved.")
        return HttpResponseRedirect(self.anchor)

    @property
    def anchor(self) -> str:
        return f"{self.report.get_absolute_url()}#challenge-{self.comment.pk}"

    def answer_conflict(self, current: ReportComment, typed: str):
        """The report's page, with the challenge as it is now, what changed and the answer
        typed kept at the current version: sending it again knowingly replaces the other."""
        answered_by = current.answered_by
        changes = [("Answer", current.answer or "(empty)")]
        if answered_by is not None:
            who = answered_by.get_full_name() or answered_by.get_username()
            when = timezone.localtime(current.answered_at)
            changes.append(("Answered by", f"{who}, {when:%d/%m/%Y %H:%M}"))
        for shown in self.report.comments.all():
            if shown.pk == current.pk:
                shown.answer, shown.version = current.answer, current.version
                shown.answered_by, shown.answered_at = answered_by, current.answered_at
                shown.answer_conflict = {"changes": changes, "answer": typed}
        messages.warning(self.request, conflict_message("challenge"))
        return self.render_to_response(self.get_context_data(), status=409)
