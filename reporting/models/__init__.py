"""Reporting: school terms, termly reports, their challenges, the kept board and meeting pack
PDFs, each person's calendar feed and API token, and what the background jobs record."""

from reporting.models.api_tokens import ApiToken
from reporting.models.calendar import CalendarFeed
from reporting.models.jobs import BoardPackRender, FailedJob, ScheduledRun
from reporting.models.meeting_packs import MeetingPackPdf
from reporting.models.reports import BoardPackPart, BoardPackPdf, ReportComment, TermlyReport
from reporting.models.terms import Term

__all__ = [
    "ApiToken",
    "BoardPackPart",
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
