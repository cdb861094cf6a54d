"""Django admin of what each person is notified and emailed, and how they chose to hear of it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.history_purge import HistoryPurgeForm, history_purge
from core.models import EmailSent, HistoryPurge, Notification, NotificationPreference
from core.roles import can_purge_history


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


@admin.register(HistoryPurge)
class HistoryPurgeAdmin(admin.ModelAdmin):
    """Remove a value from a record's audit history ("add" does it), and the log of removals,
    which no one changes or deletes. Administrators only, whatever permissions a user holds."""

    form = HistoryPurgeForm  # checks its reason for personal data, not the text to remove
    list_display = ["__str__", "purged_by", "entries_changed", "reason"]
    list_select_related = ["purged_by", "content_type"]
    list_filter = ["content_type"]
    search_fields = ["reason", "field_name"]
    date_hierarchy = "purged_at"
    readonly_fields = [
        "purged_at",
        "purged_by",
        "content_type",
        "object_id",
        "field_name",
        "entries_changed",
        "reason",
    ]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["model_label", "object_id", "field_name", "text", "reason"]
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def has_module_permission(self, request) -> bool:
        return can_purge_history(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return can_purge_history(request.user)

    def has_add_permission(self, request) -> bool:
        return can_purge_history(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        purge = history_purge(
            model=data["model"],
            object_id=data["object_id"],
            field_name=data["field_name"],
            text=data.get("text", ""),
            reason=data["reason"],
            purged_by=request.user,
        )
        # The admin logs and reports the object it saved: make it the purge just recorded.
        for field in HistoryPurge._meta.concrete_fields:
            setattr(obj, field.attname, getattr(purge, field.attname))
        obj._state.adding = False
