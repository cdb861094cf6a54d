"""Termly reports of a priority area, the board's challenges on them, and the board pack PDFs
rendered from them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ProtectedError, Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import AgendaItem, Board, Meeting
from priorities.models.choices import RAG
from priorities.models.frameworks import PriorityArea
from reporting.models.terms import Term

# What a submitted report is: whose, for which term, which version, what it said and showed,
# and who submitted it. None of it changes once submitted; its workflow (presented at a
# meeting, noted) still moves on.
FROZEN_REPORT_FIELDS = (
    "priority_area",
    "term",
    "edition",
    "overall_rag",
    "highlights",
    "risks_and_issues",
    "asks_of_board",
    "is_sample",
    "snapshot",
    "submitted_at",
    "submitted_by",
)
FROZEN_REPORT_MESSAGE = (
    "This report has been submitted: what it says and shows is fixed. "
    "Start a new version to correct it."
)
# What a challenge said, by whom, on which report: fixed once made; only its answer changes.
FROZEN_CHALLENGE_FIELDS = ("report", "author", "about", "text")


def _changed_since_stored(instance: models.Model, fields: tuple[str, ...], stored: dict) -> list:
    """The `fields` of `instance` that differ from the `stored` row (by attname)."""
    attnames = [instance._meta.get_field(name).attname for name in fields]
    return [name for name in attnames if stored[name] != getattr(instance, name)]


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

    partnership_lookup = "priority_area__framework__partnership"

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

    def save(self, *args, **kwargs) -> None:
        """Refuse (ValidationError) a change to what a submitted report says or shows, from
        wherever it comes: the services, the admin, a script."""
        if self.pk is not None:
            attnames = ["status", *(self._meta.get_field(f).attname for f in FROZEN_REPORT_FIELDS)]
            stored = TermlyReport.objects.filter(pk=self.pk).values(*attnames).first()
            if (
                stored is not None
                and stored["status"] != self.Status.DRAFT
                and _changed_since_stored(self, FROZEN_REPORT_FIELDS, stored)
            ):
                raise ValidationError(FROZEN_REPORT_MESSAGE, code="frozen")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class ReportComment(models.Model):
    """A board member's challenge on a submitted report, and the commissioner's answer (a later
    answer replaces it on the page; the history keeps the earlier ones)."""

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
    # Optimistic locking: each answer bumps it, and an answer given from an older copy is
    # refused (core.edit_conflicts), so one answer never silently replaces another.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Every answer given, so a later one never loses an earlier one (the challenge's history).
    history = HistoricalRecords()

    partnership_lookup = "report__priority_area__framework__partnership"

    class Meta:
        db_table = "priorities_reportcomment"
        ordering = ["report", "created_at", "pk"]
        verbose_name = "report comment"

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."

    def save(self, *args, **kwargs) -> None:
        """Refuse (ValidationError) a change to what a challenge said, by whom, or on which
        report: only its answer changes, through reporting.services."""
        if self.pk is not None:
            attnames = [self._meta.get_field(f).attname for f in FROZEN_CHALLENGE_FIELDS]
            stored = ReportComment.objects.filter(pk=self.pk).values(*attnames).first()
            if stored is not None and _changed_since_stored(self, FROZEN_CHALLENGE_FIELDS, stored):
                raise ValidationError(
                    "A challenge stays as it was made: only its answer can change.",
                    code="frozen",
                )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.report.get_absolute_url()}#challenge-{self.pk}"


@receiver(pre_delete, sender=TermlyReport)
def _refuse_deleting_a_submitted_report(sender, instance: TermlyReport, **kwargs) -> None:
    """A submitted report is what the board read: never deleted, by itself or with its
    priority. (Run for a queryset's delete and a cascade too, unlike Model.delete.)"""
    if instance.status != TermlyReport.Status.DRAFT:
        raise ProtectedError(
            f"{instance} has been submitted: it cannot be deleted. Start a new version to "
            "correct it.",
            {instance},
        )


@receiver(pre_delete, sender=ReportComment)
def _refuse_deleting_a_challenge_of_a_submitted_report(
    sender, instance: ReportComment, **kwargs
) -> None:
    """The board's challenges on a submitted report are part of its record."""
    status = TermlyReport.objects.filter(pk=instance.report_id).values_list("status", flat=True)
    if status.first() not in (None, TermlyReport.Status.DRAFT):
        raise ProtectedError(
            "A challenge on a submitted report cannot be deleted: it is part of the report's "
            "record.",
            {instance},
        )


class BoardPackPdf(models.Model):
    """The last board pack PDF rendered for a board and a term, kept with a hash of the HTML it
    was rendered from: while the pack's content is unchanged, a download serves these bytes
    instead of laying out a PDF again (minutes for a large pack)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    with_plan = models.BooleanField(
        "with the full plan", default=False, help_text="The full plan follows as an appendix."
    )
    html_sha256 = models.CharField(max_length=64)
    pdf = models.BinaryField(editable=False)
    rendered_at = models.DateTimeField(auto_now=True)

    partnership_lookup = "board__partnership"

    class Meta:
        db_table = "priorities_boardpackpdf"
        ordering = ["-rendered_at", "pk"]
        verbose_name = "board pack PDF"
        verbose_name_plural = "board pack PDFs"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "term", "with_plan"], name="one_board_pack_pdf_per_term_and_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.board} – {self.term}{' (with the full plan)' if self.with_plan else ''}"


class BoardPackPart(models.Model):
    """One part of a board pack laid out on its own (a priority's pages, or its full plan),
    kept under a hash of its HTML: a pack whose other priorities changed reuses it, so that
    only what changed is laid out again. Parts name no board: the same content is the same
    PDF in any pack."""

    html_sha256 = models.CharField(max_length=64, unique=True)
    pdf = models.BinaryField(editable=False)
    pages = models.PositiveIntegerField("number of pages")
    used_at = models.DateTimeField("last used at")

    class Meta:
        ordering = ["-used_at", "pk"]
        verbose_name = "board pack part"

    def __str__(self) -> str:
        return f"{self.html_sha256[:12]} ({self.pages} pages)"
