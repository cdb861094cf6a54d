"""Termly reports of a priority area, the board's challenges on them, and the board pack PDFs
rendered from them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import AgendaItem, Board, Meeting
from priorities.models.choices import RAG
from priorities.models.frameworks import PriorityArea
from reporting.models.terms import Term


class TermlyReport(models.Model):
    """A priority's report for a term: live while a draft, frozen in `snapshot` once submitted.

    A correction after submission is a new version of the report (a new draft, the next
    `edition`), never an edit of this one. `version` counts the saves of the record, as on every
    versioned record, to refuse an edit based on a stale copy (core.edit_conflicts).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        PRESENTED = "presented", "Presented"
        NOTED = "noted", "Noted"

    priority_area = models.ForeignKey(
        PriorityArea, on_delete=models.CASCADE, related_name="reports", verbose_name="priority"
    )
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="reports")
    edition = models.PositiveIntegerField(
        "report version",
        default=1,
        help_text="1 for the term's first report; each correction after submission is the next.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The commissioner's own words.
    overall_rag = models.CharField("overall RAG", max_length=10, choices=RAG.choices, blank=True)
    highlights = models.TextField(blank=True)
    risks_and_issues = models.TextField("risks and issues", blank=True)
    asks_of_board = models.TextField("asks of the board", blank=True)
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Written for the demo, not a real report."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_reports",
        editable=False,
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="termly_reports"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="termly_reports"
    )
    noted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who moved the report through its workflow and changed its words, and when; the frozen
    # snapshot is left out: it is written once, at submission, which the history shows.
    history = HistoricalRecords(
        excluded_fields=["snapshot"], table_name="priorities_historicaltermlyreport"
    )

    class Meta:
        # The tables keep the names they had when these models lived in priorities.
        db_table = "priorities_termlyreport"
        ordering = ["term__start_date", "priority_area__order", "edition"]
        verbose_name = "termly report"
        constraints = [
            models.UniqueConstraint(
                fields=["priority_area", "term", "edition"],
                name="one_report_version_per_priority_and_term",
                violation_error_message="This priority already has this version of the report.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(snapshot__isnull=False),
                name="report_submitted_has_snapshot",
                violation_error_message="A submitted report keeps what it showed.",
            ),
        ]

    def __str__(self) -> str:
        suffix = f" (version {self.edition})" if self.edition > 1 else ""
        return f"{self.priority_area} – {self.term}{suffix}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class ReportComment(models.Model):
    """A board member's challenge on a submitted report, and the commissioner's answer."""

    report = models.ForeignKey(TermlyReport, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="report_comments"
    )
    about = models.CharField(
        max_length=300, blank=True, help_text="The exception or section challenged, if any."
    )
    subject = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where on the report's page the thing challenged is (its anchor), if any.",
    )
    text = models.TextField("challenge")
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_answers",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "priorities_reportcomment"
        ordering = ["report", "created_at", "pk"]
        verbose_name = "report comment"

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."


class BoardPackPdf(models.Model):
    """The last board pack PDF rendered for a board and a term, kept with a hash of the HTML it
    was rendered from: while the pack's content is unchanged, a download serves these bytes
    instead of laying out a PDF again (minutes for a large pack)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    html_sha256 = models.CharField(max_length=64)
    pdf = models.BinaryField(editable=False)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "priorities_boardpackpdf"
        ordering = ["-rendered_at", "pk"]
        verbose_name = "board pack PDF"
        verbose_name_plural = "board pack PDFs"
        constraints = [
            models.UniqueConstraint(fields=["board", "term"], name="one_board_pack_pdf_per_term")
        ]

    def __str__(self) -> str:
        return f"{self.board} – {self.term}"
