"""National figures in from a Fingertips or Explore Education Statistics CSV, with a preview."""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from priorities import services
from priorities.forms import NationalFiguresImportForm
from priorities.import_files import ImportFileError
from priorities.national_files import Source
from priorities.national_imports import NationalPreview, preview_national_file
from priorities.views.mixins import PreviewThenSaveMixin, PriorityAreaEditorMixin


def _to_session(preview: NationalPreview) -> dict:
    return {
        "source": preview.source,
        "unchanged": preview.unchanged_count,
        "figures": [
            {
                "indicator_id": figure.indicator_id,
                "comparator_id": figure.comparator_id,
                "period_label": figure.period_label,
                "period_end": figure.period_end.isoformat(),
                "value": str(figure.value),
                "before": None if figure.before is None else str(figure.before),
            }
            for figure in (value.to_save() for value in preview.to_save)
        ],
    }


def _from_session(figure: dict) -> services.NationalFigure:
    before = figure["before"]
    return services.NationalFigure(
        indicator_id=figure["indicator_id"],
        comparator_id=figure["comparator_id"],
        period_label=figure["period_label"],
        period_end=datetime.date.fromisoformat(figure["period_end"]),
        value=Decimal(figure["value"]),
        before=None if before is None else Decimal(before),
    )


class NationalFiguresImportView(PreviewThenSaveMixin, PriorityAreaEditorMixin, View):
    """Load national figures into a priority's indicators: upload, preview, then save exactly
    what the preview showed, all or nothing."""

    template_name = "priorities/national_import.html"
    permission_denied_message = "Only the priority's lead commissioners load its figures."

    @property
    def session_key(self) -> str:
        return f"priorities-national-import-{self.priority_area.pk}"

    def render_page(self, form=None, preview=None, status=200) -> HttpResponse:
        indicators = self.priority_area.indicators.all()
        context = {
            "priority_area": self.priority_area,
            "partnership": self.priority_area.framework.partnership,
            "indicators": indicators,
            "form": form or NationalFiguresImportForm(),
            "preview": preview,
        }
        return render(self.request, self.template_name, context, status=status)

    def preview(self) -> HttpResponse:
        request = self.request
        request.session.pop(self.session_key, None)
        form = NationalFiguresImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form=form, status=400)
        try:
            preview = preview_national_file(
                priority_area=self.priority_area,
                upload=form.cleaned_data["file"],
                source=form.cleaned_data["source"],
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_page(form=form, status=400)
        if preview.is_valid and preview.to_save:
            request.session[self.session_key] = _to_session(preview)
        return self.render_page(form=form, preview=preview, status=200 if preview.is_valid else 400)

    def confirm(self) -> HttpResponse:
        saved = self.request.session.pop(self.session_key, None)
        if not saved:
            messages.error(self.request, "Nothing to save: upload the file again.")
            return redirect("priorities:national_import", pk=self.priority_area.pk)
        source = Source(saved["source"])
        try:
            added, changed = services.national_figures_save(
                priority_area=self.priority_area,
                figures=[_from_session(figure) for figure in saved["figures"]],
                reason=f"Imported from {source.label}",
            )
        except ValidationError as error:
            messages.error(self.request, f"Nothing was saved: {'; '.join(error.messages)}")
            return redirect("priorities:national_import", pk=self.priority_area.pk)
        unchanged = saved["unchanged"]
        messages.success(
            self.request,
            f"Figures from {source.label} saved: {added} added, {changed} changed, "
            f"{unchanged} unchanged.",
        )
        return redirect(self.priority_area.get_absolute_url() + "#indicators")
