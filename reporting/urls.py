"""URLs of the reporting app: termly reports, challenges, board packs and calendars.

Mounted under /priorities/ beside the priorities app's own URLs, where they have always been.
"""

from django.urls import path

from core.history import ObjectHistoryView
from reporting import views
from reporting.models import ReportComment, TermlyReport

app_name = "reporting"

urlpatterns = [
    path("reports/", views.ReportListView.as_view(), name="report_list"),
    path(
        "areas/<int:pk>/terms/<int:term_pk>/report/",
        views.ReportStartView.as_view(),
        name="report_start",
    ),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/words/", views.ReportWordsView.as_view(), name="report_words"),
    path(
        "reports/<int:pk>/history/",
        ObjectHistoryView.as_view(model=TermlyReport),
        name="report_history",
    ),
    path("reports/<int:pk>/submit/", views.ReportSubmitView.as_view(), name="report_submit"),
    path(
        "reports/<int:pk>/new-version/",
        views.ReportNewVersionView.as_view(),
        name="report_new_version",
    ),
    path("reports/<int:pk>/presented/", views.ReportPresentView.as_view(), name="report_present"),
    path("reports/<int:pk>/noted/", views.ReportNotedView.as_view(), name="report_noted"),
    path(
        "reports/<int:pk>/challenges/",
        views.ReportChallengeView.as_view(),
        name="report_challenge",
    ),
    path("challenges/<int:pk>/answer/", views.ReportAnswerView.as_view(), name="report_answer"),
    path(
        "challenges/<int:pk>/history/",
        ObjectHistoryView.as_view(model=ReportComment),
        name="challenge_history",
    ),
    path("calendar/", views.CalendarPageView.as_view(), name="calendar"),
    path("calendar/reset/", views.CalendarResetView.as_view(), name="calendar_reset"),
    path("calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar_feed"),
    path("board-pack/", views.BoardPackChooserView.as_view(), name="board_pack_chooser"),
    path(
        "board-pack/<int:board_pk>/<int:term_pk>/",
        views.BoardPackView.as_view(),
        name="board_pack",
    ),
    path(
        "board-pack/<int:board_pk>/<int:term_pk>/pdf/",
        views.BoardPackPdfView.as_view(),
        name="board_pack_pdf",
    ),
    path("meetings/<int:pk>/pack.pdf", views.MeetingPackPdfView.as_view(), name="meeting_pack_pdf"),
    path(
        "agenda-items/<int:pk>/report/",
        views.AgendaItemReportView.as_view(),
        name="agenda_item_report",
    ),
    path(
        "board-pack/<int:board_pk>/<int:term_pk>/pdf/previous/",
        views.BoardPackPreviousPdfView.as_view(),
        name="board_pack_previous_pdf",
    ),
]
