"""The action list's bulk change: one change (owner, status or due date) to several actions."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.http import QueryDict
from django.urls import reverse

from core.date_input import DateField
from core.partnerships import current_partnership, scope
from core.personal_data import PersonalDataFormMixin
from core.roles import can_edit_action
from priorities import selectors
from priorities.forms import long_date, owner_choices, user_label
from priorities.models import Action

REFUSED = (
    "You may not change {titles}: only an action's owner, its priority's lead commissioners "
    "and administrators change it."
)


def titles(actions) -> str:
    return ", ".join(f"“{action.title}”" for action in actions)


def refused_actions(user, actions) -> list[Action]:
    """The actions of `actions` that `user` may not edit (core.roles.can_edit_action)."""
    return [action for action in actions if not can_edit_action(user, action)]


class ActionBulkChangeForm(PersonalDataFormMixin, forms.Form):
    """Choose one change for the chosen actions; `versions` (set on the confirmation page) is
    each action's version as confirmed, "id:version" joined by commas."""

    class Change:
        OWNER = "owner"
        STATUS = "status"
        DUE_DATE = "due_date"
        CHOICES = [(OWNER, "Owner"), (STATUS, "Status"), (DUE_DATE, "Due date")]

    actions = forms.ModelMultipleChoiceField(
        queryset=Action.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": "Choose the actions to change: tick them on the action list.",
            "invalid_choice": "One of the chosen actions no longer exists: choose them again.",
            "invalid_pk_value": "One of the chosen actions no longer exists: choose them again.",
        },
    )
    change = forms.ChoiceField(
        label="What to change",
        choices=Change.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what to change."},
    )
    owner = forms.ModelChoiceField(
        label="New owner", queryset=owner_choices(), required=False, empty_label="(choose)"
    )
    status = forms.ChoiceField(
        label="New status", choices=[("", "(choose)"), *Action.Status.choices], required=False
    )
    cancellation_reason = forms.CharField(
        label="Why cancelled",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when the actions are cancelled.",
    )
    due_date = DateField(label="New due date", required=False)
    versions = forms.CharField(widget=forms.HiddenInput, required=False)
    # The action list's filters, to go back to the same list once the change is applied.
    return_query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["actions"].queryset = scope(selectors.action_list(with_leads=True), user)
        partnership = current_partnership(user)
        self.fields["owner"].queryset = owner_choices(
            partnership_id=partnership.pk if partnership else -1
        )
        self.fields["owner"].label_from_instance = user_label
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.add_input(Submit("review", "Review the change"))

    def clean_actions(self):
        actions = list(self.cleaned_data["actions"])
        refused = refused_actions(self.user, actions)
        if refused:
            raise forms.ValidationError(REFUSED.format(titles=titles(refused)))
        return actions

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        change = cleaned.get("change")
        if change == self.Change.OWNER and not cleaned.get("owner"):
            self.add_error("owner", "Choose the new owner.")
        elif change == self.Change.STATUS:
            status = cleaned.get("status")
            if not status:
                self.add_error("status", "Choose the new status.")
            elif status == Action.Status.CANCELLED and not cleaned.get("cancellation_reason"):
                self.add_error("cancellation_reason", "Give the reason the actions are cancelled.")
        elif change == self.Change.DUE_DATE:
            self._check_due_date(cleaned.get("due_date"), cleaned.get("actions") or [])
        return cleaned

    def _check_due_date(self, due: datetime.date | None, actions: list[Action]) -> None:
        if due is None:
            if "due_date" not in self.errors:
                self.add_error("due_date", "Give the new due date.")
            return
        too_early = [action for action in actions if action.start_date > due]
        if too_early:
            self.add_error(
                "due_date",
                f"{long_date(due)} is before the start date of {titles(too_early)}: choose a "
                "later date, or leave those actions out.",
            )

    def changes(self) -> dict[str, Any]:
        """The change as the service takes it."""
        change = self.cleaned_data["change"]
        data = {change: self.cleaned_data[change]}
        if data.get("status") == Action.Status.CANCELLED:
            data["cancellation_reason"] = self.cleaned_data["cancellation_reason"].strip()
        return data

    def change_label(self) -> str:
        """What changes: "Owner", "Status", "Due date"."""
        return dict(self.Change.CHOICES)[self.cleaned_data["change"]]

    def new_value(self) -> str:
        """The value every chosen action will hold: "Bob Jones", "Complete", "1 June 2027"."""
        change = self.cleaned_data["change"]
        value = self.cleaned_data[change]
        if change == self.Change.OWNER:
            return user_label(value)
        if change == self.Change.STATUS:
            return Action.Status(value).label
        return long_date(value)

    def summary(self) -> str:
        """The change in words: "Owner: Bob Jones"."""
        return f"{self.change_label()}: {self.new_value()}"

    def current_value(self, action: Action) -> str:
        """What the chosen field of `action` holds now."""
        change = self.cleaned_data["change"]
        if change == self.Change.OWNER:
            return user_label(action.owner)
        if change == self.Change.STATUS:
            return action.get_status_display()
        return long_date(action.due_date)

    def return_url(self) -> str:
        """The action list with the filters it had when the actions were ticked."""
        url = reverse("priorities:action_list")
        query = QueryDict(self.cleaned_data.get("return_query") or "").urlencode()
        return f"{url}?{query}" if query else url

    def hidden_values(self) -> list[tuple[str, str]]:
        """(name, value) of every value the form was sent, for the confirmation page to send
        back as plain hidden inputs (a field's `as_hidden` would keep its help text's
        aria-describedby, which a hidden input must not have)."""
        values = []
        for name, field in self.fields.items():
            if isinstance(field, DateField):
                # Typed in three boxes: sent back as one value, which the field also reads.
                day = getattr(self, "cleaned_data", {}).get(name)
                values += [(name, day.isoformat())] if day else []
                continue
            values += [(name, value) for value in self.data.getlist(self.add_prefix(name))]
        return values

    def confirmed_versions(self) -> dict[int, int] | None:
        """{action id: version} from the confirmation page, or None if it is missing or does
        not name exactly the chosen actions."""
        versions = {}
        for pair in (self.cleaned_data.get("versions") or "").split(","):
            pk, _, version = pair.partition(":")
            if not (pk.isdigit() and version.isdigit()):
                return None
            versions[int(pk)] = int(version)
        if set(versions) != {action.pk for action in self.cleaned_data["actions"]}:
            return None
        return versions


def versions_of(actions) -> str:
    return ",".join(f"{action.pk}:{action.version}" for action in actions)
