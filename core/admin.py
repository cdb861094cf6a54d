"""Django admin of what each person is notified and emailed, and how they chose to hear of it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.models import EmailSent, Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["message", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["message", "recipient__username", "recipient__last_name", "key"]
    list_select_related = ["recipient"]
    autocomplete_fields = ["recipient"]
    readonly_fields = ["created_at"]
    fields = ["recipient", "kind", "key", "message", "url", "about_type", "about_id", "read_at"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(SimpleHistoryAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]


@admin.register(EmailSent)
class EmailSentAdmin(admin.ModelAdmin):
    """A record of what was sent: read, never written by hand."""

    list_display = ["notification", "recipient", "channel", "sent_at"]
    list_filter = ["channel"]
    search_fields = ["recipient__username", "notification__message"]
    list_select_related = ["recipient", "notification"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
