"""Reporting: school terms, termly reports, their challenges, the kept board and meeting pack
PDFs, each person's calendar feed, and what the background jobs record."""

from reporting.models.calendar import CalendarFeed
from reporting.models.jobs import BoardPackRender, FailedJob, ScheduledRun
from reporting.models.meeting_packs import MeetingPackPdf
from reporting.models.reports import BoardPackPdf, ReportComment, TermlyReport
from reporting.models.terms import Term

__all__ = [
    "BoardPackPdf",
    "BoardPackRender",
    "CalendarFeed",
    "FailedJob",
    "MeetingPackPdf",
    "ReportComment",
    "ScheduledRun",
    "Term",
    "TermlyReport",
]
