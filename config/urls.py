"""The project's URLs: the apps, accounts, admin and the health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.context_processors import PRODUCT_NAME
from core.views import HomeView, SignInView, healthz, session_keep_alive

admin.site.site_header = f"{PRODUCT_NAME} administration"
admin.site.site_title = PRODUCT_NAME
admin.site.index_title = "Providers, contracts, organisations and users"

account_patterns = [
    path(
        "login/",
        SignInView.as_view(),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("keep-alive/", session_keep_alive, name="session_keep_alive"),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include(account_patterns)),
    path("notifications/", include("core.notifications.urls")),
    path("governance/", include("governance.urls")),
    path("priorities/", include("priorities.urls")),
    path("priorities/", include("reporting.urls")),
    path("commissioning/", include("commissioning.urls")),
    path("participation/", include("participation.urls")),
    path("admin/", admin.site.urls),
]
