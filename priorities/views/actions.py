"""Action list, My actions, the action page with its progress, and action forms."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView
from django_filters.views import FilterView

from core.edit_conflicts import EditConflictViewMixin, required_version
from core.pagination import ForgivingPaginationMixin
from core.partnerships import scope
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_edit_action,
    is_editor,
    require_rule,
)
from core.service_forms import ServiceFormMixin
from priorities import selectors, services
from priorities.filters import ActionFilter
from priorities.forms import (
    ActionForm,
    ProgressUpdateForm,
)
from priorities.models import Action, PriorityArea
from priorities.views.mixins import PriorityAreaEditorMixin, adding_another

PAGE_SIZE = 25


class ActionListView(RoleRequiredMixin, ForgivingPaginationMixin, FilterView):
    """All actions, filtered, sorted and paginated."""

    template_name = "priorities/action_list.html"
    filterset_class = ActionFilter
    context_object_name = "actions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        # Editors get a checkbox on each row they may edit: its rule reads the priority's leads.
        user = self.request.user
        return scope(selectors.action_rows(with_leads=is_editor(user)), user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["editable_ids"] = (
            {action.pk for action in context["actions"] if can_edit_action(user, action)}
            if is_editor(user)
            else set()
        )
        return context


class MyActionsView(RoleRequiredMixin, ForgivingPaginationMixin, ListView):
    """The signed-in user's actions, overdue first."""

    template_name = "priorities/my_actions.html"
    context_object_name = "actions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return scope(selectors.my_actions(user=self.request.user), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = scope(Action.objects, self.request.user).filter(owner=self.request.user)
        context["overdue_count"] = mine.overdue().count()
        return context


class ActionDetailView(RoleRequiredMixin, DetailView):
    """An action with its progress timeline and, for its editors, the "log progress" form."""

    template_name = "priorities/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return scope(selectors.action_detail(), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_action(self.request.user, self.object)
        context["timeline"] = selectors.action_timeline(action=self.object)
        latest = next(iter(self.object.progress_updates.all()), None)
        context["latest_update_pk"] = latest.pk if latest else None
        if context["can_edit"] and "progress_form" not in context:
            context["progress_form"] = ProgressUpdateForm(action=self.object)
        return context


class ProgressCreateView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Log progress on an action (POST from the action page)."""

    http_method_names = ["post"]
    form_class = ProgressUpdateForm
    success_message = "Progress logged."

    @cached_property
    def action(self) -> Action:
        return get_object_or_404(
            scope(selectors.action_detail(), self.request.user), pk=self.kwargs["pk"]
        )

    def post(self, request, *args, **kwargs):
        # Asked here, not of the page: a GET is refused as the wrong method (405) first.
        require_rule(
            request.user,
            can_edit_action,
            self.action,
            message="Only the action's owner or its priority's leads log progress.",
        )
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    def perform(self, form):
        return services.progress_update_add(
            action=self.action,
            author=self.request.user,
            rag=form.cleaned_data["rag"],
            percent_complete=form.cleaned_data["percent_complete"],
            narrative=form.cleaned_data["narrative"],
            date=form.cleaned_data["date"],
            rag_override_reason=form.cleaned_data["rag_override_reason"],
            status=form.cleaned_data["status"] or None,
            cancellation_reason=form.cleaned_data["cancellation_reason"],
            expected_version=required_version(form),
        )

    def get_success_message(self) -> str:
        if self.action.status in Action.CLOSED_STATUSES:
            return f"Progress logged; the action is now {self.action.get_status_display().lower()}."
        return self.success_message

    def get_success_url(self) -> str:
        return f"{self.action.get_absolute_url()}#timeline"

    def service_refused(self, form, error):
        """A status change over one made meanwhile: the page again, the input kept, 409."""
        if not isinstance(error, services.ActionEditConflict):
            return super().service_refused(form, error)
        current = error.current
        data = self.request.POST.copy()
        data["version"] = current.version
        kept = ProgressUpdateForm(data=data, action=current)
        kept.is_valid()
        messages.warning(
            self.request,
            "Not saved: someone else changed this action while you were writing "
            f"(its status is now {current.get_status_display()}). Your update is still in "
            "the form; check it, then log it again to keep your status.",
        )
        return self._action_page(kept, status=409)

    def form_invalid(self, form):
        """The action page again, with the form and its errors where it was."""
        messages.error(self.request, "The update was not saved: correct the form below.")
        return self._action_page(form, status=400)

    def _action_page(self, form, *, status: int):
        action = get_object_or_404(selectors.action_detail(), pk=self.kwargs["pk"])
        view = ActionDetailView(request=self.request, kwargs=self.kwargs, object=action)
        context = view.get_context_data(object=action, progress_form=form)
        return render(self.request, ActionDetailView.template_name, context, status=status)


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


class ActionCreateView(PriorityAreaEditorMixin, ActionFormMixin, ServiceFormMixin, FormView):
    """Add an action to a priority's plan: its leads and administrators."""

    def get_initial(self):
        return {"owner": self.request.user, "start_date": timezone.localdate()}

    def perform(self, form):
        return services.action_create(priority_area=self.priority_area, data=form.model_data())

    def get_success_message(self) -> str:
        if adding_another(self.request):
            return f"Action “{self.saved.title}” added. Add the next one below."
        return f"Action “{self.saved.title}” added."

    def get_success_url(self) -> str:
        # "Save and add another": the empty form again, for the same priority.
        if adding_another(self.request):
            return self.request.path
        return super().get_success_url()


class ActionUpdateView(EditConflictViewMixin, ActionFormMixin, ServiceFormMixin, FormView):
    """Edit an action; a save based on a stale copy is refused and shows what changed."""

    permission_rule = staticmethod(can_edit_action)
    permission_denied_message = "Only the action's owner or its priority's leads edit it."

    @cached_property
    def action(self) -> Action:
        return get_object_or_404(
            scope(selectors.action_detail(), self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def priority_area(self) -> PriorityArea:
        return self.action.priority_area

    def get_permission_object(self) -> Action:
        return self.action

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.action
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action"] = self.action
        return context

    def perform(self, form):
        return services.action_update(
            action=self.action,
            data=form.model_data(),
            expected_version=required_version(form),
        )

    def get_success_message(self) -> str:
        return f"Action “{self.saved.title}” saved."
