"""Action plans out to XLSX and CSV, and in from them with a preview."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views import View

from core.partnerships import scope
from core.roles import RoleRequiredMixin
from priorities import selectors, services
from priorities.exports import actions_to_csv, actions_to_xlsx
from priorities.filters import ActionFilter
from priorities.forms import (
    ActionImportForm,
)
from priorities.import_files import MAX_ROWS
from priorities.imports import ImportFileError, preview_rows, read_table
from priorities.models import PriorityArea
from priorities.views.mixins import PreviewThenSaveMixin, PriorityAreaEditorMixin


def _download(content: bytes | str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def _export(actions, *, fmt: str, name: str, sheet_title: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        content = actions_to_xlsx(actions, sheet_title=sheet_title)
        return _download(content, f"{name}-{stamp}.xlsx", XLSX_TYPE)
    return _download(actions_to_csv(actions), f"{name}-{stamp}.csv", CSV_TYPE)


class PriorityAreaExportView(RoleRequiredMixin, View):
    """A priority's action plan as XLSX or CSV."""

    fmt = "xlsx"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        priority_area = get_object_or_404(scope(PriorityArea.objects, request.user), pk=pk)
        actions = selectors.priority_area_actions(priority_area=priority_area)
        return _export(
            actions,
            fmt=self.fmt,
            name=f"action-plan-{slugify(priority_area.title)}",
            sheet_title=priority_area.title,
        )


class ActionListExportView(RoleRequiredMixin, View):
    """The action list, filtered as on screen, as XLSX or CSV (every page)."""

    fmt = "xlsx"

    def get(self, request: HttpRequest) -> HttpResponse:
        everything = scope(selectors.action_list(), request.user)
        filterset = ActionFilter(request.GET, queryset=everything, request=request)
        actions = filterset.qs if filterset.is_valid() else everything.none()
        return _export(actions, fmt=self.fmt, name="actions", sheet_title="Actions")


class ActionImportView(PreviewThenSaveMixin, PriorityAreaEditorMixin, View):
    """Import actions into a priority: upload, preview every row, then save all or nothing."""

    template_name = "priorities/action_import.html"

    @property
    def session_key(self) -> str:
        return f"priorities-import-{self.priority_area.pk}"

    def render_page(self, form=None, preview=None, status=200) -> HttpResponse:
        context = {
            "priority_area": self.priority_area,
            "form": form or ActionImportForm(),
            "preview": preview,
            "max_rows": f"{MAX_ROWS:,}",
        }
        return render(self.request, self.template_name, context, status=status)

    def preview(self) -> HttpResponse:
        request = self.request
        form = ActionImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form=form, status=400)
        try:
            table = read_table(form.cleaned_data["file"])
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_page(form=form, status=400)
        preview = preview_rows(priority_area=self.priority_area, rows=table.rows, note=table.note)
        if preview.is_valid and preview.to_save:
            request.session[self.session_key] = table.rows
        else:
            request.session.pop(self.session_key, None)
        return self.render_page(form=form, preview=preview, status=200 if preview.is_valid else 400)

    def confirm(self) -> HttpResponse:
        rows = self.request.session.pop(self.session_key, None)
        if not rows:
            messages.error(self.request, "Nothing to import: upload the file again.")
            return redirect("priorities:action_import", pk=self.priority_area.pk)
        # Check again: the data may have changed since the preview.
        preview = preview_rows(priority_area=self.priority_area, rows=rows)
        if not preview.is_valid:
            return self.render_page(preview=preview, status=400)
        try:
            created, updated = services.actions_import(
                priority_area=self.priority_area,
                rows=[row.for_service() for row in preview.to_save],
            )
        except ValidationError as error:
            messages.error(self.request, f"Nothing was imported: {'; '.join(error.messages)}")
            return redirect("priorities:action_import", pk=self.priority_area.pk)
        unchanged = preview.unchanged_count
        messages.success(
            self.request,
            f"Imported {created} new and {updated} updated actions"
            + (f"; {unchanged} row{pluralize(unchanged)} unchanged." if unchanged else "."),
        )
        return redirect(reverse("priorities:priority_area_detail", args=[self.priority_area.pk]))
