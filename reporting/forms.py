"""Forms of the termly reports: the commissioner's words, presenting, challenges, the pack."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from core.edit_conflicts import EditConflictFormMixin
from core.personal_data import PersonalDataFormMixin
from governance.models import AgendaItem, Board
from priorities.models import RAG
from reporting.assemble import WORD_FIELDS
from reporting.models import ReportComment, Term, TermlyReport


def _helper(submit_label: str, *, action: str = "", method: str = "post") -> FormHelper:
    helper = FormHelper()
    helper.form_method = method
    if action:
        helper.form_action = action
    helper.add_input(Submit("submit", submit_label))
    return helper


class ReportWordsForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """The commissioner's own words; `version` and `snapshot` (core.edit_conflicts) refuse a
    save over someone else's and say what they changed."""

    class Meta:
        model = TermlyReport
        fields = WORD_FIELDS
        widgets = {
            "overall_rag": forms.RadioSelect,
            "highlights": forms.Textarea(attrs={"rows": 5}),
            "risks_and_issues": forms.Textarea(attrs={"rows": 5}),
            "asks_of_board": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "overall_rag": "Your judgement of the priority this term, as a whole.",
            "highlights": "What went well this term: achievements and impact.",
            "risks_and_issues": "What could stop the priority succeeding, and what you are doing.",
            "asks_of_board": "Decisions or help you need from the board, if any.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overall_rag"].choices = RAG.choices
        self.fields["overall_rag"].required = False
        self.helper = _helper("Save the report's words")


class PresentForm(PersonalDataFormMixin, forms.Form):
    """The meeting and agenda item where a report was presented, and any decision on it."""

    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        label="Meeting and agenda item",
        help_text="Meetings of the board that owns the framework, or of the priority's lead board.",
    )
    decision_text = forms.CharField(
        label="Decision taken on the report (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision_owner = forms.CharField(
        label="Who carries the decision out",
        required=False,
        max_length=200,
        help_text="A name or job title. Needed when you record a decision.",
    )

    def __init__(self, *args, boards: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        field.queryset = (
            AgendaItem.objects.filter(meeting__board_id__in=boards)
            .select_related("meeting__board")
            .order_by("-meeting__starts_at", "order")
        )
        field.label_from_instance = lambda item: (
            f"{item.meeting.board} – {timezone.localtime(item.meeting.starts_at):%-d %B %Y}: {item}"
        )
        self.helper = _helper("Mark as presented")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision_text") and not cleaned.get("decision_owner"):
            self.add_error("decision_owner", "Say who carries the decision out.")
        return cleaned


class AttachReportForm(forms.Form):
    """The termly report to put on an agenda item."""

    report = forms.ModelChoiceField(
        queryset=TermlyReport.objects.none(),
        label="Termly report",
        help_text=(
            "Reports of the priorities this board receives that have not been presented yet. "
            "The meeting pack includes it."
        ),
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = reports
        self.fields["report"].label_from_instance = lambda report: (
            f"{report.priority_area.title}, {report.term}"
            + (f" (version {report.edition})" if report.edition > 1 else "")
            + f": {report.get_status_display()}"
        )
        self.helper = _helper("Attach the report")


class ChallengeForm(PersonalDataFormMixin, forms.ModelForm):
    """A board member's challenge on a submitted report, about the report as a whole or one
    of its sections, exceptions or indicators (`subjects`: assemble.challenge_subjects)."""

    # A place on the report's page, chosen from a list: not free text.
    personal_data_exempt = ("subject",)

    subject = forms.ChoiceField(
        label="About",
        required=False,
        help_text="A section, exception or indicator of the report, or the report as a whole.",
    )

    class Meta:
        model = ReportComment
        fields = ("subject", "text")
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "Your challenge"}

    def __init__(self, *args, subjects: dict[str, str], action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.subjects = subjects
        self.fields["subject"].choices = list(subjects.items())
        self.helper = _helper("Add the challenge", action=action)

    def service_data(self) -> dict[str, str]:
        """What report_comment_add takes: the anchor challenged and the words naming it."""
        subject = self.cleaned_data["subject"]
        about = self.subjects[subject] if subject else ""
        return {"subject": subject, "about": about, "text": self.cleaned_data["text"]}


class AnswerForm(PersonalDataFormMixin, forms.Form):
    """An answer to a challenge, with the challenge's `version` the page showed: an answer
    given over one saved meanwhile is refused (core.edit_conflicts)."""

    answer = forms.CharField(label="Your answer", widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BoardPackForm(forms.Form):
    """Choose the board and the term of a board pack."""

    board = forms.ModelChoiceField(
        queryset=Board.objects.none(),
        help_text="The boards and groups that priorities report to.",
    )
    term = forms.ModelChoiceField(queryset=Term.objects.order_by("-start_date"))
    full_plan = forms.BooleanField(
        label="Add the full plan as an appendix",
        required=False,
        help_text="Each priority's whole report, every action and indicator with its chart. "
        "Without it the pack shows the exceptions only.",
    )

    def __init__(self, *args, boards: list[Board], initial_board: Board | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["board"]
        field.queryset = Board.objects.filter(pk__in=[board.pk for board in boards])
        # The choices from the boards already read, each saying whose it is and how big.
        field.choices = [("", "---------")] + [
            (
                board.pk,
                f"{board.name} ({board.partnership}, {board.priority_count} "
                f"priorit{'y' if board.priority_count == 1 else 'ies'})",
            )
            for board in boards
        ]
        field.initial = initial_board.pk if initial_board else None
        self.fields["term"].initial = Term.objects.current()
        self.helper = _helper("Open the board pack", method="get")
