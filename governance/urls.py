"""URLs of the governance app."""

from django.urls import path

from core.history import ObjectHistoryView
from governance import attendance_views, views
from governance.models import AgendaItem, Board, Decision, Meeting, Membership

app_name = "governance"

urlpatterns = [
    path("", views.StructureView.as_view(), name="structure"),
    path("boards/add/", views.BoardCreateView.as_view(), name="board_create"),
    path("boards/<int:pk>/", views.BoardDetailView.as_view(), name="board_detail"),
    path("boards/<int:pk>/edit/", views.BoardUpdateView.as_view(), name="board_update"),
    path(
        "boards/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Board),
        name="board_history",
    ),
    path(
        "boards/<int:board_pk>/members/add/",
        views.MembershipCreateView.as_view(),
        name="membership_create",
    ),
    path("members/<int:pk>/edit/", views.MembershipUpdateView.as_view(), name="membership_update"),
    path("members/<int:pk>/end/", views.MembershipEndView.as_view(), name="membership_end"),
    path(
        "members/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Membership),
        name="membership_history",
    ),
    path(
        "boards/<int:board_pk>/meetings/add/",
        views.MeetingCreateView.as_view(),
        name="meeting_create",
    ),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(
        "meetings/<int:pk>/calendar.ics",
        views.MeetingCalendarView.as_view(),
        name="meeting_ics",
    ),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path(
        "meetings/<int:pk>/publish-papers/",
        views.MeetingPublishPapersView.as_view(),
        name="meeting_publish_papers",
    ),
    path(
        "meetings/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Meeting),
        name="meeting_history",
    ),
    path(
        "meetings/<int:meeting_pk>/agenda/add/",
        views.AgendaItemCreateView.as_view(),
        name="agenda_item_create",
    ),
    path(
        "agenda-items/<int:pk>/edit/",
        views.AgendaItemUpdateView.as_view(),
        name="agenda_item_update",
    ),
    path(
        "agenda-items/<int:pk>/history/",
        ObjectHistoryView.as_view(model=AgendaItem),
        name="agenda_item_history",
    ),
    path(
        "meetings/<int:meeting_pk>/decisions/add/",
        views.DecisionCreateView.as_view(),
        name="decision_create",
    ),
    path("decisions/<int:pk>/edit/", views.DecisionUpdateView.as_view(), name="decision_update"),
    path(
        "decisions/<int:pk>/history/",
        ObjectHistoryView.as_view(model=Decision),
        name="decision_history",
    ),
    path("decisions/", views.DecisionLogView.as_view(), name="decision_log"),
    # Attendance, memberships and their registers of interests, declarations.
    path(
        "meetings/<int:pk>/attendance/",
        attendance_views.AttendanceRecordView.as_view(),
        name="attendance_record",
    ),
    path(
        "memberships/<int:pk>/",
        attendance_views.MembershipDetailView.as_view(),
        name="membership_detail",
    ),
    path(
        "memberships/<int:membership_pk>/interests/add/",
        attendance_views.InterestCreateView.as_view(),
        name="interest_create",
    ),
    path(
        "interests/<int:pk>/edit/",
        attendance_views.InterestUpdateView.as_view(),
        name="interest_update",
    ),
    path(
        "agenda-items/<int:item_pk>/declarations/add/",
        attendance_views.DeclarationCreateView.as_view(),
        name="declaration_create",
    ),
]
