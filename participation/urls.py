"""URLs of the participation app."""

from django.urls import path

from core.history import ObjectHistoryView
from participation import consultation_views, hear_by_right_views, publishing_views, views
from participation.models import VoiceAnswer

app_name = "participation"

urlpatterns = [
    path("", views.RecordListView.as_view(), name="record_list"),
    path("records/new/", views.RecordCreateView.as_view(), name="record_create"),
    path("records/<int:pk>/", views.RecordDetailView.as_view(), name="record_detail"),
    path("records/<int:pk>/edit/", views.RecordUpdateView.as_view(), name="record_update"),
    path(
        "records/<int:pk>/public-preview/",
        publishing_views.RecordPublicPreviewView.as_view(),
        name="record_public_preview",
    ),
    path(
        "records/<int:pk>/publish/",
        publishing_views.RecordPublishView.as_view(),
        name="record_publish",
    ),
    path(
        "records/<int:pk>/unpublish/",
        publishing_views.RecordUnpublishView.as_view(),
        name="record_unpublish",
    ),
    path(
        "export/anonymised.csv",
        views.AnonymisedExportView.as_view(fmt="csv"),
        name="anonymised_export_csv",
    ),
    path(
        "export/anonymised.xlsx",
        views.AnonymisedExportView.as_view(fmt="xlsx"),
        name="anonymised_export_xlsx",
    ),
    path("coverage/", views.CoverageView.as_view(), name="coverage"),
    path("feedback-owed/", views.FeedbackOwedView.as_view(), name="feedback_owed"),
    path(
        "priorities/<int:pk>/you-said-we-did/",
        views.YouSaidWeDidView.as_view(),
        name="you_said_we_did",
    ),
    path("hear-by-right/", hear_by_right_views.HearByRightView.as_view(), name="hear_by_right"),
    path(
        "hear-by-right/<int:year>/",
        hear_by_right_views.HearByRightView.as_view(),
        name="hear_by_right_year",
    ),
    path(
        "hear-by-right/<int:year>/edit/",
        hear_by_right_views.HearByRightEditView.as_view(),
        name="hear_by_right_edit",
    ),
    path(
        "hear-by-right/assessments/<int:pk>/history/",
        hear_by_right_views.HearByRightHistoryView.as_view(),
        name="hear_by_right_history",
    ),
    path("activities/<int:pk>/voice/", views.VoiceAnswersView.as_view(), name="voice_answers"),
    path(
        "voice-answers/<int:pk>/history/",
        ObjectHistoryView.as_view(model=VoiceAnswer),
        name="voice_answer_history",
    ),
    path(
        "decommissioning/<int:pk>/consultations/link/",
        consultation_views.ConsultationLinkView.as_view(),
        name="decommissioning_consultation_link",
    ),
    path(
        "decommissioning/consultations/<int:pk>/unlink/",
        consultation_views.ConsultationUnlinkView.as_view(),
        name="decommissioning_consultation_unlink",
    ),
]
