"""Reporting: school terms, termly reports, their challenges, the kept board pack PDFs, and what
the background jobs record."""

from reporting.models.jobs import BoardPackRender, FailedJob, ScheduledRun
from reporting.models.reports import BoardPackPdf, ReportComment, TermlyReport
from reporting.models.terms import Term

__all__ = [
    "BoardPackPdf",
    "BoardPackRender",
    "FailedJob",
    "ReportComment",
    "ScheduledRun",
    "Term",
    "TermlyReport",
]
