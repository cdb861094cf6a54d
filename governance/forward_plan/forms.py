"""The form of a forward plan entry."""

from django import forms
from django.db.models import Q

from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from governance.forms import HelperMixin, people_of_partnership
from governance.forward_plan.models import ForwardPlanEntry
from governance.models import Board


class ForwardPlanEntryForm(HelperMixin, forms.ModelForm):
    """A key decision of a board's plan; a private one says why."""

    submit_label = "Save entry"

    class Meta:
        model = ForwardPlanEntry
        formfield_callback = date_formfield
        fields = [
            "title",
            "description",
            "expected_meeting",
            "expected_month",
            "lead",
            "reports",
            "access",
            "private_reason",
            "consultation",
            "published_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "reports": forms.Textarea(attrs={"rows": 2}),
            "private_reason": forms.Textarea(attrs={"rows": 2}),
            "consultation": forms.Textarea(attrs={"rows": 2}),
            "access": forms.RadioSelect,
        }

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = board.meetings.exclude(status="cancelled")
        if self.instance.expected_meeting_id:
            meetings = board.meetings.filter(
                Q(pk=self.instance.expected_meeting_id) | Q(pk__in=meetings)
            )
        self.fields["expected_meeting"].queryset = meetings.order_by("-starts_at")
        self.fields["expected_meeting"].empty_label = "(not scheduled yet: give a month)"
        self.fields["lead"].queryset = people_of_partnership(
            partnership_id=board.partnership_id, keep_pk=self.instance.lead_id
        )
        self.fields["lead"].label_from_instance = lambda u: u.get_full_name() or u.username

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Say what is to be decided.")
        return title

    def clean(self):
        cleaned = super().clean()
        when = ("expected_meeting", "expected_month")
        if not any(cleaned.get(name) for name in when) and not any(n in self.errors for n in when):
            self.add_error(
                "expected_meeting", "Choose the meeting expected to decide, or give a month."
            )
        reason = (cleaned.get("private_reason") or "").strip()
        if cleaned.get("access") == ForwardPlanEntry.Access.PRIVATE and not reason:
            self.add_error("private_reason", "Say why the decision is taken in private.")
        return cleaned

    def model_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ForwardPlanEntryEditForm(EditConflictFormMixin, ForwardPlanEntryForm):
    """Change an entry; `version` and `snapshot` detect an edit made meanwhile."""
