"""Project-wide pages: the home page, the health check and the session keep-alive."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from core.accounts import previous_sign_in
from core.home import dashboard_for
from core.partnerships import choose_partnership, partnerships_of
from core.roles import has_any_role
from core.session_renewal import renew_session


class HomeView(TemplateView):
    """What the signed-in user can do, by role."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["commissioner_tasks"] = [
            ("See my actions", reverse("priorities:my_actions")),
            ("Write this term's reports", reverse("reporting:report_list")),
            ("Find and filter all actions", reverse("priorities:action_list")),
            ("Open the priorities and their action plans", reverse("priorities:framework_list")),
            ("Record a meeting's agenda, minutes and decisions", reverse("governance:structure")),
            ("Follow up open decisions", reverse("governance:decision_log") + "?status=open"),
            ("Move commissioning activities round the cycle", reverse("commissioning:cycle_board")),
            ("See contracts ending soon", reverse("commissioning:pipeline")),
            ("Log participation", reverse("participation:record_create")),
            ("See feedback owed", reverse("participation:feedback_owed")),
            ("Follow your meetings and deadlines in your calendar", reverse("reporting:calendar")),
            ("Change your password", reverse("password_change")),
        ]
        context["board_member_tasks"] = [
            ("Read and challenge this term's reports", reverse("reporting:report_list")),
            ("Open a board pack", reverse("reporting:board_pack_chooser")),
            ("Read the priorities", reverse("priorities:framework_list")),
            ("See the governance structure", reverse("governance:structure")),
            ("Read the decisions log", reverse("governance:decision_log")),
            ("See the commissioning cycle and contracts", reverse("commissioning:cycle_board")),
            ("See participation coverage", reverse("participation:coverage")),
            ("Follow your meetings and deadlines in your calendar", reverse("reporting:calendar")),
            ("Change your password", reverse("password_change")),
        ]
        context["administrator_tasks"] = [
            (
                "Manage boards, members and organisations",
                reverse("admin:governance_board_changelist"),
            ),
            ("Manage users and their roles", reverse("admin:auth_user_changelist")),
            ("Review what each role may do", reverse("admin:auth_group_changelist")),
            ("Manage providers and contracts", reverse("admin:commissioning_contract_changelist")),
        ]
        # The dashboards of the user's roles (termly reports, overdue actions), for this term.
        if has_any_role(self.request.user):
            context["dashboard"] = dashboard_for(
                self.request.user, since=previous_sign_in(self.request)
            )
        return context


@login_not_required
@never_cache
@require_GET
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not: for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_POST
def session_keep_alive(request: HttpRequest) -> HttpResponse:
    """Renew the signed-in session ("Stay signed in"): this one restarts the idle time
    whenever it was last renewed (core.session_renewal); it answers how long it now lasts."""
    renew_session(request)
    return JsonResponse({"expires_in": settings.SESSION_COOKIE_AGE})


@require_POST
def switch_partnership(request: HttpRequest) -> HttpResponse:
    """Work in another of one's partnerships: every list, choice and report follows it.

    Goes back to the page it was asked from when that is a list or a page of the new
    partnership too; a record of the old one would answer 404, so it goes home instead.
    """
    chosen = next(
        (p for p in partnerships_of(request.user) if str(p.pk) == request.POST.get("partnership")),
        None,
    )
    if chosen is None:
        messages.error(request, "Choose one of your partnerships.")
        return redirect("home")
    choose_partnership(request, chosen)
    messages.success(request, f"You are now working in {chosen.name}.")
    return redirect(_same_site_list_page(request.POST.get("next", "")))


def _same_site_list_page(next_url: str) -> str:
    """`next_url` if it is a page of this site that names no record (no number in its path)."""
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts=None
    ):
        return reverse("home")
    path = next_url.split("?", 1)[0]
    if any(part.isdigit() for part in path.split("/")):
        return reverse("home")
    return next_url
