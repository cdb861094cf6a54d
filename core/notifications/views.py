"""Pages of a person's notifications: the list, opening one, marking read, and their choices."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, ListView

from core.models import Notification
from core.notifications import services
from core.notifications.forms import PreferencesForm
from core.pagination import ForgivingPaginationMixin
from core.roles import RoleRequiredMixin, can_read_notification

PAGE_SIZE = 25


class OwnNotificationMixin(RoleRequiredMixin):
    """Acts on one notification of the signed-in user: another's answers 404, not 403, so
    nobody learns what others are told."""

    def notification(self) -> Notification:
        notification = get_object_or_404(Notification, pk=self.kwargs["pk"])
        if not can_read_notification(self.request.user, notification):
            raise Http404("No notification of yours has this number.")
        return notification


class NotificationListView(RoleRequiredMixin, ForgivingPaginationMixin, ListView):
    """The signed-in user's notifications, newest first."""

    template_name = "notifications/list.html"
    context_object_name = "notifications"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Notification.objects.for_user(self.request.user).order_by("-created_at", "-pk")


class NotificationOpenView(OwnNotificationMixin, View):
    """Open a notification: mark it read and go to the record it is about."""

    def get(self, request, *args, **kwargs):
        notification = services.notification_mark_read(notification=self.notification())
        target = notification.url
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("notifications:list")
        return HttpResponseRedirect(target)


class NotificationReadView(OwnNotificationMixin, View):
    """Mark one notification read and come back to the list."""

    def post(self, request, *args, **kwargs):
        services.notification_mark_read(notification=self.notification())
        messages.success(request, "Notification marked as read.")
        return HttpResponseRedirect(_back_to_list(request))


class NotificationReadAllView(RoleRequiredMixin, View):
    """Mark every notification of the signed-in user read."""

    def post(self, request, *args, **kwargs):
        count = services.notifications_mark_all_read(user=request.user)
        messages.success(
            request, f"{count} notification{'s' if count != 1 else ''} marked as read."
        )
        return HttpResponseRedirect(_back_to_list(request))


def _back_to_list(request) -> str:
    """The list page the user came from (keeping its page number), else the first page."""
    page = request.POST.get("page", "")
    url = reverse("notifications:list")
    return f"{url}?page={page}" if page.isdigit() else url


class PreferencesView(RoleRequiredMixin, FormView):
    """How the signed-in user hears of each kind of event."""

    template_name = "notifications/preferences.html"
    form_class = PreferencesForm
    success_url = reverse_lazy("notifications:preferences")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current": services.preferences_of(self.request.user)}

    def form_valid(self, form):
        services.notification_preferences_save(user=self.request.user, choices=form.cleaned_data)
        messages.success(self.request, "Your notification choices are saved.")
        return super().form_valid(form)
