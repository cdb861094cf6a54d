"""Forms of attendance, registers of interests and declarations, each with a crispy helper."""

from django import forms
from django.core.exceptions import ValidationError

from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.personal_data import PersonalDataFormMixin
from governance.attendance import AttendanceRow
from governance.attendance_models import Attendance, Declaration, Interest
from governance.forms import HelperMixin
from governance.models import Board, Meeting, Membership, Organisation

NOT_RECORDED = ("", "Not recorded")


def partner_organisations(board: Board):
    """The organisations of the board's partnership, to choose from."""
    return Organisation.objects.filter(partnerships=board.partnership_id).order_by("name")


class AttendanceRowForm(PersonalDataFormMixin, forms.Form):
    """One member's line: their status and, if they sent one, their substitute."""

    status = forms.ChoiceField(choices=[NOT_RECORDED, *Attendance.Status.choices], required=False)
    substitute_name = forms.CharField(label="Substitute", max_length=200, required=False)
    substitute_organisation = forms.ModelChoiceField(
        label="Substitute's organisation", queryset=Organisation.objects.none(), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(
        self, *args, meeting: Meeting, membership: Membership | None, organisations, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.membership = membership
        field = self.fields["substitute_organisation"]
        field.queryset = partner_organisations(meeting.board)
        # Read once for every row of the page, not once per row.
        field.widget.choices = organisations
        for name, css in (
            ("status", "form-select form-select-sm"),
            ("substitute_name", "form-control form-control-sm"),
            ("substitute_organisation", "form-select form-select-sm"),
        ):
            self.fields[name].widget.attrs["class"] = css

    def clean(self):
        cleaned = super().clean()
        if self.membership is None or self.errors:
            return cleaned
        status = cleaned.get("status")
        if not status:
            if self.initial.get("status"):
                raise ValidationError("Choose a status: an attendance recorded stays recorded.")
            return cleaned
        attendance = Attendance(
            meeting=self.meeting,
            membership=self.membership,
            status=status,
            substitute_name=cleaned.get("substitute_name", "").strip(),
            substitute_organisation=cleaned.get("substitute_organisation"),
        )
        try:
            attendance.clean()
        except ValidationError as error:
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        return cleaned

    def row(self) -> AttendanceRow | None:
        """The service's row, or None for a member left "not recorded"."""
        if not self.cleaned_data.get("status"):
            return None
        return AttendanceRow(
            membership=self.membership,
            status=self.cleaned_data["status"],
            substitute_name=self.cleaned_data["substitute_name"].strip(),
            substitute_organisation=self.cleaned_data["substitute_organisation"],
            expected_version=self.cleaned_data.get("version") or 0,
        )


class BaseAttendanceFormSet(forms.BaseFormSet):
    """One row per member current on the meeting's date, in the order the page lists them."""

    def __init__(self, *args, meeting: Meeting, members: list[Membership], recorded: dict, **kw):
        self.meeting = meeting
        self.members = members
        self.organisations = [
            ("", "---------"),
            *((o.pk, o.name) for o in partner_organisations(meeting.board)),
        ]
        initial = []
        for membership in members:
            attendance = recorded.get(membership.pk)
            initial.append(
                {
                    "status": attendance.status,
                    "substitute_name": attendance.substitute_name,
                    "substitute_organisation": attendance.substitute_organisation_id,
                    "version": attendance.version,
                }
                if attendance
                else {"version": 0}
            )
        super().__init__(*args, initial=initial, **kw)

    def get_form_kwargs(self, index):
        membership = (
            self.members[index] if index is not None and index < len(self.members) else None
        )
        return {
            "meeting": self.meeting,
            "membership": membership,
            "organisations": self.organisations,
        }

    def clean(self):
        super().clean()
        if self.total_form_count() != len(self.members):
            raise ValidationError(
                "The board's members changed since this page was opened: reload it and "
                "record the attendance again."
            )

    def rows(self) -> list[AttendanceRow]:
        return [row for form in self.forms if (row := form.row()) is not None]


def attendance_formset(members: list[Membership]) -> type[BaseAttendanceFormSet]:
    count = len(members)
    return forms.formset_factory(
        AttendanceRowForm, formset=BaseAttendanceFormSet, extra=0, max_num=count, absolute_max=count
    )


class InterestForm(HelperMixin, forms.ModelForm):
    submit_label = "Save interest"

    class Meta:
        model = Interest
        formfield_callback = date_formfield
        fields = ["description", "organisation", "organisation_name", "from_date", "to_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        board = self.instance.membership.board
        self.fields["organisation"].queryset = partner_organisations(board)


class InterestEditForm(EditConflictFormMixin, InterestForm):
    """Change a register entry; `version` and `snapshot` detect an edit made meanwhile."""


class DeclarationForm(HelperMixin, forms.ModelForm):
    submit_label = "Save declaration"

    class Meta:
        model = Declaration
        fields = ["membership", "interest", "description", "left_room"]

    def __init__(self, *args, members: list[Membership], **kwargs):
        super().__init__(*args, **kwargs)
        ids = [m.pk for m in members]
        self.fields["membership"].queryset = (
            Membership.objects.filter(pk__in=ids)
            .select_related("organisation")
            .order_by("person_name")
        )
        self.fields["membership"].label_from_instance = lambda m: (
            f"{m.person_name} ({m.organisation.name})"
        )
        self.fields["interest"].queryset = Interest.objects.filter(
            membership_id__in=ids
        ).select_related("membership", "organisation")
        self.fields["interest"].label_from_instance = lambda i: f"{i.membership.person_name}: {i}"
        self.fields["interest"].help_text = "Or leave empty and say what it is below."
