"""Reporting: school terms, termly reports, their challenges, and the kept board pack PDFs."""

from reporting.models.reports import BoardPackPdf, ReportComment, TermlyReport
from reporting.models.terms import Term

__all__ = ["BoardPackPdf", "ReportComment", "Term", "TermlyReport"]
