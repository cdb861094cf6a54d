"""Pages of the reporting app: termly reports and board packs."""

from reporting.views.board_pack import (
    BoardPackChooserView,
    BoardPackPdfView,
    BoardPackPreviousPdfView,
    BoardPackView,
)
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

__all__ = [
    "BoardPackChooserView",
    "BoardPackPdfView",
    "BoardPackPreviousPdfView",
    "BoardPackView",
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
]
