"""Reporting: school terms, termly reports, their challenges, the kept board pack PDFs, and
each person's calendar feed."""

from reporting.models.calendar import CalendarFeed
from reporting.models.reports import BoardPackPdf, ReportComment, TermlyReport
from reporting.models.terms import Term

__all__ = ["BoardPackPdf", "CalendarFeed", "ReportComment", "Term", "TermlyReport"]
