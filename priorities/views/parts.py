"""Objectives, indicators and indicator values of a priority: add and edit."""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.views.generic import FormView

from core.edit_conflicts import EditConflictViewMixin, required_version
from core.partnerships import scope
from core.roles import EditorRequiredMixin, can_edit_priority_area
from core.service_forms import ServiceFormMixin
from priorities import services
from priorities.forms import (
    IndicatorForm,
    IndicatorValueForm,
    ObjectiveForm,
)
from priorities.models import Indicator, Objective, PriorityArea
from priorities.views.mixins import adding_another


class IndicatorValueCreateView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Record an indicator's value: its priority's lead commissioners and administrators."""

    form_class = IndicatorValueForm
    template_name = "priorities/indicator_value_form.html"
    permission_rule = staticmethod(can_edit_priority_area)
    permission_denied_message = "Only the priority's lead commissioners record its indicators."

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(
            scope(Indicator.objects, self.request.user).select_related("priority_area__framework"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> PriorityArea:
        return self.indicator.priority_area

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["indicator"] = self.indicator
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["indicator"] = self.indicator
        return context

    def perform(self, form):
        return services.indicator_value_record(
            indicator=self.indicator,
            comparator_values=form.comparator_values(),
            **form.value_data(),
        )

    def get_success_message(self) -> str:
        message = f"{self.indicator.name}: {self.saved.period_label} value recorded."
        return f"{message} Record the next one below." if adding_another(self.request) else message

    def get_success_url(self) -> str:
        # "Save and add another": the empty form again, for the same indicator.
        if adding_another(self.request):
            return self.request.path
        return self.indicator.priority_area.get_absolute_url() + "#indicators"


class PriorityAreaPartFormView(
    EditConflictViewMixin, EditorRequiredMixin, ServiceFormMixin, FormView
):
    """Add or edit a part of a priority (an objective, an indicator): its leads, administrators.

    With `creating`, the URL's pk is the priority area's; otherwise it is the part's own. An
    edit based on a stale copy is refused and shows what changed.
    """

    template_name = "priorities/part_form.html"
    part_model: type[Objective] | type[Indicator]
    noun: str
    anchor: str
    creating = False
    permission_rule = staticmethod(can_edit_priority_area)

    @cached_property
    def part(self) -> Objective | Indicator | None:
        if self.creating:
            return None
        return get_object_or_404(
            scope(self.part_model.objects, self.request.user).select_related(
                "priority_area__framework"
            ),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def priority_area(self) -> PriorityArea:
        if self.part is not None:
            return self.part.priority_area
        return get_object_or_404(
            scope(PriorityArea.objects, self.request.user).select_related("framework"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> PriorityArea:
        return self.priority_area

    def get_permission_denied_message(self) -> str:
        return f"Only the priority's lead commissioners change its {self.noun}s."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.part
        kwargs["priority_area"] = self.priority_area
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(priority_area=self.priority_area, part=self.part, noun=self.noun)
        return context

    def get_success_message(self) -> str:
        verb = "added" if self.creating else "saved"
        return f"{self.noun.capitalize()} {verb}."

    def get_success_url(self) -> str:
        return f"{self.priority_area.get_absolute_url()}#{self.anchor}"

    def get_conflict_noun(self, current) -> str:
        return self.noun


class ObjectiveFormView(PriorityAreaPartFormView):
    form_class = ObjectiveForm
    part_model = Objective
    noun = "objective"
    anchor = "objectives"


class ObjectiveCreateView(ObjectiveFormView):
    """Add an objective to a priority."""

    creating = True

    def perform(self, form) -> None:
        services.objective_create(priority_area=self.priority_area, **form.model_data())


class ObjectiveUpdateView(ObjectiveFormView):
    """Reword or reorder an objective."""

    def perform(self, form) -> None:
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

    def perform(self, form) -> None:
        services.indicator_create(priority_area=self.priority_area, data=form.model_data())


class IndicatorUpdateView(IndicatorFormView):
    """Change an indicator."""

    def perform(self, form) -> None:
        services.indicator_update(
            indicator=self.part,
            data=form.model_data(),
            expected_version=required_version(form),
        )
