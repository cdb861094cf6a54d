"""The action list's bulk change: choose a change, confirm it, apply it to every action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views import View

from core.partnerships import scope
from core.roles import EditorRequiredMixin
from priorities import selectors, services
from priorities.bulk_forms import (
    REFUSED,
    ActionBulkChangeForm,
    refused_actions,
    titles,
    versions_of,
)

TEMPLATE = "priorities/action_bulk_change.html"


class ActionBulkChangeView(EditorRequiredMixin, View):
    """Change the owner, status or due date of several actions at once, all or nothing.

    GET ?actions=… (the action list's ticked rows): choose the change. POST: the confirmation
    page naming the actions and the change; POST with `confirm`: apply it through
    `services.actions_bulk_change` and go back to the list.
    """

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("actions") if pk.isdigit()]
        chosen = list(selectors.action_list(with_leads=True).filter(pk__in=ids))
        refused = refused_actions(request.user, chosen)
        if refused:
            messages.error(request, REFUSED.format(titles=titles(refused)) + " They are left out.")
        allowed = [action for action in chosen if action not in refused]
        initial = {"actions": allowed, "return_query": request.GET.get("return_query", "")}
        form = ActionBulkChangeForm(user=request.user, initial=initial)
        return self.page(form, step="choose", actions=allowed)

    def post(self, request):
        form = ActionBulkChangeForm(request.POST, user=request.user)
        if not form.is_valid():
            actions = form.cleaned_data.get("actions") or []
            return self.page(form, step="choose", actions=actions, status=400)
        actions = form.cleaned_data["actions"]
        if "back" in request.POST:
            return self.page(form, step="choose", actions=actions)
        if "confirm" not in request.POST:
            return self.confirmation(form)
        versions = form.confirmed_versions()
        if versions is None:
            messages.warning(request, "This page was out of date: check the change and confirm.")
            return self.confirmation(form, status=409)
        try:
            changed = services.actions_bulk_change(versions=versions, data=form.changes())
        except services.ActionEditConflict as conflict:
            messages.warning(
                request,
                f"Not changed: someone else changed “{conflict.current.title}” while you were "
                "confirming, so no action was changed. Check the actions as they are now and "
                "confirm again.",
            )
            return self.confirmation(form, status=409)
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form, step="choose", actions=actions, status=400)
        count = len(changed)
        messages.success(
            request,
            f"{form.summary()}, for {count} action{'s' if count != 1 else ''}: {titles(changed)}.",
        )
        return HttpResponseRedirect(form.return_url())

    def confirmation(self, form: ActionBulkChangeForm, *, status: int = 200):
        """The confirmation page: the chosen actions as they are now, and the versions seen."""
        pks = [action.pk for action in form.cleaned_data["actions"]]
        actions = list(scope(selectors.action_list(), self.request.user).filter(pk__in=pks))
        data = self.request.POST.copy()
        data["versions"] = versions_of(actions)
        data.pop("confirm", None)
        confirmed = ActionBulkChangeForm(data, user=self.request.user)
        confirmed.is_valid()
        rows = [(action, confirmed.current_value(action)) for action in actions]
        return self.page(confirmed, step="confirm", actions=actions, rows=rows, status=status)

    def page(self, form, *, step: str, actions, status: int = 200, **extra):
        context = {"form": form, "step": step, "actions": actions, **extra}
        return render(self.request, TEMPLATE, context, status=status)
