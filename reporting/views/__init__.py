"""Pages of the reporting app: termly reports and board packs."""

from reporting.views.board_pack import (
    BoardPackChooserView,
    BoardPackPdfView,
    BoardPackPreviousPdfView,
    BoardPackView,
)
from reporting.views.calendar import CalendarFeedView, CalendarPageView, CalendarResetView
from reporting.views.meeting_pack import AgendaItemReportView, MeetingPackPdfView
from reporting.views.reports import (
    ReportAnswerView,
    ReportChallengeView,
    ReportDetailView,
    ReportListView,
    ReportNewVersionView,
    ReportNotedView,
    ReportPresentView,
    ReportStartView,
    ReportSubmitView,
    ReportWordsView,
)
from reporting.views.search import SearchView

__all__ = [
    "AgendaItemReportView",
    "MeetingPackPdfView",
    "BoardPackChooserView",
    "BoardPackPdfView",
    "BoardPackPreviousPdfView",
    "BoardPackView",
    "CalendarFeedView",
    "CalendarPageView",
    "CalendarResetView",
    "ReportAnswerView",
    "ReportChallengeView",
    "ReportDetailView",
    "ReportListView",
    "ReportNewVersionView",
    "ReportNotedView",
    "ReportPresentView",
    "ReportStartView",
    "ReportSubmitView",
    "ReportWordsView",
    "SearchView",
]
