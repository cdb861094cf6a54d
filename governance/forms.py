"""Forms of the governance app, each with a crispy FormHelper."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.models import PartnershipMembership
from core.personal_data import PersonalDataFormMixin
from governance import subjects
from governance.forward_plan.models import ForwardPlanEntry
from governance.models import AgendaItem, Board, Decision, Meeting, Membership, Organisation

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


def partnership_people(*, partnership_id: int, keep_pk: int | None = None):
    """Everyone with a role in the partnership (and a decision's current owner, kept)."""
    belongs = Q(
        Exists(
            PartnershipMembership.objects.filter(user=OuterRef("pk"), partnership_id=partnership_id)
        )
    )
    if keep_pk is not None:
        belongs |= Q(pk=keep_pk)
    return get_user_model().objects.filter(belongs).order_by("first_name", "last_name", "username")


class DecisionForm(HelperMixin, forms.ModelForm):
    """A decision, its owner (a person or an organisation), what it concerns (chosen among the
    records governance.subjects offers this user) and the forward plan entry it settles."""

    submit_label = "Save decision"

    # A CharField with a list to choose from: clean_concerns checks the choice against what the
    # user may choose now, with its own message.
    concerns = forms.CharField(
        label="What it concerns",
        required=False,
        widget=forms.Select,
        help_text="The priority, action, commissioning activity or contract it is about, if any.",
    )
    forward_plan_entry = forms.ModelChoiceField(
        queryset=ForwardPlanEntry.objects.none(),
        label="Forward plan entry it settles",
        required=False,
        empty_label="(none: not in the forward plan)",
    )

    class Meta:
        model = Decision
        formfield_callback = date_formfield
        fields = ["text", "owner_user", "owner_organisation", "due_date", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"owner_user": "Owner: a person", "owner_organisation": "Or an organisation"}
        help_texts = {
            "owner_user": "Who carries the decision out.",
            "owner_organisation": "When a partner organisation, not one person, carries it out.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        board = self.instance.meeting.board
        self.fields["owner_user"].queryset = partnership_people(
            partnership_id=board.partnership_id, keep_pk=self.instance.owner_user_id
        )
        self.fields["owner_user"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(
            partnerships=board.partnership_id
        )
        self._set_concerns_choices()
        entries = ForwardPlanEntry.objects.filter(board=board).filter(
            Q(decision__isnull=True) | Q(decision=self.instance.pk)
        )
        self.fields["forward_plan_entry"].queryset = entries.order_by("title")
        if self.instance.pk:
            chosen = self.instance.forward_plan_entries.first()
            if chosen is not None:
                self.initial["forward_plan_entry"] = chosen.pk

    def _set_concerns_choices(self) -> None:
        choices = [("", "(nothing in particular)"), *subjects.subject_choices(self.user)]
        current = self.instance.concerns if self.instance.concerns_id else None
        if current is not None:
            value = subjects.subject_value(current)
            offered = {option for _, group in choices[1:] for option, _ in group}
            if value not in offered:  # e.g. a termly report, linked where it was presented
                choices.insert(1, (value, f"{current} (as recorded)"))
            self.initial["concerns"] = value
        self.fields["concerns"].widget.choices = choices
        self._kept_concerns = current

    def clean_concerns(self):
        value = self.cleaned_data["concerns"]
        if not value:
            return None
        current = self._kept_concerns
        if current is not None and value == subjects.subject_value(current):
            return current
        kind_key, _, pk = value.partition(":")
        kind = next((k for k in subjects.kinds() if k.key == kind_key), None)
        found = kind.choices(self.user).filter(pk=pk).first() if kind and pk.isdigit() else None
        if found is None:
            raise forms.ValidationError("Choose one of the records offered.")
        return found

    def clean(self):
        cleaned = super().clean()
        person, organisation = cleaned.get("owner_user"), cleaned.get("owner_organisation")
        # Neither is refused by the model's clean(), which keeps a decision owned by old text.
        if person and organisation:
            self.add_error("owner_organisation", "Choose a person or an organisation, not both.")
        return cleaned

    def model_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def links(self) -> dict:
        """What the service needs beyond the model fields."""
        return {
            "concerns": self.cleaned_data.get("concerns"),
            "forward_plan_entry": self.cleaned_data.get("forward_plan_entry"),
        }


class DecisionEditForm(EditConflictFormMixin, DecisionForm):
    """Change a decision; `version` and `snapshot` detect an edit made meanwhile."""
