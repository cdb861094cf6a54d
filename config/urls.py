"""The project's URLs: the apps, accounts, admin and the health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from core.accounts import AdminSignInForm, PasswordChangeView, SignInView
from core.context_processors import PRODUCT_NAME
from core.sso import SignInCallbackView, SignInStartView
from core.two_factor import views as two_factor
from core.two_factor.middleware import second_factor_not_required
from core.views import HomeView, healthz, session_keep_alive, switch_partnership
from reporting.views import SearchView

admin.site.site_header = f"{PRODUCT_NAME} administration"
admin.site.site_title = PRODUCT_NAME
admin.site.index_title = "Providers, contracts, organisations and users"
admin.site.login_form = AdminSignInForm

account_patterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", second_factor_not_required(auth_views.LogoutView.as_view()), name="logout"),
    # Single sign-on with the organisation's account (404 unless configured).
    path("sso/start/", SignInStartView.as_view(), name="sso_start"),
    path("sso/callback/", SignInCallbackView.as_view(), name="sso_callback"),
    path("two-factor/", two_factor.TwoFactorView.as_view(), name="two_factor"),
    path("two-factor/setup/", two_factor.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("two-factor/verify/", two_factor.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path(
        "two-factor/backup-codes/",
        two_factor.BackupCodesView.as_view(),
        name="two_factor_backup_codes",
    ),
    path("password-change/", PasswordChangeView.as_view(), name="password_change"),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("keep-alive/", second_factor_not_required(session_keep_alive), name="session_keep_alive"),
    path("partnership/", switch_partnership, name="switch_partnership"),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include(account_patterns)),
    path("notifications/", include("core.notifications.urls")),
    # Search across everything: it reads every app, so it belongs to none of their URLs.
    path("search/", SearchView.as_view(), name="search"),
    path("governance/", include("governance.urls")),
    path("priorities/", include("priorities.urls")),
    path("priorities/", include("reporting.urls")),
    path("commissioning/", include("commissioning.urls")),
    path("participation/", include("participation.urls")),
    # The partnerships' public pages: no sign-in (reporting/public/).
    path("open/", include("reporting.public.urls")),
    # The admin's own password change has no attempt limit: the product's page counts wrong
    # current passwords (core/accounts.py). Before the admin's URLs, so its links end here.
    path(
        "admin/password_change/",
        RedirectView.as_view(pattern_name="password_change"),
        name="admin_password_change",
    ),
    path("admin/", admin.site.urls),
]
