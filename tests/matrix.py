"""The permission matrix's table: each URL name, the object it needs, and each role's status.

Read by test_permission_matrix (every URL, every role) and test_bad_input (every form).
"""

from django.utils import timezone

from commissioning.models import DecommissioningPlan
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    ContributionFactory,
    DecommissioningPlanFactory,
    KpiFactory,
)
from core.academic_years import academic_year_of
from core.models import Partnership
from core.tests.factories import (
    AdministratorFactory,
    BoardMemberFactory,
    CommissionerFactory,
    NotificationFactory,
)
from governance.models import Membership
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    ForwardPlanEntryFactory,
    InterestFactory,
    MeetingFactory,
    MembershipFactory,
)
from participation.tests.factories import (
    DecommissioningConsultationFactory,
    HearByRightAssessmentFactory,
    ParticipationRecordFactory,
    VoiceAnswerFactory,
)
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting.models import CalendarFeed
from reporting.services import calendar_feed_for, termly_report_submit
from reporting.tests.factories import (
    BoardPackPdfFactory,
    ReportCommentFactory,
    TermlyReportFactory,
)

ROLES = ("anonymous", "lead", "other", "board", "admin")


def by_role(anonymous: int, lead: int, other: int, board: int, admin: int) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, lead, other, board, admin), strict=True))


# Shorthands for the common rows.
EVERY_ROLE = by_role(302, 200, 200, 200, 200)
EDITORS = by_role(302, 200, 200, 403, 200)
LEAD_AND_ADMIN = by_role(302, 200, 403, 403, 200)
ADMIN_ONLY = by_role(302, 403, 403, 403, 200)
GET_ONLY = by_role(302, 405, 405, 405, 405)
PUBLIC = by_role(200, 200, 200, 200, 200)
NOT_ALLOWED = by_role(405, 405, 405, 405, 405)
# The JSON API: it answers a caller without credentials 401 itself (reporting/api/); every
# role reads. Its writes are refused (405) to everyone: reporting/tests/test_api.py.
API_READ = by_role(401, 200, 200, 200, 200)
# Actions that only take a POST and redirect when done.
LEAD_AND_ADMIN_ACT = by_role(302, 302, 403, 403, 302)
LEAD_POSTS = by_role(302, 405, 403, 403, 405)

MATRIX: dict[str, dict] = {
    # Accounts and the home page
    "home": {"get": EVERY_ROLE},
    "healthz": {"get": PUBLIC, "post": by_role(405, 405, 405, 405, 405)},
    "login": {"get": by_role(200, 302, 302, 302, 302), "post": by_role(200, 302, 302, 302, 302)},
    "logout": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 302)},
    "password_change": {"get": EVERY_ROLE, "post": EVERY_ROLE},
    "password_change_done": {"get": EVERY_ROLE},
    # Django admin's own password change, sent to the product's (which counts wrong ones).
    "admin_password_change": {"get": by_role(302, 302, 302, 302, 302)},
    # Single sign-on is off unless configured (core/tests/test_sso.py turns it on).
    "sso_start": {"get": by_role(404, 404, 404, 404, 404)},
    "sso_callback": {"get": by_role(404, 404, 404, 404, 404)},
    # Two-factor authentication: everyone's own. Only the administrator has an app (and has
    # entered its code): the others are sent to set one up, and have no backup codes to renew.
    "two_factor": {"get": EVERY_ROLE},
    "two_factor_setup": {"get": EVERY_ROLE, "post": EVERY_ROLE},
    "two_factor_verify": {
        "get": by_role(302, 302, 302, 302, 302),
        "post": by_role(302, 302, 302, 302, 302),
    },
    "two_factor_backup_codes": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 200)},
    # The keep-alive of the sign-out warning: a POST renews the session.
    "session_keep_alive": {"get": GET_ONLY, "post": EVERY_ROLE},
    # The partnership switcher: an empty POST names none of one's partnerships, and goes home.
    "switch_partnership": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 302)},
    # Notifications: everyone has their own; another's answers 404, never shows it.
    "notifications:list": {"get": EVERY_ROLE},
    "notifications:open": {"object": "notification", "get": by_role(302, 302, 404, 404, 404)},
    "notifications:read": {
        "object": "notification",
        "get": GET_ONLY,
        "post": by_role(302, 302, 404, 404, 404),
    },
    "notifications:read_all": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 302)},
    "notifications:preferences": {"get": EVERY_ROLE, "post": EVERY_ROLE},
    # Search across everything: every role searches what it reads (reporting/search/).
    "search": {"get": EVERY_ROLE},
    # Governance
    "governance:structure": {"get": EVERY_ROLE},
    "governance:board_detail": {"object": "board", "get": EVERY_ROLE},
    "governance:board_history": {"object": "board", "get": EVERY_ROLE},
    # Boards themselves are kept by administrators only; a board's members by administrators
    # and its clerk (the lead holds the Secretary or clerk seat).
    "governance:board_create": {"get": ADMIN_ONLY, "post": ADMIN_ONLY},
    "governance:board_update": {"object": "board", "get": ADMIN_ONLY, "post": ADMIN_ONLY},
    "governance:membership_create": {
        "object": "board",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:membership_update": {
        "object": "membership",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:membership_end": {
        "object": "membership",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:membership_history": {"object": "membership", "get": EVERY_ROLE},
    # A board's records are kept by administrators and the commissioners holding a recording
    # seat on it (the lead is its secretary); other commissioners read them.
    "governance:meeting_create": {"object": "board", "get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "governance:meeting_detail": {"object": "meeting", "get": EVERY_ROLE},
    "governance:meeting_ics": {"object": "meeting", "get": EVERY_ROLE},
    "governance:meeting_update": {
        "object": "meeting",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    # An empty POST has no version: refused as stale, with a message, back to the meeting.
    "governance:meeting_publish_papers": {
        "object": "meeting",
        "get": by_role(302, 405, 403, 403, 405),
        "post": LEAD_AND_ADMIN_ACT,
    },
    "governance:meeting_history": {"object": "meeting", "get": EVERY_ROLE},
    "governance:agenda_item_history": {"object": "agenda_item", "get": EVERY_ROLE},
    "governance:agenda_item_create": {
        "object": "meeting",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:agenda_item_update": {
        "object": "agenda_item",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:decision_create": {
        "object": "meeting",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:decision_update": {
        "object": "decision",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:decision_history": {"object": "decision", "get": EVERY_ROLE},
    "governance:decision_log": {"get": EVERY_ROLE},
    "governance:attendance_record": {
        "object": "meeting",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:membership_detail": {"object": "membership", "get": EVERY_ROLE},
    "governance:interest_create": {
        "object": "membership",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:interest_update": {
        "object": "interest",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:declaration_create": {
        "object": "agenda_item",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    # The forward plan: every role reads it; the board's recorders keep its entries.
    "governance:forward_plan": {"get": EVERY_ROLE},
    "governance:forward_plan_entry_create": {
        "object": "board",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:forward_plan_entry_update": {
        "object": "forward_plan_entry",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "governance:forward_plan_entry_history": {"object": "forward_plan_entry", "get": EVERY_ROLE},
    # Priorities
    "priorities:framework_list": {"get": EVERY_ROLE},
    "priorities:framework_detail": {"object": "framework", "get": EVERY_ROLE},
    "priorities:priority_area_detail": {"object": "area", "get": EVERY_ROLE},
    "priorities:action_create": {"object": "area", "get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    # The decision concerns the lead's priority: the action form, prefilled from it.
    "priorities:action_from_decision": {
        "object": "decision",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:action_import": {
        "object": "area",
        "get": LEAD_AND_ADMIN,
        "post": by_role(302, 400, 403, 403, 400),
    },
    "priorities:national_import": {
        "object": "area",
        "get": LEAD_AND_ADMIN,
        "post": by_role(302, 400, 403, 403, 400),
    },
    "priorities:priority_area_export_xlsx": {"object": "area", "get": EVERY_ROLE},
    "priorities:priority_area_export_csv": {"object": "area", "get": EVERY_ROLE},
    "priorities:objective_create": {
        "object": "area",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:objective_update": {
        "object": "objective",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:indicator_create": {
        "object": "area",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:indicator_detail": {"object": "indicator", "get": EVERY_ROLE},
    "priorities:indicator_update": {
        "object": "indicator",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:indicator_value_create": {
        "object": "indicator",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "priorities:action_list": {"get": EVERY_ROLE},
    "priorities:my_actions": {"get": EVERY_ROLE},
    # An empty POST chooses no action: refused as a bad request, with the reason on the page.
    "priorities:action_bulk_change": {"get": EDITORS, "post": by_role(302, 400, 400, 403, 400)},
    "priorities:action_list_export_xlsx": {"get": EVERY_ROLE},
    "priorities:action_list_export_csv": {"get": EVERY_ROLE},
    "priorities:action_detail": {"object": "action", "get": EVERY_ROLE},
    "priorities:action_update": {"object": "action", "get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "priorities:action_history": {"object": "action", "get": EVERY_ROLE},
    "priorities:progress_create": {
        "object": "action",
        "get": by_role(302, 405, 405, 403, 405),
        "post": by_role(302, 400, 403, 403, 400),
    },
    # Commissioning
    "commissioning:cycle_board": {"get": EVERY_ROLE},
    "commissioning:activity_create": {"get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "commissioning:activity_detail": {"object": "activity", "get": EVERY_ROLE},
    "commissioning:activity_update": {
        "object": "activity",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:activity_move": {
        "object": "activity",
        "get": LEAD_AND_ADMIN,
        "post": by_role(302, 400, 403, 403, 400),
    },
    "commissioning:needs_assessment_create": {
        "object": "activity",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:contract_list": {"get": EVERY_ROLE},
    "commissioning:pipeline": {"get": EVERY_ROLE},
    "commissioning:contract_detail": {"object": "contract", "get": EVERY_ROLE},
    # OCDS downloads: everyone reads them, board members included.
    "commissioning:contract_ocds": {"object": "contract", "get": EVERY_ROLE},
    "commissioning:contracts_ocds": {"get": EVERY_ROLE},
    "commissioning:contract_history": {"object": "contract", "get": EVERY_ROLE},
    "commissioning:contract_review_history": {"object": "review", "get": EVERY_ROLE},
    "commissioning:contract_review_create": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:contract_recommission": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:contract_create": {"get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "commissioning:contract_update": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:decommissioning_plan": {"object": "plan", "get": EVERY_ROLE},
    "commissioning:decommissioning_plan_update": {
        "object": "plan",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    # The world's plan is complete: completing it again is refused, and redirects.
    "commissioning:decommissioning_plan_complete": {
        "object": "plan",
        "get": LEAD_POSTS,
        "post": LEAD_AND_ADMIN_ACT,
    },
    "commissioning:pipeline_export_xlsx": {"get": EVERY_ROLE},
    "commissioning:pipeline_export_csv": {"get": EVERY_ROLE},
    "commissioning:partner_commitments": {"get": EVERY_ROLE},
    "commissioning:contract_contribution_create": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:activity_contribution_create": {
        "object": "activity",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:contribution_update": {
        "object": "contribution",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    # A removal posted without the version the page showed is refused as stale.
    "commissioning:contribution_delete": {
        "object": "contribution",
        "get": LEAD_AND_ADMIN,
        "post": by_role(302, 409, 403, 403, 409),
    },
    "commissioning:kpi_create": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:kpi_update": {"object": "kpi", "get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "commissioning:kpi_value_create": {
        "object": "kpi",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:assessment_create": {
        "object": "contract",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "commissioning:provider_list": {"get": EVERY_ROLE},
    "commissioning:provider_detail": {"object": "provider", "get": EVERY_ROLE},
    # Participation
    "participation:record_list": {"get": EVERY_ROLE},
    "participation:record_create": {"get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "participation:record_detail": {"object": "record", "get": EVERY_ROLE},
    "participation:record_update": {
        "object": "record",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "participation:record_public_preview": {"object": "record", "get": LEAD_AND_ADMIN},
    "participation:record_publish": {
        "object": "record",
        "get": LEAD_POSTS,
        "post": LEAD_AND_ADMIN_ACT,
    },
    "participation:record_unpublish": {
        "object": "record",
        "get": LEAD_POSTS,
        "post": LEAD_AND_ADMIN_ACT,
    },
    # The anonymised export: every role that reads the log, board members included.
    "participation:anonymised_export_csv": {"get": EVERY_ROLE},
    "participation:anonymised_export_xlsx": {"get": EVERY_ROLE},
    "participation:coverage": {"get": EVERY_ROLE},
    "participation:feedback_owed": {"get": EVERY_ROLE},
    "participation:you_said_we_did": {"object": "area", "get": EVERY_ROLE},
    # Hear by Right: a year of the partnership one works in (this year's, or the one named);
    # scored by whoever logs participation.
    "participation:hear_by_right": {"get": EVERY_ROLE},
    "participation:hear_by_right_year": {"object": "year", "get": EVERY_ROLE},
    "participation:hear_by_right_edit": {
        "object": "year",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "participation:hear_by_right_history": {"object": "hear_by_right", "get": EVERY_ROLE},
    # Termly reports and board packs (actions that only POST answer GET with 405)
    "reporting:report_list": {"get": EVERY_ROLE},
    "reporting:report_start": {
        "object": ("area", "term"),
        "get": by_role(302, 405, 405, 405, 405),
        "post": LEAD_AND_ADMIN_ACT,
    },
    "reporting:report_detail": {"object": "report", "get": EVERY_ROLE},
    "reporting:report_history": {"object": "report", "get": EVERY_ROLE},
    # Every word is optional: an empty post is valid but has no version, so it is refused as
    # stale (409), as an edit posted without its version always is.
    "reporting:report_words": {
        "object": "report",
        "get": LEAD_AND_ADMIN,
        "post": by_role(302, 409, 403, 403, 409),
    },
    "reporting:report_submit": {"object": "report", "get": LEAD_POSTS, "post": LEAD_AND_ADMIN_ACT},
    "reporting:report_new_version": {
        "object": "report",
        "get": LEAD_POSTS,
        "post": LEAD_AND_ADMIN_ACT,
    },
    "reporting:report_present": {
        "object": "report",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "reporting:report_noted": {"object": "report", "get": LEAD_POSTS, "post": LEAD_AND_ADMIN_ACT},
    # Board members (and administrators) challenge a submitted report, or a part of it named
    # by ?subject= on a page of its own; commissioners answer.
    "reporting:report_challenge": {
        "object": "submitted",
        "get": by_role(302, 403, 403, 200, 200),
        "post": by_role(302, 403, 403, 200, 200),
    },
    "reporting:report_answer": {
        "object": "comment",
        "get": by_role(302, 405, 405, 405, 405),
        "post": LEAD_AND_ADMIN_ACT,
    },
    "reporting:challenge_history": {"object": "comment", "get": EVERY_ROLE},
    "reporting:board_pack_chooser": {"get": EVERY_ROLE},
    # Calendars: each person's page and reset; the feed is open to whoever has its secret
    # address (the lead's, here), signed in or not: calendar applications cannot sign in.
    "reporting:calendar": {"get": EVERY_ROLE},
    "reporting:calendar_reset": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 302)},
    "reporting:calendar_feed": {
        "object": "calendar_feed",
        "get": PUBLIC,
        "post": by_role(405, 405, 405, 405, 405),
    },
    "reporting:board_pack": {"object": ("board", "term"), "get": EVERY_ROLE},
    "reporting:board_pack_pdf": {"object": ("board", "term"), "get": EVERY_ROLE},
    "reporting:board_pack_previous_pdf": {"object": ("board", "term"), "get": EVERY_ROLE},
    # The meeting pack: being prepared (200) until the worker has laid it out.
    "reporting:meeting_pack_pdf": {"object": "meeting", "get": EVERY_ROLE},
    "reporting:agenda_item_report": {
        "object": "agenda_item",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    "participation:decommissioning_consultation_link": {
        "object": "plan",
        "get": LEAD_AND_ADMIN,
        "post": LEAD_AND_ADMIN,
    },
    # Unlinking from a complete plan is refused (and redirects), so each role finds it there.
    "participation:decommissioning_consultation_unlink": {
        "object": "consultation",
        "get": LEAD_POSTS,
        "post": LEAD_AND_ADMIN_ACT,
    },
    "participation:voice_answer_history": {"object": "voice_answer", "get": EVERY_ROLE},
    # The partnerships' public pages: open to everyone, read-only.
    "public:index": {"get": PUBLIC, "post": NOT_ALLOWED},
    "public:partnership": {"object": "partnership", "get": PUBLIC, "post": NOT_ALLOWED},
    "public:you_said_we_did": {"object": "partnership", "get": PUBLIC, "post": NOT_ALLOWED},
    "public:priorities": {"object": "partnership", "get": PUBLIC, "post": NOT_ALLOWED},
    "public:contracts": {"object": "partnership", "get": PUBLIC, "post": NOT_ALLOWED},
    "public:contracts_csv": {"object": "partnership", "get": PUBLIC, "post": NOT_ALLOWED},
    # Each person's API token: their own page, making a token (shown on the answer), revoking.
    "api_token": {"get": EVERY_ROLE},
    "api_token_create": {"get": GET_ONLY, "post": EVERY_ROLE},
    "api_token_revoke": {"get": GET_ONLY, "post": by_role(302, 302, 302, 302, 302)},
    # The JSON API (reporting/api/): its root, schema, each resource's list and detail, and the
    # docs page, a page of the site (anonymous visitors are sent to sign in).
    "api:api-root": {"get": API_READ},
    "api:schema": {"get": API_READ},
    "api:docs": {"get": EVERY_ROLE},
    "api:framework-list": {"get": API_READ},
    "api:framework-detail": {"object": "framework", "get": API_READ},
    "api:priority-list": {"get": API_READ},
    "api:priority-detail": {"object": "area", "get": API_READ},
    "api:action-list": {"get": API_READ},
    "api:action-detail": {"object": "action", "get": API_READ},
    "api:progress-update-list": {"get": API_READ},
    "api:progress-update-detail": {"object": "progress_update", "get": API_READ},
    "api:indicator-list": {"get": API_READ},
    "api:indicator-detail": {"object": "indicator", "get": API_READ},
    "api:indicator-value-list": {"get": API_READ},
    "api:indicator-value-detail": {"object": "indicator_value", "get": API_READ},
    "api:activity-list": {"get": API_READ},
    "api:activity-detail": {"object": "activity", "get": API_READ},
    "api:contract-list": {"get": API_READ},
    "api:contract-detail": {"object": "contract", "get": API_READ},
    "api:participation-record-list": {"get": API_READ},
    "api:participation-record-detail": {"object": "published_record", "get": API_READ},
    "api:board-list": {"get": API_READ},
    "api:board-detail": {"object": "board", "get": API_READ},
    "api:meeting-list": {"get": API_READ},
    "api:meeting-detail": {"object": "meeting", "get": API_READ},
    "api:decision-list": {"get": API_READ},
    "api:decision-detail": {"object": "decision", "get": API_READ},
    "participation:voice_answers": {
        "object": "activity",
        "get": EVERY_ROLE,
        "post": by_role(302, 400, 403, 403, 400),
    },
}


def url_args(world: dict, keys: str | tuple[str, ...]) -> list:
    """The URL arguments of a row's objects: their primary keys, a calendar feed's token, a
    partnership's slug, or an academic year."""
    keys = (keys,) if isinstance(keys, str) else keys
    objects = [world["objects"][key] for key in keys]
    return [_url_arg(obj) for obj in objects]


def _url_arg(obj):
    if isinstance(obj, int):
        return obj  # an academic year
    if isinstance(obj, CalendarFeed):
        return obj.token
    if isinstance(obj, Partnership):
        return obj.slug
    return obj.pk


def make_world() -> dict:
    """The people of each role and the objects every URL needs, all about one priority."""
    lead = CommissionerFactory()
    area = PriorityAreaFactory(lead_commissioners=[lead])
    activity = ActivityFactory(priority_area=area, lead_commissioner=lead)
    contract = ContractFactory(activity=activity)
    plan = DecommissioningPlanFactory(
        contract=ContractFactory(activity=activity),
        activity__lead_commissioner=lead,
        status=DecommissioningPlan.Status.COMPLETED,
    )
    meeting = MeetingFactory(board=BoardFactory())
    # The lead records the board's meetings and decisions as its secretary.
    seat = MembershipFactory(board=meeting.board, user=lead, role=Membership.Role.SECRETARY)
    report = TermlyReportFactory(priority_area=area)
    # A PDF of the board's pack laid out earlier, offered while the current one is laid out.
    BoardPackPdfFactory(board=meeting.board, term=report.term)
    # Challenges are made on submitted reports: another priority's, frozen.
    submitted = termly_report_submit(
        report=TermlyReportFactory(priority_area=PriorityAreaFactory(lead_commissioners=[lead])),
        user=lead,
    )
    return {
        "people": {
            "anonymous": None,
            "lead": lead,
            "other": CommissionerFactory(),
            "board": BoardMemberFactory(),
            "admin": AdministratorFactory(),
        },
        "objects": {
            "framework": area.framework,
            "area": area,
            "objective": ObjectiveFactory(priority_area=area),
            "action": ActionFactory(priority_area=area, owner=lead),
            "indicator": IndicatorFactory(priority_area=area),
            "indicator_value": IndicatorValueFactory(indicator__priority_area=area),
            "progress_update": ProgressUpdateFactory(action__priority_area=area, author=lead),
            "board": meeting.board,
            "membership": seat,
            "meeting": meeting,
            "agenda_item": AgendaItemFactory(meeting=meeting),
            "decision": DecisionFactory(meeting=meeting, concerns=area),
            "interest": InterestFactory(membership=seat),
            "forward_plan_entry": ForwardPlanEntryFactory(board=meeting.board, lead=lead),
            "activity": activity,
            "contract": contract,
            "plan": plan,
            "consultation": DecommissioningConsultationFactory(plan=plan),
            "contribution": ContributionFactory(contract=contract),
            "review": ContractReviewFactory(contract=contract),
            "voice_answer": VoiceAnswerFactory(activity=activity),
            "kpi": KpiFactory(contract=contract),
            "provider": contract.provider,
            "record": ParticipationRecordFactory(priority_areas=[area], created_by=lead),
            "published_record": ParticipationRecordFactory(
                priority_areas=[area], created_by=lead, published_at=timezone.now()
            ),
            "term": report.term,
            "report": report,
            "comment": ReportCommentFactory(report=submitted),
            "submitted": submitted,
            "calendar_feed": calendar_feed_for(user=lead),
            "notification": NotificationFactory(recipient=lead),
            "partnership": area.framework.partnership,
            "year": academic_year_of(timezone.localdate()),
            "hear_by_right": HearByRightAssessmentFactory(scored=True, created_by=lead),
        },
    }
