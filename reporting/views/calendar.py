"""A person's calendar: the page with their feed's secret address, and the feed itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.calendars import calendar_response
from core.roles import RoleRequiredMixin, has_any_role
from reporting import services
from reporting.calendar_feed import feed_calendar
from reporting.models import CalendarFeed


class CalendarPageView(RoleRequiredMixin, TemplateView):
    """The user's own feed address, to paste into a calendar application, and its reset."""

    template_name = "reporting/calendar.html"

    def get_context_data(self, **kwargs):
        feed = services.calendar_feed_for(user=self.request.user)
        feed_url = self.request.build_absolute_uri(feed.get_absolute_url())
        return super().get_context_data(feed=feed, feed_url=feed_url, **kwargs)


class CalendarResetView(RoleRequiredMixin, View):
    """Give the user's feed a new address, so the old one (shared by mistake) stops working."""

    def post(self, request: HttpRequest) -> HttpResponse:
        services.calendar_feed_reset(user=request.user)
        messages.success(
            request,
            "Your calendar has a new address. The old address no longer works: "
            "subscribe again with the new one.",
        )
        return redirect("reporting:calendar")


@method_decorator(login_not_required, name="dispatch")
@method_decorator(require_GET, name="dispatch")
class CalendarFeedView(View):
    """The feed, open without signing in: calendar applications cannot sign in, so the secret
    token in the address is the credential. A wrong or reset token, or an account that is no
    longer active or has no role, answers 404 and says nothing about which."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
        if feed is None or not feed.user.is_active or not has_any_role(feed.user):
            raise Http404("No such calendar.")
        calendar = feed_calendar(feed.user, absolute=request.build_absolute_uri)
        return calendar_response(calendar, filename="jcm-calendar.ics", download=False)
