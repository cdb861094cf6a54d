"""Pages of the Hear by Right self-assessment: a year against the year before, the form that
scores a year's seven standards, and the assessment's history."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from core.academic_years import academic_year_label, academic_year_of
from core.edit_conflicts import conflict_message
from core.history import ObjectHistoryView, history_rows
from core.models import Partnership
from core.partnerships import current_partnership, scope
from core.roles import RoleRequiredMixin, RuleRequiredMixin, can_edit_hear_by_right
from core.service_forms import add_service_errors
from participation import hear_by_right_selectors as selectors
from participation import hear_by_right_services as services
from participation.hear_by_right_forms import HearByRightForm
from participation.models import HearByRightAssessment, HearByRightLevel, HearByRightScore

# The years an address may name, as the assessment's year constraint allows.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PartnershipYearMixin:
    """The partnership the person works in, and the academic year in the address (this one
    when the address names none)."""

    @cached_property
    def partnership(self) -> Partnership:
        partnership = current_partnership(self.request.user)
        if partnership is None:
            raise Http404("You work in no partnership.")
        return partnership

    @cached_property
    def year(self) -> int:
        year = self.kwargs.get("year") or academic_year_of(timezone.localdate())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Http404("No academic year by that number.")
        return year

    def year_context(self) -> dict:
        return {
            "partnership": self.partnership,
            "year": self.year,
            "year_label": academic_year_label(self.year),
            "last_year_label": academic_year_label(self.year - 1),
            "is_this_year": self.year == academic_year_of(timezone.localdate()),
        }


class HearByRightView(PartnershipYearMixin, RoleRequiredMixin, TemplateView):
    """A year's self-assessment against the year before, standard by standard."""

    template_name = "participation/hear_by_right.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        this_year, last_year = selectors.year_and_year_before(self.partnership, self.year)
        context.update(
            self.year_context(),
            assessment=this_year,
            previous=last_year,
            rows=selectors.comparison(this_year, last_year),
            other_years=[
                (year, academic_year_label(year))
                for year in selectors.assessed_years(self.partnership)
                if year != self.year
            ],
            levels=HearByRightLevel,
            can_edit=can_edit_hear_by_right(self.request.user),
        )
        return context


class HearByRightEditView(PartnershipYearMixin, RuleRequiredMixin, FormView):
    """Score a year's seven standards, or change the scores: a save based on a stale copy is
    refused (409) with what changed and the input kept."""

    template_name = "participation/hear_by_right_form.html"
    form_class = HearByRightForm
    permission_rule = staticmethod(can_edit_hear_by_right)
    permission_denied_message = (
        "Only the commissioners who log participation score the Hear by Right self-assessment."
    )

    @cached_property
    def assessment(self) -> HearByRightAssessment | None:
        return selectors.assessments(self.partnership).filter(year=self.year).first()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(partnership=self.partnership, year=self.year, assessment=self.assessment)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.year_context(), assessment=self.assessment)
        return context

    def form_valid(self, form: HearByRightForm) -> HttpResponse:
        try:
            if self.assessment is None:
                saved = services.hear_by_right_assessment_create(
                    partnership=self.partnership,
                    year=self.year,
                    status=form.cleaned_data["status"],
                    scores=form.scores(),
                    created_by=self.request.user,
                )
            else:
                version = form.cleaned_data.get("version")
                saved = services.hear_by_right_assessment_update(
                    assessment=self.assessment,
                    status=form.cleaned_data["status"],
                    scores=form.scores(),
                    # A form without its version is treated as stale, never as "save over".
                    expected_version=-1 if version is None else version,
                )
        except services.AssessmentEditConflict as conflict:
            return self.conflict(form, conflict.current)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"Hear by Right self-assessment for {saved.year_label} saved."
        )
        return HttpResponseRedirect(saved.get_absolute_url())

    def conflict(self, form: HearByRightForm, current: HearByRightAssessment) -> HttpResponse:
        """Keep the input, list what changed, and let a second save knowingly win."""
        current = selectors.assessments(self.partnership).get(pk=current.pk)
        changed = form.changes_since(current)
        data = self.request.POST.copy()
        data["version"] = current.version
        data["snapshot"] = form.signed_snapshot(current)
        kept = HearByRightForm(
            data=data, partnership=self.partnership, year=self.year, assessment=current
        )
        kept.is_valid()
        self.__dict__["assessment"] = current
        messages.warning(self.request, conflict_message("self-assessment"))
        context = self.get_context_data(form=kept, conflict_changes=changed, conflict=True)
        return self.render_to_response(context, status=409)


class HearByRightHistoryView(ObjectHistoryView):
    """Who changed a year's assessment and each of its scores, when, and what."""

    model = HearByRightAssessment
    template_name = "participation/hear_by_right_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = context["object"]
        scores = (
            scope(HearByRightScore.objects.all(), self.request.user).filter(assessment=assessment)
            if assessment
            else HearByRightScore.objects.none()
        )
        context["score_histories"] = [
            (score.get_standard_display(), history_rows(score.history.all())) for score in scores
        ]
        return context
