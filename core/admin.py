"""Django admin of what each person is notified and emailed, and how they chose to hear of it."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.history_purge import HistoryPurgeForm, history_purge
from core.models import (
    EmailSent,
    HistoryPurge,
    Notification,
    NotificationPreference,
    Partnership,
    PartnershipMembership,
)
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


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    """Partnerships are made and changed by superusers only."""

    list_display = ["name", "short_name", "slug", "area", "area_code", "is_active"]
    search_fields = ["name", "short_name", "area"]
    prepopulated_fields = {"slug": ["short_name"]}

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or super().has_view_permission(request, obj)


class PartnershipMembershipInline(admin.TabularInline):
    """A person's role in each partnership. An administrator gives roles in the partnerships
    they administer; only a superuser makes someone an administrator."""

    model = PartnershipMembership
    extra = 1
    fields = ["partnership", "role"]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            # The blank first, so that an empty extra row is left alone rather than saved.
            kwargs["choices"] = [("", "---------")] + [
                choice
                for choice in PartnershipMembership.Role.choices
                if choice[0] != PartnershipMembership.Role.ADMINISTRATOR
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People, with their role in each partnership. Roles are given here, by partnership; the
    role groups follow (core.signals), so they are not edited directly."""

    inlines = [PartnershipMembershipInline]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = {"groups", "user_permissions"}
        if not request.user.is_superuser:
            hidden |= {"is_superuser"}
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]


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
