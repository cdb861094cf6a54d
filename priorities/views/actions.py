"""Action list, My actions, the action page with its progress, and action forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, FormView, ListView
from django_filters.views import FilterView

from core.edit_conflicts import EditConflictViewMixin, required_version
from core.pagination import ForgivingPaginationMixin
from core.roles import EditorRequiredMixin, RoleRequiredMixin, can_edit_action
from priorities import selectors, services
from priorities.filters import ActionFilter
from priorities.forms import (
    ActionForm,
    ProgressUpdateForm,
)
from priorities.models import Action, PriorityArea
from priorities.views.mixins import PriorityAreaEditorMixin

PAGE_SIZE = 25


class ActionListView(RoleRequiredMixin, ForgivingPaginationMixin, FilterView):
    """All actions, filtered, sorted and paginated."""

    template_name = "priorities/action_list.html"
    filterset_class = ActionFilter
    context_object_name = "actions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.action_list()


class MyActionsView(RoleRequiredMixin, ForgivingPaginationMixin, ListView):
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
            context["progress_form"] = ProgressUpdateForm(action=self.object)
        return context


class ProgressCreateView(EditorRequiredMixin, View):
    """Log progress on an action (POST from the action page)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = get_object_or_404(selectors.action_detail(), pk=pk)
        if not can_edit_action(request.user, action):
            raise PermissionDenied("Only the action's owner or its priority's leads log progress.")
        form = ProgressUpdateForm(request.POST, action=action)
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


class ActionUpdateView(EditConflictViewMixin, ActionFormMixin, FormView):
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
        try:
            action = services.action_update(
                action=self.action,
                data=form.model_data(),
                expected_version=required_version(form),
            )
        except services.ActionEditConflict as conflict:
            return self.conflict(form, conflict.current)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Action “{action.title}” saved.")
        return HttpResponseRedirect(action.get_absolute_url())
