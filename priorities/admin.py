"""Django admin of the priorities app: frameworks down to progress updates and indicator values."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin
from priorities import neighbours_csv
from priorities.models import (
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
    StatisticalNeighbour,
)
from priorities.services import action_sync_latest_progress, neighbours_replace


class PriorityAreaInline(admin.TabularInline):
    model = PriorityArea
    fields = ["order", "title", "lead_board"]
    extra = 0
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "period", "version", "status", "review_date"]
    list_filter = ["status", "partnership"]
    search_fields = ["title", "partnership", "period"]
    inlines = [PriorityAreaInline]


class ObjectiveInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = Objective
    extra = 0


class IndicatorInline(VersionCheckedInlineMixin, admin.TabularInline):
    model = Indicator
    fields = ["order", "name", "unit", "polarity", "target"]
    extra = 0
    show_change_link = True


@admin.register(PriorityArea)
class PriorityAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "framework", "order", "lead_board"]
    list_filter = ["framework"]
    search_fields = ["title", "aim"]
    list_select_related = ["framework", "lead_board"]
    # Boards and organisations are few: plain selects (their admin lives in governance).
    autocomplete_fields = ["lead_commissioners"]
    # Objectives and indicators changed inline are checked and bumped, as on their own pages.
    inlines = [ObjectiveInline, IndicatorInline]


@admin.register(Objective)
class ObjectiveAdmin(VersionCheckedAdminMixin, admin.ModelAdmin):
    """A save here is checked and bumps the version, so an edit of the objective open in the
    site is stale."""

    list_display = ["__str__", "priority_area", "order"]
    list_filter = ["priority_area__framework"]
    search_fields = ["text", "priority_area__title"]
    list_select_related = ["priority_area"]
    readonly_fields = ["version"]


class ProgressUpdateInline(admin.TabularInline):
    """Updates are append-only: shown here, never changed or deleted."""

    model = ProgressUpdate
    fields = [
        "date",
        "rag",
        "percent_complete",
        "narrative",
        "rag_override_reason",
        "author",
        "is_sample",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Action)
class ActionAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Admin edits are checked and count as a new version, so a form open elsewhere cannot
    overwrite them."""

    list_display = [
        "title",
        "priority_area",
        "owner",
        "lead_organisation",
        "status",
        "stage",
        "due_date",
        "latest_rag",
    ]
    list_filter = [
        "status",
        "stage",
        "latest_rag",
        "priority_area__framework",
        "lead_organisation",
    ]
    search_fields = ["title", "description", "owner__username", "owner__first_name"]
    list_select_related = ["priority_area", "owner", "lead_organisation"]
    autocomplete_fields = ["owner", "priority_area", "objective"]
    readonly_fields = ["version", "latest_rag", "latest_percent", "latest_update_on"]
    date_hierarchy = "due_date"
    inlines = [ProgressUpdateInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    """Add updates here if need be; existing ones stay as written (append-only)."""

    list_display = ["action", "date", "rag", "percent_complete", "author", "is_sample"]
    list_filter = ["rag", "is_sample", "action__priority_area__framework"]
    search_fields = ["narrative", "action__title"]
    list_select_related = ["action", "author"]
    autocomplete_fields = ["action", "author"]
    date_hierarchy = "date"

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [f.name for f in ProgressUpdate._meta.fields]
        return []

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # append-only: a correction is a new update

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action_sync_latest_progress(action=obj.action)


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """A save here is checked and bumps the version, so an edit of the indicator open in the
    site is stale."""

    list_display = ["name", "priority_area", "unit", "polarity", "target"]
    list_filter = ["unit", "polarity", "priority_area__framework"]
    search_fields = ["name", "definition", "source"]
    list_select_related = ["priority_area"]
    readonly_fields = ["version"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period_label", "period_end", "value"]
    list_filter = ["indicator__priority_area__framework"]
    search_fields = ["indicator__name", "period_label", "note"]
    list_select_related = ["indicator"]


class StatisticalNeighbourInline(admin.TabularInline):
    model = StatisticalNeighbour
    fields = ["order", "name", "area_code"]
    extra = 0


class NeighboursUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "A header row naming the columns name and, optionally, area_code, then one row per "
            f"authority: at most {neighbours_csv.MAX_ROWS} rows and 1 MB. It replaces the list."
        ),
    )


@admin.register(Comparator)
class ComparatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "partnership", "area_code", "is_active"]
    list_filter = ["kind", "is_active", "partnership"]
    search_fields = ["name", "area_code"]
    list_select_related = ["partnership"]
    inlines = [StatisticalNeighbourInline]
    change_form_template = "admin/priorities/comparator/change_form.html"

    def get_urls(self):
        upload = path(
            "<path:object_id>/neighbours/upload/",
            self.admin_site.admin_view(self.upload_neighbours_view),
            name="priorities_comparator_upload_neighbours",
        )
        return [upload, *super().get_urls()]

    def upload_neighbours_view(self, request, object_id):
        """Upload statistical neighbours (CSV): replaces a neighbours comparator's list, whole
        or not at all, showing each row's errors."""
        comparator = self.get_object(request, unquote(object_id))
        if comparator is None:
            raise Http404("No such comparator.")
        if not self.has_change_permission(request, comparator):
            raise PermissionDenied
        change_url = reverse("admin:priorities_comparator_change", args=[comparator.pk])
        if comparator.kind != Comparator.Kind.NEIGHBOURS:
            self.message_user(
                request,
                "Only a statistical neighbours comparator has a list of authorities.",
                messages.ERROR,
            )
            return redirect(change_url)
        errors: list[str] = []
        form = NeighboursUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            read = neighbours_csv.read_neighbours(form.cleaned_data["file"], comparator=comparator)
            errors = read.errors
            if not errors:
                count = neighbours_replace(comparator=comparator, neighbours=read.neighbours)
                self.message_user(
                    request,
                    f"{comparator}: the list now names {count} "
                    f"authorit{'y' if count == 1 else 'ies'}. {read.note}".strip(),
                    messages.SUCCESS,
                )
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": comparator,
            "title": f"Upload statistical neighbours (CSV): {comparator}",
            "form": form,
            "errors": errors,
            "neighbours": comparator.neighbours.all(),
            "change_url": change_url,
            "max_rows": neighbours_csv.MAX_ROWS,
        }
        status = 400 if errors else 200
        return TemplateResponse(
            request, "admin/priorities/comparator/upload_neighbours.html", context, status=status
        )


@admin.register(StatisticalNeighbour)
class StatisticalNeighbourAdmin(SimpleHistoryAdmin):
    list_display = ["name", "comparator", "area_code"]
    search_fields = ["name", "area_code", "comparator__name"]
    list_select_related = ["comparator"]


@admin.register(ComparatorValue)
class ComparatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "comparator", "period_label", "period_end", "value"]
    list_filter = ["comparator", "indicator__priority_area__framework"]
    search_fields = ["indicator__name", "comparator__name", "period_label"]
    list_select_related = ["indicator", "comparator"]
