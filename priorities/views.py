"""Pages of the priorities app: frameworks, priorities, action plans, progress, Excel in and out."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views import View
from django.views.generic import DetailView, FormView, ListView
from django_filters.views import FilterView

from config.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_edit_action,
    can_edit_priority_area,
)
from priorities import selectors, services
from priorities.exports import actions_to_csv, actions_to_xlsx
from priorities.filters import ActionFilter
from priorities.forms import ActionForm, ActionImportForm, ProgressUpdateForm, changes_since
from priorities.imports import ImportFileError, preview_rows, read_table
from priorities.models import Action, Framework, PriorityArea

PAGE_SIZE = 25


class FrameworkListView(RoleRequiredMixin, ListView):
    """Every framework, with its priorities, actions and overdue actions counted."""

    template_name = "priorities/framework_list.html"
    context_object_name = "frameworks"

    def get_queryset(self):
        return selectors.framework_list()


class FrameworkDetailView(RoleRequiredMixin, DetailView):
    """A framework's overview: each priority's RAG mix, overdue count and latest indicators."""

    template_name = "priorities/framework_detail.html"
    context_object_name = "framework"
    queryset = Framework.objects.select_related("owning_board")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority_areas"] = selectors.framework_overview(framework=self.object)
        return context


class PriorityAreaDetailView(RoleRequiredMixin, DetailView):
    """A priority: aim, objectives with their actions, indicators against target and comparator."""

    template_name = "priorities/priority_area_detail.html"
    context_object_name = "priority_area"

    def get_queryset(self):
        return selectors.priority_area_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_priority_area(self.request.user, self.object)
        return context


class ActionListView(RoleRequiredMixin, FilterView):
    """All actions, filtered, sorted and paginated."""

    template_name = "priorities/action_list.html"
    filterset_class = ActionFilter
    context_object_name = "actions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.action_list()


class MyActionsView(RoleRequiredMixin, ListView):
    """The signed-in user's actions, overdue first."""

    template_name = "priorities/my_actions.html"
    context_object_name = "actions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.my_actions(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overdue_count"] = Action.objects.filter(owner=self.request.user).overdue().count()
        return context


class ActionDetailView(RoleRequiredMixin, DetailView):
    """An action with its progress timeline and, for its editors, the "log progress" form."""

    template_name = "priorities/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return selectors.action_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_action(self.request.user, self.object)
        if context["can_edit"] and "progress_form" not in context:
            context["progress_form"] = ProgressUpdateForm()
        return context


class ProgressCreateView(EditorRequiredMixin, View):
    """Log progress on an action (POST from the action page)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = get_object_or_404(selectors.action_detail(), pk=pk)
        if not can_edit_action(request.user, action):
            raise PermissionDenied("Only the action's owner or its priority's leads log progress.")
        form = ProgressUpdateForm(request.POST)
        if form.is_valid():
            try:
                services.progress_update_add(
                    action=action,
                    author=request.user,
                    rag=form.cleaned_data["rag"],
                    percent_complete=form.cleaned_data["percent_complete"],
                    narrative=form.cleaned_data["narrative"],
                    date=form.cleaned_data["date"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Progress logged.")
                return redirect(f"{action.get_absolute_url()}#timeline")
        messages.error(request, "The update was not saved: correct the form below.")
        view = ActionDetailView(request=request, kwargs={"pk": pk}, object=action)
        context = view.get_context_data(object=action, progress_form=form)
        return render(request, ActionDetailView.template_name, context, status=400)


class PriorityAreaEditorMixin(EditorRequiredMixin):
    """Pages that change a priority's plan: its lead commissioners and administrators."""

    def dispatch(self, request, *args, **kwargs):
        self.priority_area = get_object_or_404(
            PriorityArea.objects.select_related("framework"), pk=kwargs["pk"]
        )
        # Anonymous users are sent to sign in by the middleware before they get here.
        if not can_edit_priority_area(request.user, self.priority_area):
            raise PermissionDenied("Only the priority's lead commissioners change its plan.")
        return super().dispatch(request, *args, **kwargs)


class ActionFormMixin(EditorRequiredMixin):
    """Shared by adding and editing an action: the form needs the action's priority area."""

    form_class = ActionForm
    template_name = "priorities/action_form.html"
    priority_area: PriorityArea

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["priority_area"] = self.priority_area
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority_area"] = self.priority_area
        return context


class ActionCreateView(PriorityAreaEditorMixin, ActionFormMixin, FormView):
    """Add an action to a priority's plan: its leads and administrators."""

    def get_initial(self):
        return {"owner": self.request.user, "start_date": timezone.localdate()}

    def form_valid(self, form):
        try:
            action = services.action_create(
                priority_area=self.priority_area, data=form.model_data()
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Action “{action.title}” added.")
        return HttpResponseRedirect(action.get_absolute_url())


class ActionUpdateView(ActionFormMixin, FormView):
    """Edit an action; a save based on a stale copy is refused and shows what changed."""

    def dispatch(self, request, *args, **kwargs):
        self.action = get_object_or_404(selectors.action_detail(), pk=kwargs["pk"])
        self.priority_area = self.action.priority_area
        if not can_edit_action(request.user, self.action):
            raise PermissionDenied("Only the action's owner or its priority's leads edit it.")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.action
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action"] = self.action
        return context

    def form_valid(self, form):
        version = form.cleaned_data.get("version")
        try:
            action = services.action_update(
                action=self.action,
                data=form.model_data(),
                expected_version=-1 if version is None else version,
            )
        except services.ActionEditConflict as conflict:
            return self.conflict(form, conflict.current)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Action “{action.title}” saved.")
        return HttpResponseRedirect(action.get_absolute_url())

    def conflict(self, form: ActionForm, current: Action) -> HttpResponse:
        """Keep the user's input, show what changed, and let a second save knowingly win."""
        snapshot = form.loaded_snapshot()
        changed = changes_since(snapshot, current) if snapshot is not None else []
        data = self.request.POST.copy()
        fresh = ActionForm(instance=current, priority_area=self.priority_area)
        data["version"] = fresh.fields["version"].initial
        data["snapshot"] = fresh.fields["snapshot"].initial
        kept = ActionForm(data, instance=current, priority_area=self.priority_area)
        kept.is_valid()
        messages.warning(
            self.request,
            "Not saved: someone else saved this action while you were editing it. Your "
            "changes are still in the form; check what changed, then save again to keep yours.",
        )
        context = self.get_context_data(form=kept, conflict_changes=changed, conflict=True)
        return self.render_to_response(context, status=409)


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
        priority_area = get_object_or_404(PriorityArea, pk=pk)
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
        filterset = ActionFilter(request.GET, queryset=selectors.action_list())
        actions = filterset.qs if filterset.is_valid() else selectors.action_list().none()
        return _export(actions, fmt=self.fmt, name="actions", sheet_title="Actions")


class ActionImportView(PriorityAreaEditorMixin, View):
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
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if "confirm" in request.POST:
            return self.confirm()
        form = ActionImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form=form, status=400)
        try:
            rows = read_table(form.cleaned_data["file"])
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_page(form=form, status=400)
        preview = preview_rows(priority_area=self.priority_area, rows=rows)
        if preview.is_valid:
            request.session[self.session_key] = rows
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
                priority_area=self.priority_area, rows=[row.cleaned for row in preview.rows]
            )
        except ValidationError as error:
            messages.error(self.request, f"Nothing was imported: {'; '.join(error.messages)}")
            return redirect("priorities:action_import", pk=self.priority_area.pk)
        messages.success(self.request, f"Imported {created} new and {updated} updated actions.")
        return redirect(reverse("priorities:priority_area_detail", args=[self.priority_area.pk]))
