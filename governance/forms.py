"""Forms of the governance app, each with a crispy FormHelper."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.personal_data import PersonalDataFormMixin
from governance.models import AgendaItem, Board, Decision, Meeting, Membership

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class HelperMixin(PersonalDataFormMixin):
    """A Bootstrap 5 layout with one submit button; the view's template supplies the <form>.
    Its free text is checked for anything that could identify a child."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No layout: crispy renders every field, including ones subclasses add after this.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's <form> has its token
        self.helper.add_input(Submit("save", self.submit_label))


class BoardForm(HelperMixin, forms.ModelForm):
    """Used by the admin: the model's clean() refuses a reporting line that makes a cycle."""

    class Meta:
        model = Board
        fields = [
            "name",
            "partnership",
            "kind",
            "reports_to",
            "purpose",
            "meeting_frequency",
            "is_active",
            "quorum_number",
            "quorum_share",
            "quorum_organisations",
        ]


class MembershipForm(HelperMixin, forms.ModelForm):
    """Used by the admin: the model's clean() refuses end-before-start and overlapping seats."""

    class Meta:
        model = Membership
        fields = [
            "board",
            "person_name",
            "user",
            "role",
            "organisation",
            "start_date",
            "end_date",
        ]


class MeetingForm(HelperMixin, forms.ModelForm):
    submit_label = "Save meeting"

    class Meta:
        model = Meeting
        fields = ["starts_at", "location", "status", "minutes"]
        widgets = {"starts_at": DATETIME_WIDGET, "minutes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"starts_at": "For example 14/03/2027 14:00."}


class MeetingEditForm(EditConflictFormMixin, MeetingForm):
    """Change a meeting; `version` and `snapshot` detect an edit made meanwhile."""


class AgendaItemForm(HelperMixin, forms.ModelForm):
    submit_label = "Save agenda item"

    paper_url = forms.URLField(
        label="Paper link", required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = AgendaItem
        fields = ["order", "title", "presenter", "paper_url"]
        labels = {"order": "Item number"}
        help_texts = {"order": "Leave empty to add the item at the end of the agenda."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["order"].required = False
            self.initial.pop("order", None)

    def clean_order(self) -> int | None:
        order = self.cleaned_data["order"]
        if order is not None and order < 1:
            raise forms.ValidationError("Number agenda items from 1.")
        return order


class AgendaItemEditForm(EditConflictFormMixin, AgendaItemForm):
    """Change an agenda item; `version` and `snapshot` detect an edit made meanwhile."""


class DecisionForm(HelperMixin, forms.ModelForm):
    submit_label = "Save decision"

    class Meta:
        model = Decision
        formfield_callback = date_formfield
        fields = ["text", "agenda_item", "owner", "due_date", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            meeting_id=self.instance.meeting_id
        )


class DecisionEditForm(EditConflictFormMixin, DecisionForm):
    """Change a decision; `version` and `snapshot` detect an edit made meanwhile."""
