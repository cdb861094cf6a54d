"""One way of asking for permission: RuleRequiredMixin and require_rule in views, `can` in
templates, all asking the rules of core.roles; no template compares a role name."""

import re
from functools import cached_property
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.autoreload import get_template_directories
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views import View

from core import roles
from core.roles import (
    ROLE_REFUSAL,
    RoleRequiredMixin,
    RuleRequiredMixin,
    TemplateRules,
    can_edit_priority_area,
    require_rule,
)
from core.tests.factories import (
    AdministratorFactory,
    BoardMemberFactory,
    CommissionerFactory,
    UserFactory,
)
from priorities.models import PriorityArea
from priorities.tests.factories import ActionFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Only the priority's lead commissioners open this page."


class PriorityAreaPage(RuleRequiredMixin, View):
    """A page of one priority for its editors: the shape of every object page of the product."""

    permission_rule = staticmethod(can_edit_priority_area)
    permission_denied_message = REFUSAL

    @cached_property
    def priority_area(self) -> PriorityArea:
        return get_object_or_404(PriorityArea, pk=self.kwargs["pk"])

    def get_permission_object(self) -> PriorityArea:
        return self.priority_area

    def get(self, request, pk):
        return HttpResponse(f"The plan of {self.priority_area.title}")


class EveryRolePage(RoleRequiredMixin, View):
    def get(self, request):
        return HttpResponse("For every role")


def _get(view, user, **kwargs):
    request = RequestFactory().get("/")
    request.user = user
    return view.as_view()(request, **kwargs)


def _selects_from(queries, table: str) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in queries)


# The view mixin


def test_the_mixin_refuses_a_user_the_rule_refuses_with_the_views_message():
    area = PriorityAreaFactory(lead_commissioners=[CommissionerFactory()])
    with pytest.raises(PermissionDenied, match=REFUSAL):
        _get(PriorityAreaPage, CommissionerFactory(), pk=area.pk)


def test_the_mixin_lets_in_a_user_the_rule_allows():
    lead = CommissionerFactory()
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[lead])
    response = _get(PriorityAreaPage, lead, pk=area.pk)
    assert response.status_code == 200
    assert response.content.decode() == "The plan of Children in Care"


def test_the_mixin_fetches_the_object_once_for_the_rule_and_the_page():
    lead = CommissionerFactory()
    area = PriorityAreaFactory(lead_commissioners=[lead])
    with CaptureQueriesContext(connection) as queries:
        _get(PriorityAreaPage, lead, pk=area.pk)
    assert _selects_from(queries, "priorities_priorityarea") == 1


def test_a_missing_object_answers_404_before_the_rule_is_asked():
    with pytest.raises(Http404):
        _get(PriorityAreaPage, BoardMemberFactory(), pk=999_999)


def test_a_rule_about_the_user_alone_is_asked_without_an_object():
    assert _get(EveryRolePage, BoardMemberFactory()).status_code == 200
    with pytest.raises(PermissionDenied, match=ROLE_REFUSAL):
        _get(EveryRolePage, UserFactory())


def test_require_rule_answers_403_with_its_message_or_lets_the_request_on():
    lead = CommissionerFactory()
    area = PriorityAreaFactory(lead_commissioners=[lead])
    require_rule(lead, can_edit_priority_area, area, message="never raised")
    require_rule(lead, roles.is_commissioner, message="never raised")
    with pytest.raises(PermissionDenied, match="Leads only."):
        require_rule(BoardMemberFactory(), can_edit_priority_area, area, message="Leads only.")


def test_an_edit_page_asks_its_rule_and_reads_its_record_once(client):
    """The three steps of a real page, and the action it edits read from the database once."""
    lead = CommissionerFactory()
    action = ActionFactory(owner=lead, title="Recruit two advocates")
    url = reverse("priorities:action_update", args=[action.pk])
    assert client.get(url).status_code == 302
    client.force_login(CommissionerFactory())
    refused = client.get(url)
    assert refused.status_code == 403
    assert "You cannot open this page" in refused.content.decode()
    client.force_login(lead)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Recruit two advocates" in response.content.decode()
    assert _selects_from(queries, "priorities_action") == 1


# `can` in templates


@pytest.mark.parametrize(
    ("make_user", "allowed"),
    [
        (UserFactory, set()),
        (CommissionerFactory, {"read", "commission"}),
        (BoardMemberFactory, {"read", "scrutinise"}),
        (lambda: AdministratorFactory(is_staff=False), {"read", "administer"}),
        (lambda: AdministratorFactory(is_staff=True), {"read", "administer", "open_admin"}),
    ],
)
def test_can_answers_each_template_rule_from_the_rules_of_config_roles(make_user, allowed):
    can = TemplateRules(make_user())
    assert {name for name in _template_rule_names() if getattr(can, name)} == allowed


def test_can_reads_the_users_roles_once_however_many_rules_a_page_asks(
    django_assert_num_queries,
):
    can = TemplateRules(CommissionerFactory())
    with django_assert_num_queries(1):
        for name in _template_rule_names():
            getattr(can, name)
            getattr(can, name)


def test_can_knows_nobody_without_a_user():
    can = TemplateRules(None)
    assert not any(getattr(can, name) for name in _template_rule_names())


# No template compares a role name

ROLE_NAMES = (roles.COMMISSIONER, roles.BOARD_MEMBER, roles.ADMINISTRATOR)
TEMPLATE_TAG = re.compile(r"{%.*?%}", re.DOTALL)
QUOTED_ROLE = re.compile(
    "|".join(rf"[\"']{re.escape(name)}[\"']" for name in ROLE_NAMES), re.IGNORECASE
)
CAN_NAME = re.compile(r"\bcan\.(\w+)")


def role_comparisons(source: str) -> list[str]:
    """The tags of a template that test a role by its name, or test `user_roles` at all:
    `user_roles` is there to be shown, and templates ask `can` instead."""
    return [
        tag
        for tag in TEMPLATE_TAG.findall(source)
        if "user_roles" in tag or QUOTED_ROLE.search(tag)
    ]


def _template_rule_names() -> list[str]:
    return [
        name for name, value in vars(TemplateRules).items() if isinstance(value, cached_property)
    ]


def _project_templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    directories = [
        directory
        for directory in get_template_directories()
        if directory.is_relative_to(base) and not {".venv", "site-packages"} & set(directory.parts)
    ]
    return sorted(path for directory in directories for path in directory.rglob("*.html"))


@pytest.mark.parametrize(
    "source",
    [
        '{% if "Commissioner" in user_roles %}',
        "{% if 'board member' in user_roles %}",
        '{% for role in roles %}{% if role == "Administrator" %}x{% endif %}{% endfor %}',
        "{% if user_roles %}",
        '{% with admin="Administrator" %}',
    ],
)
def test_the_scan_finds_a_role_compared_by_name(source):
    assert role_comparisons(source)


def test_the_scan_lets_templates_show_roles_and_ask_can():
    source = (
        '{% if can.commission %}{% include "card.html" with heading="As a commissioner" %}'
        '{% endif %}<p>You are signed in as {{ user_roles|join:" and " }}.</p>'
    )
    assert role_comparisons(source) == []


def test_no_template_compares_a_role_name():
    templates = _project_templates()
    assert Path(settings.BASE_DIR, "templates", "home.html") in templates
    assert any("priorities" in path.parts for path in templates), "app templates are scanned"
    found = {
        str(path.relative_to(settings.BASE_DIR)): comparisons
        for path in templates
        if (comparisons := role_comparisons(path.read_text()))
    }
    assert found == {}, "ask `can` (core.roles.TemplateRules), never a role's name"


def test_every_rule_a_template_asks_of_can_exists():
    """A misspelt `can.<name>` would silently read as "no"."""
    names = _template_rule_names()
    asked = {
        (str(path.relative_to(settings.BASE_DIR)), name)
        for path in _project_templates()
        for name in CAN_NAME.findall(path.read_text())
    }
    assert asked, "the templates ask `can`"
    assert {(path, name) for path, name in asked if name not in names} == set()
