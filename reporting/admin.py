"""Django admin of the reporting app: terms, termly reports, challenges, kept board packs,
calendar feeds, API tokens, and the background jobs (failed jobs, the schedule's runs, board
pack layouts)."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from simple_history.admin import SimpleHistoryAdmin

from core.admin_versions import VersionCheckedAdminMixin, VersionCheckedInlineMixin
from core.jobs import attempt_of, max_attempts_of
from core.roles import is_administrator
from reporting import services
from reporting.api import services as api_services
from reporting.models import (
    ApiToken,
    BoardPackPart,
    BoardPackPdf,
    BoardPackRender,
    CalendarFeed,
    FailedJob,
    MeetingPackPdf,
    ReportComment,
    ScheduledRun,
    Term,
    TermlyReport,
)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """Terms are seeded with approximate dates; administrators correct them here."""

    list_display = ["__str__", "start_date", "end_date"]
    list_filter = ["season", "academic_year"]
    list_editable = ["start_date", "end_date"]
    ordering = ["-start_date"]
    search_fields = ["academic_year", "season"]


def _is_submitted(report: TermlyReport | None) -> bool:
    return report is not None and not report.is_draft


def _protected_submitted(reports, protected: list) -> list:
    """Django's list of the records that stop a deletion, with the submitted reports added:
    their deletion is refused (reporting.models), so the admin says so before trying."""
    return protected + [
        f"Submitted report: {report} (a correction is a new version, not a deletion)"
        for report in reports
        if _is_submitted(report)
    ]


class ReportCommentInline(VersionCheckedInlineMixin, admin.StackedInline):
    """The challenges of a report: read-only once it is submitted, as all of it is; a row
    changed here is version-checked, as an answer on the site is."""

    model = ReportComment
    fields = ["author", "about", "subject", "text", "answer", "answered_by", "answered_at"]
    raw_id_fields = ["author", "answered_by"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return not _is_submitted(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return not _is_submitted(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _is_submitted(obj) and super().has_delete_permission(request, obj)


@admin.register(TermlyReport)
class TermlyReportAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """The snapshot and the workflow dates are kept by the services: shown, never edited here.
    A save is checked and bumps the version, as for the words saved on the site. A submitted
    report is read-only here, every field of it, and cannot be deleted: what the board read
    never changes, and a correction is a new version (on the report's page)."""

    list_display = ["priority_area", "term", "edition", "status", "overall_rag", "submitted_at"]
    list_filter = ["status", "term", "priority_area__framework"]
    search_fields = ["priority_area__title"]
    list_select_related = ["priority_area", "term"]
    raw_id_fields = ["meeting", "agenda_item"]
    readonly_fields = ["status", "snapshot", "submitted_at", "submitted_by", "noted_at", "version"]
    inlines = [ReportCommentInline]

    def get_readonly_fields(self, request, obj=None):
        if _is_submitted(obj):
            return [field.name for field in TermlyReport._meta.fields if field.name != "id"]
        return super().get_readonly_fields(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return not _is_submitted(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _is_submitted(obj) and super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = _protected_submitted(objs, protected)
        if protected:
            # Said as the reason, not as a permission the administrator lacks.
            perms_needed -= {"termly report", "report comment"}
        return deleted, counts, perms_needed, protected


@admin.register(ReportComment)
class ReportCommentAdmin(VersionCheckedAdminMixin, SimpleHistoryAdmin):
    """Challenges are made and answered on the report's page; a challenge of a submitted
    report is read-only here and cannot be deleted (its answers' history is kept)."""

    list_display = ["__str__", "report", "author", "created_at", "answered_at"]
    list_select_related = ["report__priority_area", "report__term", "author"]
    search_fields = ["text", "answer", "report__priority_area__title"]
    raw_id_fields = ["report", "author", "answered_by"]
    readonly_fields = ["version"]

    def has_change_permission(self, request, obj=None) -> bool:
        return not (obj and _is_submitted(obj.report)) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return not (obj and _is_submitted(obj.report)) and super().has_delete_permission(
            request, obj
        )

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected += [
            f"Challenge on the submitted report {comment.report}: {comment}"
            for comment in objs
            if _is_submitted(comment.report)
        ]
        if protected:
            perms_needed -= {"report comment"}
        return deleted, counts, perms_needed, protected


@admin.register(BoardPackPdf)
class BoardPackPdfAdmin(admin.ModelAdmin):
    """Rendered packs, kept to serve downloads: deleting one makes the next download render it
    again; nothing here is edited."""

    list_display = ["board", "term", "with_plan", "size_kb", "rendered_at"]
    list_select_related = ["board", "term"]
    list_filter = ["term", "with_plan"]
    search_fields = ["board__name"]
    fields = ["board", "term", "with_plan", "html_sha256", "size_kb", "rendered_at"]
    readonly_fields = fields

    @admin.display(description="size (KB)")
    def size_kb(self, pack: BoardPackPdf) -> int:
        return len(pack.pdf) // 1024

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MeetingPackPdf)
class MeetingPackPdfAdmin(admin.ModelAdmin):
    """Laid-out meeting packs, kept to serve downloads: deleting one makes the next download
    ask the worker again; nothing here is edited."""

    list_display = ["meeting", "requested_at", "rendered_at"]
    list_select_related = ["meeting__board"]
    search_fields = ["meeting__board__name"]
    fields = ["meeting", "html_sha256", "requested_at", "rendered_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class AdministratorsOnlyAdmin(admin.ModelAdmin):
    """Read by administrators only, whatever model permissions a user holds; changed by no one
    here (the worker and the schedule write these)."""

    def has_module_permission(self, request):
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class JobAttemptsMixin:
    @admin.display(description="attempt")
    def attempt(self, obj) -> str:
        try:
            of = max_attempts_of(obj.task)
        except ImportError:
            of = "?"
        return f"{attempt_of(obj.args_kwargs.get('kwargs', {}))} of {of}"

    @admin.display(description="error")
    def error(self, obj) -> str:
        lines = [line for line in obj.traceback.strip().splitlines() if line.strip()]
        return lines[-1] if lines else obj.exception_class_path


# django-tasks-db's own list of every job, shown to administrators only.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class JobAdmin(JobAttemptsMixin, AdministratorsOnlyAdmin, DBTaskResultAdmin):
    """Every background job: queued, running, done or failed."""

    list_display = ["task_name", "status", "attempt", "enqueued_at", "finished_at"]


@admin.register(FailedJob)
class FailedJobAdmin(JobAttemptsMixin, AdministratorsOnlyAdmin, DBTaskResultAdmin):
    """The jobs that raised, newest first, with the error; the traceback on each one's page. An
    attempt short of the last was enqueued again; the last one was given up."""

    list_display = ["__str__", "finished_at", "attempt", "error"]
    list_filter = ["queue_name"]
    ordering = ["-finished_at"]
    search_fields = ["task_path", "traceback"]


@admin.register(ScheduledRun)
class ScheduledRunAdmin(AdministratorsOnlyAdmin):
    """When each entry of the schedule (reporting/schedule.py) was enqueued, once per period."""

    list_display = ["__str__", "enqueued_at"]
    list_filter = ["name"]
    search_fields = ["name", "period"]


@admin.register(BoardPackRender)
class BoardPackRenderAdmin(AdministratorsOnlyAdmin):
    """Where each board pack's PDF stands: asked for, being laid out, last finished."""

    list_display = ["__str__", "requested_at", "started_at", "finished_at"]
    list_select_related = ["board", "term"]
    list_filter = ["term"]
    search_fields = ["board__name"]


@admin.register(BoardPackPart)
class BoardPackPartAdmin(AdministratorsOnlyAdmin):
    """The parts of board packs laid out on their own and kept by the hash of their HTML,
    reused by every pack with the same content (reporting/pack_layout.py); no board is named,
    and the PDF is not shown here."""

    list_display = ["__str__", "pages", "size_kb", "used_at"]
    search_fields = ["html_sha256"]
    fields = ["html_sha256", "pages", "size_kb", "used_at"]
    readonly_fields = fields

    @admin.display(description="size (KB)")
    def size_kb(self, part: BoardPackPart) -> int:
        return len(part.pdf) // 1024


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Who has an API token, when it was made and last used; the key itself is never kept.
    Revoking one (say, for someone who left) makes calls with it answer 401."""

    list_display = ["user", "shown_part", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "user__first_name", "user__last_name", "shown_part"]
    fields = list_display
    readonly_fields = fields
    actions = ["revoke_tokens"]

    @admin.action(description="Revoke the selected API tokens", permissions=["delete"])
    def revoke_tokens(self, request, queryset) -> None:
        count = sum(
            api_services.api_token_revoke(user=token.user)
            for token in queryset.active().select_related("user")
        )
        self.message_user(request, f"Revoked {count} API token{'' if count == 1 else 's'}.")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Who has a calendar feed; the secret address itself is never shown. Resetting one (say,
    for someone who left) makes its old address answer 404."""

    list_display = ["user", "reset_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "reset_at"]
    readonly_fields = fields
    actions = ["reset_addresses"]

    @admin.action(description="Reset the selected calendars' addresses", permissions=["delete"])
    def reset_addresses(self, request, queryset) -> None:
        for feed in queryset.select_related("user"):
            services.calendar_feed_reset(user=feed.user)
        count = len(queryset)
        self.message_user(request, f"Reset {count} calendar address{'' if count == 1 else 'es'}.")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
