"""Objectives, indicators and indicator values of a priority: add and edit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import FormView

from core.edit_conflicts import EditConflict, EditConflictViewMixin, required_version
from core.roles import EditorRequiredMixin, can_edit_priority_area
from priorities import services
from priorities.forms import (
    IndicatorForm,
    IndicatorValueForm,
    ObjectiveForm,
)
from priorities.models import Indicator, Objective, PriorityArea


class IndicatorValueCreateView(EditorRequiredMixin, FormView):
    """Record an indicator's value: its priority's lead commissioners and administrators."""

    form_class = IndicatorValueForm
    template_name = "priorities/indicator_value_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.indicator = get_object_or_404(
            Indicator.objects.select_related("priority_area__framework"), pk=kwargs["pk"]
        )
        if not can_edit_priority_area(request.user, self.indicator.priority_area):
            raise PermissionDenied("Only the priority's lead commissioners record its indicators.")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["indicator"] = self.indicator
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["indicator"] = self.indicator
        return context

    def form_valid(self, form):
        try:
            value = services.indicator_value_record(indicator=self.indicator, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"{self.indicator.name}: {value.period_label} value recorded."
        )
        return HttpResponseRedirect(self.indicator.priority_area.get_absolute_url() + "#indicators")


class PriorityAreaPartFormView(EditConflictViewMixin, EditorRequiredMixin, FormView):
    """Add or edit a part of a priority (an objective, an indicator): its leads, administrators.

    With `creating`, the URL's pk is the priority area's; otherwise it is the part's own. An
    edit based on a stale copy is refused and shows what changed.
    """

    template_name = "priorities/part_form.html"
    part_model: type[Objective] | type[Indicator]
    noun: str
    anchor: str
    creating = False

    def dispatch(self, request, *args, **kwargs):
        if self.creating:
            self.part = None
            self.priority_area = get_object_or_404(
                PriorityArea.objects.select_related("framework"), pk=kwargs["pk"]
            )
        else:
            self.part = get_object_or_404(
                self.part_model.objects.select_related("priority_area__framework"),
                pk=kwargs["pk"],
            )
            self.priority_area = self.part.priority_area
        if not can_edit_priority_area(request.user, self.priority_area):
            raise PermissionDenied(
                f"Only the priority's lead commissioners change its {self.noun}s."
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.part
        kwargs["priority_area"] = self.priority_area
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(priority_area=self.priority_area, part=self.part, noun=self.noun)
        return context

    def form_valid(self, form):
        try:
            self.save(form)
        except EditConflict as conflict:
            return self.conflict(form, conflict.current)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        verb = "added" if self.creating else "saved"
        messages.success(self.request, f"{self.noun.capitalize()} {verb}.")
        return HttpResponseRedirect(f"{self.priority_area.get_absolute_url()}#{self.anchor}")

    def get_conflict_noun(self, current) -> str:
        return self.noun

    def save(self, form) -> None:
        raise NotImplementedError


class ObjectiveFormView(PriorityAreaPartFormView):
    form_class = ObjectiveForm
    part_model = Objective
    noun = "objective"
    anchor = "objectives"


class ObjectiveCreateView(ObjectiveFormView):
    """Add an objective to a priority."""

    creating = True

    def save(self, form) -> None:
        services.objective_create(priority_area=self.priority_area, **form.model_data())


class ObjectiveUpdateView(ObjectiveFormView):
    """Reword or reorder an objective."""

    def save(self, form) -> None:
        services.objective_update(
            objective=self.part,
            expected_version=required_version(form),
            **form.model_data(),
        )


class IndicatorFormView(PriorityAreaPartFormView):
    form_class = IndicatorForm
    part_model = Indicator
    noun = "indicator"
    anchor = "indicators"


class IndicatorCreateView(IndicatorFormView):
    """Add an indicator to a priority."""

    creating = True

    def save(self, form) -> None:
        services.indicator_create(priority_area=self.priority_area, data=form.model_data())


class IndicatorUpdateView(IndicatorFormView):
    """Change an indicator."""

    def save(self, form) -> None:
        services.indicator_update(
            indicator=self.part,
            data=form.model_data(),
            expected_version=required_version(form),
        )
