"""Forms of the governance app, each with a crispy FormHelper."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.partnerships import current_partnership, scope
from core.personal_data import PersonalDataFormMixin
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


BOARD_PAGE_FIELDS = [
    "name",
    "kind",
    "reports_to",
    "purpose",
    "meeting_frequency",
    "quorum_number",
    "quorum_share",
    "quorum_organisations",
    "is_active",
]


def person_label(user) -> str:
    return user.get_full_name() or user.get_username()


class BoardPageForm(HelperMixin, forms.ModelForm):
    """Add or change a board on the product's pages: its partnership is the one the user works
    in, and a reporting line that makes a loop is refused beside the field (Board.clean)."""

    submit_label = "Save board"

    class Meta:
        model = Board
        fields = BOARD_PAGE_FIELDS
        labels = {"reports_to": "Reports to", "meeting_frequency": "How often it meets"}
        help_texts = {
            "reports_to": (
                "Leave empty for a body at the top of the structure. A body cannot report to "
                "itself or to a body below it."
            ),
            "meeting_frequency": "For example Quarterly, Termly or Six times a year.",
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "quorum_organisations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The partnership's own partner organisations may be needed for its quorum.
        self.fields["quorum_organisations"].queryset = Organisation.objects.filter(
            partnerships=current_partnership(user)
        ).order_by("name")
        boards = scope(Board.objects.all(), user).order_by("name")
        if self.instance.pk:
            boards = boards.exclude(pk=self.instance.pk)
        self.fields["reports_to"].queryset = boards


class BoardPageEditForm(EditConflictFormMixin, BoardPageForm):
    """Change a board; `version` and `snapshot` detect an edit made meanwhile."""


MEMBERSHIP_PAGE_FIELDS = [
    "person_name",
    "user",
    "role",
    "organisation",
    "start_date",
    "end_date",
]


def partnership_people(user, keep_pk: int | None = None):
    """The people who use the product in the user's current partnership (and `keep_pk`, so a
    membership keeps its account after its holder left the partnership)."""
    members = Q(partnership_memberships__partnership=current_partnership(user))
    return (
        get_user_model()
        .objects.filter(members | Q(pk=keep_pk))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class MembershipPageForm(HelperMixin, forms.ModelForm):
    """Give someone a seat on a board: a user of the product, or a person named as the papers
    name them (or both); the seat, the organisation they represent and their dates."""

    submit_label = "Save membership"

    class Meta:
        model = Membership
        formfield_callback = date_formfield
        fields = MEMBERSHIP_PAGE_FIELDS
        labels = {"person_name": "Name or job title", "user": "Account", "role": "Seat"}
        help_texts = {
            "person_name": "As the board's papers show it. Leave empty to use the account's name.",
            "user": (
                "If they use this product. A commissioner in the Secretary or clerk seat keeps "
                "the board's members and records; a chair or vice-chair keeps its records."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_name"].required = False
        self.fields["user"].queryset = partnership_people(user, self.instance.user_id)
        self.fields["user"].label_from_instance = person_label
        keep = Q(pk=self.instance.organisation_id) if self.instance.organisation_id else Q()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(pk__in=scope(Organisation.objects.all(), user).values("pk")) | keep
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        name, account = (cleaned.get("person_name") or "").strip(), cleaned.get("user")
        if not name and account is None and "user" not in self.errors:
            self.add_error(
                "person_name", "Enter the person's name or job title, or choose their account."
            )
        elif not name and account is not None:
            cleaned["person_name"] = person_label(account)
        return cleaned


class MembershipPageEditForm(EditConflictFormMixin, MembershipPageForm):
    """Change a membership; `version` and `snapshot` detect an edit made meanwhile."""


class MembershipEndForm(EditConflictFormMixin, HelperMixin, forms.ModelForm):
    """End a membership on a date: it then shows among the board's past members."""

    submit_label = "End membership"

    class Meta:
        model = Membership
        formfield_callback = date_formfield
        fields = ["end_date"]
        labels = {"end_date": "Last day of the membership"}
        help_texts = {"end_date": "The membership counts as current up to and including it."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].required = True

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        start = self.instance.start_date
        if end is not None and start is not None and end < start:
            raise forms.ValidationError(
                f"The membership started on {start:%-d %B %Y}: end it on that day or later."
            )
        return end


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
