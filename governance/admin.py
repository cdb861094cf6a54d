"""Django admin of the governance app: organisations, boards, members, meetings and decisions."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin
from governance.forms import BoardForm, MembershipForm
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Membership,
    Organisation,
)


class VersionedAdmin(VersionCheckedAdminMixin, admin.ModelAdmin):
    """A save here is refused if the record was saved elsewhere since the page was opened, and
    bumps the version, so a stale edit in the site is refused; so is a change of an agenda item
    or decision inline under its meeting."""


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class MembershipInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["organisation", "user"]
    fields = ["person_name", "role", "organisation", "user", "start_date", "end_date"]


class MeetingInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ["starts_at", "location", "status"]
    show_change_link = True


@admin.register(Board)
class BoardAdmin(VersionedAdmin, SimpleHistoryAdmin):
    """Meetings and memberships changed inline are checked and get their versions bumped, as on
    their own pages."""

    form = BoardForm
    list_display = ["name", "partnership", "kind", "reports_to", "meeting_frequency", "is_active"]
    list_filter = ["partnership", "kind", "is_active"]
    list_select_related = ["reports_to"]
    search_fields = ["name", "purpose"]
    autocomplete_fields = ["reports_to"]
    readonly_fields = ["version"]
    filter_horizontal = ["quorum_organisations"]
    inlines = [MembershipInline, MeetingInline]


@admin.register(Membership)
class MembershipAdmin(VersionedAdmin, SimpleHistoryAdmin):
    form = MembershipForm
    list_display = [
        "person_name",
        "board",
        "role",
        "organisation",
        "user",
        "start_date",
        "end_date",
    ]
    list_filter = ["role", "board__partnership", "organisation", "board"]
    list_select_related = ["board", "organisation", "user"]
    search_fields = ["person_name", "board__name", "organisation__name"]
    autocomplete_fields = ["board", "organisation", "user"]
    date_hierarchy = "start_date"
    readonly_fields = ["version"]


# Papers are published over HTTPS; Django 6 makes this the default.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class AgendaItemInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = AgendaItem
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    extra = 0
    fields = ["order", "title", "presenter", "paper_url"]


class DecisionInline(VersionCheckedInlineMixin, admin.StackedInline):
    model = Decision
    extra = 0
    fields = ["text", "owner", "due_date", "status"]


@admin.register(Meeting)
class MeetingAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "board", "starts_at", "location", "status", "papers_published_at"]
    list_filter = ["status", "board__partnership", "board"]
    list_select_related = ["board"]
    search_fields = ["board__name", "location", "minutes"]
    autocomplete_fields = ["board"]
    date_hierarchy = "starts_at"
    readonly_fields = ["papers_published_at", "version"]
    inlines = [AgendaItemInline, DecisionInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(VersionedAdmin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["title", "meeting", "order", "presenter"]
    list_filter = ["meeting__board__partnership", "meeting__board"]
    list_select_related = ["meeting__board"]
    search_fields = ["title", "presenter", "meeting__board__name"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["version"]


@admin.register(Decision)
class DecisionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "owner", "due_date", "status"]
    list_filter = ["status", "meeting__board__partnership", "meeting__board", "due_date"]
    list_select_related = ["meeting__board"]
    search_fields = ["text", "owner", "meeting__board__name"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["version"]
    fields = ["meeting", "text", "owner", "due_date", "status", "version"]


@admin.register(Attendance)
class AttendanceAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["membership", "meeting", "status", "substitute_name"]
    list_filter = ["status", "meeting__board__partnership", "meeting__board"]
    list_select_related = ["membership", "meeting__board"]
    search_fields = ["membership__person_name", "substitute_name", "meeting__board__name"]
    autocomplete_fields = ["meeting", "membership", "substitute_organisation"]
    readonly_fields = ["version"]


@admin.register(Interest)
class InterestAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["description", "membership", "organisation", "organisation_name", "from_date"]
    list_filter = ["membership__board__partnership", "membership__board"]
    list_select_related = ["membership", "organisation"]
    search_fields = ["description", "organisation_name", "membership__person_name"]
    autocomplete_fields = ["membership", "organisation"]
    readonly_fields = ["version"]


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["membership", "agenda_item", "interest", "left_room"]
    list_filter = ["left_room", "agenda_item__meeting__board__partnership"]
    list_select_related = ["membership", "agenda_item"]
    search_fields = ["membership__person_name", "description", "agenda_item__title"]
    autocomplete_fields = ["agenda_item", "membership", "interest"]
