"""The permission matrix's table: each URL name, the object it needs, and each role's status.

Read by test_permission_matrix (every URL, every role) and test_bad_input (every form).
"""

from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    KpiFactory,
)
from core.tests.factories import AdministratorFactory, BoardMemberFactory, CommissionerFactory
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
)
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
)
from reporting.services import termly_report_submit
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

ROLES = ("anonymous", "lead", "other", "board", "admin")


def by_role(anonymous: int, lead: int, other: int, board: int, admin: int) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, lead, other, board, admin), strict=True))


# Shorthands for the common rows.
EVERY_ROLE = by_role(302, 200, 200, 200, 200)
EDITORS = by_role(302, 200, 200, 403, 200)
LEAD_AND_ADMIN = by_role(302, 200, 403, 403, 200)
GET_ONLY = by_role(302, 405, 405, 405, 405)
PUBLIC = by_role(200, 200, 200, 200, 200)
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
    # Governance
    "governance:structure": {"get": EVERY_ROLE},
    "governance:board_detail": {"object": "board", "get": EVERY_ROLE},
    "governance:meeting_create": {"object": "board", "get": EDITORS, "post": EDITORS},
    "governance:meeting_detail": {"object": "meeting", "get": EVERY_ROLE},
    "governance:meeting_update": {"object": "meeting", "get": EDITORS, "post": EDITORS},
    "governance:agenda_item_create": {"object": "meeting", "get": EDITORS, "post": EDITORS},
    "governance:agenda_item_update": {"object": "agenda_item", "get": EDITORS, "post": EDITORS},
    "governance:decision_create": {"object": "meeting", "get": EDITORS, "post": EDITORS},
    "governance:decision_update": {"object": "decision", "get": EDITORS, "post": EDITORS},
    "governance:decision_log": {"get": EVERY_ROLE},
    # Priorities
    "priorities:framework_list": {"get": EVERY_ROLE},
    "priorities:framework_detail": {"object": "framework", "get": EVERY_ROLE},
    "priorities:priority_area_detail": {"object": "area", "get": EVERY_ROLE},
    "priorities:action_create": {"object": "area", "get": LEAD_AND_ADMIN, "post": LEAD_AND_ADMIN},
    "priorities:action_import": {
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
    "commissioning:contract_history": {"object": "contract", "get": EVERY_ROLE},
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
    "participation:coverage": {"get": EVERY_ROLE},
    "participation:feedback_owed": {"get": EVERY_ROLE},
    "participation:you_said_we_did": {"object": "area", "get": EVERY_ROLE},
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
    # Board members (and administrators) challenge a submitted report; commissioners answer.
    "reporting:report_challenge": {
        "object": "submitted",
        "get": by_role(302, 403, 403, 405, 405),
        "post": by_role(302, 403, 403, 302, 302),
    },
    "reporting:report_answer": {
        "object": "comment",
        "get": by_role(302, 405, 405, 405, 405),
        "post": LEAD_AND_ADMIN_ACT,
    },
    "reporting:board_pack_chooser": {"get": EVERY_ROLE},
    "reporting:board_pack": {"object": ("board", "term"), "get": EVERY_ROLE},
    "reporting:board_pack_pdf": {"object": ("board", "term"), "get": EVERY_ROLE},
    "participation:voice_answers": {
        "object": "activity",
        "get": EVERY_ROLE,
        "post": by_role(302, 400, 403, 403, 400),
    },
}


def make_world() -> dict:
    """The people of each role and the objects every URL needs, all about one priority."""
    lead = CommissionerFactory()
    area = PriorityAreaFactory(lead_commissioners=[lead])
    activity = ActivityFactory(priority_area=area, lead_commissioner=lead)
    contract = ContractFactory(activity=activity)
    meeting = MeetingFactory(board=BoardFactory())
    report = TermlyReportFactory(priority_area=area)
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
            "board": meeting.board,
            "meeting": meeting,
            "agenda_item": AgendaItemFactory(meeting=meeting),
            "decision": DecisionFactory(meeting=meeting),
            "activity": activity,
            "contract": contract,
            "contribution": ContributionFactory(contract=contract),
            "kpi": KpiFactory(contract=contract),
            "provider": contract.provider,
            "record": ParticipationRecordFactory(priority_areas=[area], created_by=lead),
            "term": report.term,
            "report": report,
            "comment": ReportCommentFactory(report=submitted),
            "submitted": submitted,
        },
    }
