"""Pages of contract performance (KPIs, their values, performance assessments) and the
pipeline's spreadsheet exports."""

from functools import cached_property

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from django.views.generic import FormView

from commissioning import selectors, services
from commissioning.filters import PipelineFilter
from commissioning.forms import KpiForm, KpiValueForm, PerformanceAssessmentForm
from commissioning.models import Contract, KeyPerformanceIndicator, KpiValue
from commissioning.resources import PipelineResource
from commissioning.views import filtered_rows
from core.edit_conflicts import EditConflictViewMixin, required_version
from core.roles import EditorRequiredMixin, RoleRequiredMixin, can_edit_contract
from core.service_forms import ServiceFormMixin

EDITORS_ONLY = "Only the lead commissioners of the contract's priority and administrators do this."


class ContractEditorMixin(EditorRequiredMixin):
    """Pages that record something on a contract: can_edit_contract."""

    permission_rule = staticmethod(can_edit_contract)
    permission_denied_message = EDITORS_ONLY

    @cached_property
    def contract(self) -> Contract:
        return get_object_or_404(
            selectors.contract_for_edit(self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Contract:
        return self.contract

    def get_context_data(self, **kwargs):
        return super().get_context_data(contract=self.contract, **kwargs)


class KpiCreateView(ContractEditorMixin, ServiceFormMixin, FormView):
    form_class = KpiForm
    template_name = "commissioning/kpi_form.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": KeyPerformanceIndicator(contract=self.contract),
        }

    def perform(self, form):
        return services.kpi_add(contract=self.contract, data=form.model_data())

    def get_success_message(self) -> str:
        return f"KPI “{self.saved.name}” added."


class KpiEditorMixin(ContractEditorMixin):
    """Pages of one KPI: whoever may edit its contract."""

    @cached_property
    def kpi(self) -> KeyPerformanceIndicator:
        kpis = KeyPerformanceIndicator.objects.filter(
            contract__in=selectors.visible_contracts(self.request.user).values("pk")
        )
        return get_object_or_404(kpis.select_related("contract"), pk=self.kwargs["pk"])

    @cached_property
    def contract(self) -> Contract:
        return get_object_or_404(
            selectors.contract_for_edit(self.request.user), pk=self.kpi.contract_id
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(kpi=self.kpi, **kwargs)


class KpiUpdateView(EditConflictViewMixin, KpiEditorMixin, ServiceFormMixin, FormView):
    form_class = KpiForm
    template_name = "commissioning/kpi_form.html"
    conflict_noun = "KPI"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.kpi}

    def perform(self, form):
        return services.kpi_update(
            kpi=self.kpi, data=form.model_data(), expected_version=required_version(form)
        )

    def get_success_message(self) -> str:
        return f"KPI “{self.saved.name}” saved."


class KpiValueCreateView(KpiEditorMixin, ServiceFormMixin, FormView):
    form_class = KpiValueForm
    template_name = "commissioning/kpi_value_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": KpiValue(kpi=self.kpi)}

    def perform(self, form):
        return services.kpi_value_add(
            kpi=self.kpi, data=form.cleaned_data, recorded_by=self.request.user
        )

    def get_success_message(self) -> str:
        met = "on target" if self.saved.meets_target else "not on target"
        return f"Value recorded for “{self.kpi.name}”: {met}."

    def get_success_url(self) -> str:
        return self.kpi.get_absolute_url()


class PerformanceAssessmentCreateView(ContractEditorMixin, ServiceFormMixin, FormView):
    form_class = PerformanceAssessmentForm
    template_name = "commissioning/assessment_form.html"
    success_message = "Performance assessment recorded."

    def get_initial(self):
        return {"date": timezone.localdate()}

    def perform(self, form):
        return services.performance_assessment_add(
            contract=self.contract, data=form.cleaned_data, assessed_by=self.request.user
        )


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


class PipelineExportView(RoleRequiredMixin, View):
    """The pipeline, filtered as on screen, as XLSX or CSV."""

    fmt = "xlsx"

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = PipelineFilter(
            request.GET or None,
            queryset=selectors.pipeline_contracts(request.user),
            request=request,
        )
        contracts = filtered_rows(filterset)
        entries = selectors.pipeline(contracts).entries
        dataset = PipelineResource().export(entries)
        stamp = timezone.localdate().isoformat()
        if self.fmt == "xlsx":
            content, content_type = dataset.export("xlsx"), XLSX_TYPE
        else:
            content, content_type = dataset.export("csv"), CSV_TYPE
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="pipeline-{stamp}.{self.fmt}"'
        return response
