"""The three roles of the product, and every role check: views and templates ask here.

Views ask a rule through RuleRequiredMixin (or require_rule, for a check inside a handler);
templates through `can` (TemplateRules), never by comparing role names.

A person holds a role in each partnership they belong to (core.models.PartnershipMembership);
the rules answer for the partnership they are working in (core.partnerships). Each role is also a
Django group, which carries its model permissions for the admin: the groups a person is in follow
their memberships (core.signals). The permissions are declared below and applied by data
migrations through `sync_role_groups`, so a new model only needs a line here and a migration
that calls it.
"""

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

from core.partnerships import in_current_partnership, memberships_of, scope

COMMISSIONER = "Commissioner"
BOARD_MEMBER = "Board member"
ADMINISTRATOR = "Administrator"
ALL_ROLES = frozenset({COMMISSIONER, BOARD_MEMBER, ADMINISTRATOR})

DOMAIN_APPS = ("governance", "priorities", "commissioning", "participation", "reporting")

# Models (app label -> model names) that commissioners add and change; they view the rest.
COMMISSIONER_EDITS: dict[str, set[str]] = {
    "governance": {
        "meeting",
        "agendaitem",
        "decision",
        "attendance",
        "interest",
        "declaration",
        "forwardplanentry",
    },
    "priorities": {
        "objective",
        "action",
        "progressupdate",
        "indicator",
        "indicatorvalue",
    },
    "commissioning": {
        "commissioningactivity",
        "stagemove",
        "needsassessment",
        "contractreview",
        # Kept by the leads of a contract's priority (can_edit_contract), in the product.
        "contract",
        "extensionoption",
        "contractvariation",
        "decommissioningplan",
        "contribution",
        "keyperformanceindicator",
        "kpivalue",
        "performanceassessment",
    },
    "participation": {
        "participationrecord",
        "yousaiditem",
        "voiceanswer",
        "decommissioningconsultation",
        "hearbyrightassessment",
        "hearbyrightscore",
    },
    "reporting": {"termlyreport", "reportcomment"},
}
# Administrators also manage the people who use the product, and see in the admin what each
# was notified and emailed (core: notifications, preferences, emails sent), and their
# two-factor devices (to remove a lost phone's app; the admin never shows the secrets).
ADMINISTRATOR_EXTRA_APPS = ("auth", "core", "otp_totp", "otp_static")


def roles_of(user) -> frozenset[str]:
    """The roles a user holds in the partnership they are working in (core.partnerships), read
    once per request and kept on the user object. A superuser administers every partnership."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_jcm_roles", None)
    if cached is None:
        memberships = memberships_of(user)
        current = memberships.current
        names = set(memberships.roles_in(current.pk) if current else ()) & ALL_ROLES
        if user.is_superuser:
            names.add(ADMINISTRATOR)
        cached = user._jcm_roles = frozenset(names)
    return cached


def has_any_role(user, roles: Iterable[str] = ALL_ROLES) -> bool:
    return bool(roles_of(user) & frozenset(roles))


def is_commissioner(user) -> bool:
    return COMMISSIONER in roles_of(user)


def is_board_member(user) -> bool:
    return BOARD_MEMBER in roles_of(user)


def is_administrator(user) -> bool:
    return ADMINISTRATOR in roles_of(user)


def is_editor(user) -> bool:
    """Pages that change data: commissioners and administrators, never board members."""
    return bool(roles_of(user) & {COMMISSIONER, ADMINISTRATOR})


def can_open_admin(user) -> bool:
    """The Django admin: administrators whose account is also marked as staff."""
    return is_administrator(user) and user.is_staff


ROLE_REFUSAL = "Your role does not give access to this page."


def require_rule(user, rule: Callable[..., bool], obj: Any = None, *, message: str) -> None:
    """Answer 403 with `message` unless `rule(user)`, or `rule(user, obj)` given an object, says
    yes: every refusal of the product goes through here, the view mixin's included."""
    allowed = rule(user) if obj is None else rule(user, obj)
    if not allowed:
        raise PermissionDenied(message)


class RuleRequiredMixin(AccessMixin):
    """Refuse (403) a signed-in user whom `permission_rule` refuses, before the view runs.

    `permission_rule` is a rule of this module, set with `staticmethod()`. It is asked about the
    user alone, or about the object `get_permission_object()` returns: fetch that object into a
    `cached_property` of the view, so the page's own methods read it without a second query
    (and a missing one answers 404 before the rule is asked). Anonymous visitors never get here:
    LoginRequiredMiddleware sends them to sign in.
    """

    permission_rule: Callable[..., bool] = staticmethod(has_any_role)
    permission_denied_message = ROLE_REFUSAL

    def get_permission_object(self) -> Any:
        """What the rule is asked about; None asks it about the user alone."""
        return None

    def dispatch(self, request, *args, **kwargs):
        # Someone without a role (in any partnership) is refused before any record is looked
        # up: they learn nothing of which records exist.
        require_rule(request.user, has_any_role, message=ROLE_REFUSAL)
        require_rule(
            request.user,
            self.permission_rule,
            self.get_permission_object(),
            message=self.get_permission_denied_message(),
        )
        return super().dispatch(request, *args, **kwargs)


class RoleRequiredMixin(RuleRequiredMixin):
    """Pages every role reads: refuse (403) a signed-in user without a role."""

    permission_rule = staticmethod(has_any_role)


class EditorRequiredMixin(RuleRequiredMixin):
    """Pages that change data: commissioners and administrators, never board members."""

    permission_rule = staticmethod(is_editor)


def _codenames_wanted(role: str, app_label: str, model: str) -> set[str]:
    if role == ADMINISTRATOR:
        return {f"{action}_{model}" for action in ("add", "change", "delete", "view")}
    wanted = {f"view_{model}"}
    if role == COMMISSIONER and model in COMMISSIONER_EDITS.get(app_label, set()):
        wanted |= {f"add_{model}", f"change_{model}"}
    # The one thing board members write: see BOARD_MEMBER_ADDS under "Termly reports".
    if role == BOARD_MEMBER and model in BOARD_MEMBER_ADDS.get(app_label, set()):
        wanted |= {f"add_{model}"}
    return wanted


def sync_role_groups(apps, schema_editor=None) -> None:
    """Create the three groups and give each exactly the permissions declared above.

    Runs inside migrations with the historical app registry, so it first creates the
    permissions of models that migrated in the same run.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips an app whose models_module is unset, as it is in the
        # migrations' registry; put back what was there, so that a call with the project's
        # own registry (the browser journeys' fixtures) leaves it as it found it.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.select_related("content_type").filter(
        content_type__app_label__in=DOMAIN_APPS + ADMINISTRATOR_EXTRA_APPS
    )
    for role in sorted(ALL_ROLES):
        group, _ = Group.objects.get_or_create(name=role)
        granted = []
        for permission in permissions:
            app_label = permission.content_type.app_label
            if app_label in ADMINISTRATOR_EXTRA_APPS and role != ADMINISTRATOR:
                continue
            model = permission.content_type.model
            if permission.codename in _codenames_wanted(role, app_label, model):
                granted.append(permission)
        group.permissions.set(granted)


# Governance


def can_edit_board_records(user, board) -> bool:
    """Record a board's meetings, minutes, agenda items and decisions, and publish its papers:
    administrators, and commissioners who hold a current recording seat on it (chair,
    vice-chair, secretary or clerk, with their account set on the membership: governance
    Membership.records_for_board). Reads `memberships` through any prefetch the caller made."""
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return any(
        membership.user_id == user.pk and membership.records_for_board
        for membership in board.memberships.all()
    )


def can_edit_boards(user) -> bool:
    """Add boards and change their name, kind, reporting line, purpose, frequency and whether
    they are active: administrators only."""
    return is_administrator(user)


def can_edit_board_members(user, board) -> bool:
    """Add, change and end a board's memberships: administrators, and the board's clerk, a
    commissioner holding its current "Secretary or clerk" seat with their account set on it.
    Reads `memberships` through any prefetch the caller made."""
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return any(
        membership.user_id == user.pk
        and membership.role == "secretary"  # governance Membership.Role.SECRETARY
        and membership.records_for_board
        for membership in board.memberships.all()
    )


# Priorities


def can_edit_priority_area(user, priority_area) -> bool:
    """Add actions, log progress and keep indicators: administrators, and the lead commissioners.

    Reads `lead_commissioners` through any prefetch the caller made, so lists cost no extra query.
    """
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return any(lead.pk == user.pk for lead in priority_area.lead_commissioners.all())


def can_add_actions(user) -> bool:
    """Add actions to some priority's plan (one they may edit: `activity_priority_areas_for`):
    administrators, and commissioners who lead a priority."""
    return can_start_activity(user)


def can_edit_action(user, action) -> bool:
    """Edit an action and log its progress: administrators, its owner, its priority's leads."""
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return action.owner_id == user.pk or can_edit_priority_area(user, action.priority_area)


# Commissioning


def can_edit_activity(user, activity) -> bool:
    """Move and edit a commissioning activity: administrators, its lead commissioner, and the
    lead commissioners of its priority (read through any prefetch the caller made)."""
    if not in_current_partnership(user, activity.partnership_id):
        return False  # shared with this partnership: its lead partnership keeps it
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return activity.lead_commissioner_id == user.pk or can_edit_priority_area(
        user, activity.priority_area
    )


def can_start_activity(user) -> bool:
    """Start an activity (or a re-commissioning): administrators, and commissioners who lead a
    priority; which priorities they may choose is `activity_priority_areas_for`."""
    if is_administrator(user):
        return True
    return is_commissioner(user) and scope(user.led_priority_areas.all(), user).exists()


def activity_priority_areas_for(user, priority_areas):
    """The priority areas under which `user` may start or keep an activity."""
    if is_administrator(user):
        return priority_areas
    if not is_commissioner(user):
        return priority_areas.none()
    return priority_areas.filter(lead_commissioners=user)


def can_add_contract(user) -> bool:
    """Add a contract: administrators, and commissioners who lead a priority (the contract's
    priority must be one of theirs: `activity_priority_areas_for`)."""
    return can_start_activity(user)


def can_edit_decommissioning_plan(user, plan) -> bool:
    """Fill in a decommissioning plan and link its consultations: whoever keeps the contract."""
    return can_edit_contract(user, plan.contract)


def can_edit_contract(user, contract) -> bool:
    """Edit a contract and take its decisions: administrators, and the lead commissioners of the
    contract's priority; a contract with no priority is kept by administrators. A contract shared
    with this partnership is kept by its lead partnership."""
    if not in_current_partnership(user, contract.partnership_id):
        return False
    if is_administrator(user):
        return True
    return contract.priority_area is not None and can_edit_priority_area(
        user, contract.priority_area
    )


def can_edit_contribution(user, contribution) -> bool:
    """Change or remove a partner's share: whoever may edit the contract (can_edit_contract) or
    the activity (can_edit_activity) it is a share of."""
    if contribution.contract_id is not None:
        return can_edit_contract(user, contribution.contract)
    return can_edit_activity(user, contribution.activity)


def can_review_contract(user, contract) -> bool:
    """Record a contract's review: whoever may edit the contract, and whoever may edit the
    activity that let it."""
    if can_edit_contract(user, contract):
        return True
    return contract.activity is not None and can_edit_activity(user, contract.activity)


# Participation


def can_log_participation(user) -> bool:
    """Log a participation record: administrators, and commissioners who lead a priority;
    which priorities they may choose is `participation_priority_areas_for`."""
    return can_start_activity(user)


def participation_priority_areas_for(user, priority_areas):
    """The priority areas a user may attach to a participation record."""
    return activity_priority_areas_for(user, priority_areas)


def can_edit_participation_record(user, record) -> bool:
    """Edit a participation record: administrators, and the lead commissioners of any of its
    priority areas (read through any prefetch of `priority_areas__lead_commissioners`)."""
    if is_administrator(user):
        return True
    if not is_commissioner(user):
        return False
    return any(can_edit_priority_area(user, area) for area in record.priority_areas.all())


def can_publish_participation_record(user, record) -> bool:
    """Publish a record on the public pages, or take it off: whoever may edit it."""
    return can_edit_participation_record(user, record)


def can_edit_hear_by_right(user) -> bool:
    """Score the partnership's Hear by Right self-assessment: whoever may log participation."""
    return can_log_participation(user)


def can_answer_voice_questions(user, activity) -> bool:
    """Answer the voice-of-the-child questions of an activity: whoever may move it."""
    return can_edit_activity(user, activity)


# Termly reports

# Board members are view-only everywhere except here: challenging a submitted report is what
# they come for, so they add report comments (their challenges), and never change them.
BOARD_MEMBER_ADDS: dict[str, set[str]] = {"reporting": {"reportcomment"}}


def can_read_report(user, report) -> bool:
    """Every role reads every report, drafts included."""
    return has_any_role(user)


def can_write_report(user, report) -> bool:
    """Write the commissioner's words, submit, start a new version, mark presented or noted:
    administrators and the priority's lead commissioners."""
    return can_edit_priority_area(user, report.priority_area)


def can_challenge_report(user, report) -> bool:
    """Board members (and administrators) challenge a report once it has been submitted."""
    if report.is_draft:
        return False
    return bool(roles_of(user) & {BOARD_MEMBER, ADMINISTRATOR})


def can_answer_challenge(user, report) -> bool:
    """The priority's lead commissioners (and administrators) answer challenges on its report."""
    return can_edit_priority_area(user, report.priority_area)


# Notifications


def can_read_notification(user, notification) -> bool:
    """Every role has notifications; each person reads, opens and marks only their own."""
    return has_any_role(user) and notification.recipient_id == user.pk


# Templates


class TemplateRules:
    """The rules a template asks about the signed-in user alone, as `{% if can.<name> %}`
    (`can` comes from core.context_processors). Each answer is worked out once per page.

    Templates never compare role names: what a page shows about one object (an action, a
    report) the view asks of its rule above and passes on, as `can_edit` and the like.
    """

    def __init__(self, user):
        self.user = user

    @cached_property
    def read(self) -> bool:
        """The pages every role reads; a user without a role sees only the home page."""
        return has_any_role(self.user)

    @cached_property
    def commission(self) -> bool:
        """A commissioner's own work: their actions, reports to write, feedback owed."""
        return is_commissioner(self.user)

    @cached_property
    def scrutinise(self) -> bool:
        """A board member's own work: this term's reports and those awaiting their challenge."""
        return is_board_member(self.user)

    @cached_property
    def administer(self) -> bool:
        """An administrator's own work: boards, people and their roles, contracts."""
        return is_administrator(self.user)

    @cached_property
    def open_admin(self) -> bool:
        return can_open_admin(self.user)


# History


def can_purge_history(user) -> bool:
    """Remove a value (a child's identity typed by mistake) from a record's audit history:
    administrators only."""
    return is_administrator(user)
