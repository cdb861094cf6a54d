"""The Hear by Right self-assessment form: the seven standards, each with a level, the evidence
and the year's participation records behind it, edited together under one version."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.core import signing
from django.utils.html import escape

from core.edit_conflicts import OUT_OF_DATE_MESSAGE
from core.models import Partnership
from core.personal_data import PersonalDataFormMixin
from participation.hear_by_right_selectors import evidence_records
from participation.hear_by_right_services import ScoreInput
from participation.models import (
    STANDARD_DESCRIPTIONS,
    HearByRightAssessment,
    HearByRightLevel,
    Standard,
)

SNAPSHOT_SALT = "participation.hear-by-right-edit-snapshot"
EVIDENCE_NEEDED = "Say what shows this standard is established or advanced."
# The parts of a standard's score, as the form names its fields (`strategy_level`).
PARTS = ("level", "evidence", "records")


def _field(standard: str, part: str) -> str:
    return f"{standard}_{part}"


def _label(standard: Standard, part: str) -> str:
    return f"{standard.label}: {part}"


def snapshot_values(assessment: HearByRightAssessment) -> dict[str, str]:
    """The assessment's values as comparable strings, by form field name."""
    values = {"status": assessment.status}
    for score in assessment.scores.all():
        values[_field(score.standard, "level")] = str(score.level)
        values[_field(score.standard, "evidence")] = score.evidence
        values[_field(score.standard, "records")] = ",".join(
            str(pk) for pk in sorted(record.pk for record in score.records.all())
        )
    return values


def shown_values(assessment: HearByRightAssessment) -> dict[str, tuple[str, str]]:
    """(label, value as a person reads it) of each of the assessment's values."""
    shown = {"status": ("Status", assessment.get_status_display())}
    for score in assessment.scores.all():
        standard = Standard(score.standard)
        shown[_field(standard, "level")] = (_label(standard, "level"), score.get_level_display())
        shown[_field(standard, "evidence")] = (_label(standard, "evidence"), score.evidence)
        shown[_field(standard, "records")] = (
            _label(standard, "records"),
            "; ".join(str(record) for record in score.records.all()),
        )
    return shown


class HearByRightForm(PersonalDataFormMixin, forms.Form):
    """Score the seven standards of one year. Evidence is free text, so it is checked for
    anything that could identify a child; `version` and `snapshot` detect a save made meanwhile
    by someone else."""

    status = forms.ChoiceField(
        choices=HearByRightAssessment.Status.choices,
        widget=forms.RadioSelect,
        initial=HearByRightAssessment.Status.DRAFT,
        help_text="Agreed: the partnership has signed the self-assessment off.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    snapshot = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args,
        partnership: Partnership,
        year: int,
        assessment: HearByRightAssessment | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        records = evidence_records(partnership, year)
        for standard in Standard:
            self.fields[_field(standard, "level")] = forms.TypedChoiceField(
                label=f"{standard.label}: level",
                choices=HearByRightLevel.choices,
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[_field(standard, "evidence")] = forms.CharField(
                label=f"{standard.label}: evidence",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="What shows this level: what was done, by whom, and what changed.",
            )
            self.fields[_field(standard, "records")] = forms.ModelMultipleChoiceField(
                label=f"{standard.label}: participation records as evidence",
                queryset=records,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        if assessment is not None:
            self.initial.update(snapshot_values(assessment))
            for standard in Standard:
                name = _field(standard, "records")
                pks = self.initial.get(name, "")
                self.initial[name] = [int(pk) for pk in pks.split(",") if pk]
            self.initial["version"] = assessment.version
            self.initial["snapshot"] = self.signed_snapshot(assessment)
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = True
        helper.form_method = "post"
        helper.layout = Layout(
            *(
                Fieldset(
                    standard.label,
                    HTML(
                        f'<p class="form-text hear-by-right-standard">'
                        f"{escape(STANDARD_DESCRIPTIONS[standard])}</p>"
                    ),
                    *(_field(standard, part) for part in PARTS),
                    css_class="hear-by-right-standard-fieldset",
                )
                for standard in Standard
            ),
            "status",
            "version",
            "snapshot",
            Submit("save", "Save the self-assessment"),
        )
        return helper

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self._errors.pop("version", None):
            raise forms.ValidationError(OUT_OF_DATE_MESSAGE)
        for standard in Standard:
            level = cleaned.get(_field(standard, "level"))
            evidence = (cleaned.get(_field(standard, "evidence")) or "").strip()
            if level and level > HearByRightLevel.EMERGING and not evidence:
                self.add_error(_field(standard, "evidence"), EVIDENCE_NEEDED)
        return cleaned

    def scores(self) -> dict[str, ScoreInput]:
        """What the service takes: each standard's level, evidence and records."""
        return {
            standard.value: ScoreInput(
                level=self.cleaned_data[_field(standard, "level")],
                evidence=self.cleaned_data[_field(standard, "evidence")].strip(),
                records=list(self.cleaned_data[_field(standard, "records")]),
            )
            for standard in Standard
        }

    def signed_snapshot(self, assessment: HearByRightAssessment) -> str:
        return signing.dumps(snapshot_values(assessment), salt=SNAPSHOT_SALT)

    def started_from(self) -> dict[str, str] | None:
        """The values the editor started from; None for a new assessment or a bad snapshot."""
        try:
            return signing.loads(self.cleaned_data.get("snapshot") or "", salt=SNAPSHOT_SALT)
        except signing.BadSignature:
            return None

    def changes_since(self, current: HearByRightAssessment) -> list[tuple[str, str]]:
        """(label, current value) of what differs from what the editor started from (all of
        it, when they started a new assessment that someone else created meanwhile)."""
        started = self.started_from() or {}
        now = snapshot_values(current)
        shown = shown_values(current)
        return [
            (shown[name][0], shown[name][1] or "(empty)")
            for name in now
            if started.get(name) != now[name]
        ]
