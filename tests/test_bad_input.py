"""Bad input never breaks a form: Hypothesis posts generated values to every create and edit
page the permission matrix lists, as an administrator (who may use them all).

For each example: no server error (the test client re-raises one), and unless the page
redirected (its sign of success) no row was added or changed anywhere: the history tables are
counted too, so an update that slipped through would show.
"""

import pytest
from django.apps import apps
from django.conf import settings
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.tests.helpers import form_data
from core.tests.sign_in import sign_in
from reporting.forms import AnswerForm
from tests.matrix import MATRIX, make_world, url_args

pytestmark = pytest.mark.django_db

# Actions posted by a button alone: no field to generate (their refusals are tested with
# their views).
BUTTONS = {
    "reporting:report_start",
    "reporting:report_submit",
    "reporting:report_new_version",
    "reporting:report_noted",
    "reporting:calendar_reset",
    "governance:meeting_publish_papers",
    "notifications:read",
    "notifications:read_all",
    "commissioning:decommissioning_plan_complete",
    "participation:decommissioning_consultation_unlink",
    "commissioning:contribution_delete",
    "participation:record_publish",
    "participation:record_unpublish",
}
# Pages open to a POST only to refuse it (405): nothing to fill in.
# The public pages (core/public.py) are GET only: they answer every POST 405.
NOT_FORMS = {"reporting:calendar_feed"} | {name for name in MATRIX if name.startswith("public:")}
# Pages that take a form: the product's rows of the matrix that check a POST.
FORM_URL_NAMES = sorted(
    name
    for name, rule in MATRIX.items()
    if ":" in name and "post" in rule and name not in BUTTONS | NOT_FORMS
)
# A page whose form is shown on another page: (that page, the form's context name).
FORM_SHOWN_ON = {
    "priorities:progress_create": ("priorities:action_detail", "progress_form"),
    "reporting:report_challenge": ("reporting:report_detail", "challenge_form"),
}
# A form shown once per row of another page: its class, to generate its fields from.
FORM_CLASSES = {"reporting:report_answer": AnswerForm}

ODD_DATES = st.sampled_from(
    [
        "31/02/2026",
        "2026-13-01",
        "1/1/1",
        "0000-00-00",
        "25/11/26",
        "2026-11-25T10:00:00+14:00",
        "yesterday",
        "99999-01-01",
        "29/02/2025",
        "2026–11–25",
    ]
)
ODD_NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e309", "-0", "0x10", "١٢", "½", "12,000", "£1,000.00", "NaN"]),
)
ODD_TEXT = st.one_of(
    st.just(""),
    st.just("   "),
    st.text(max_size=40),
    st.text(alphabet="é漢字🙂‮\u200b<>&\"'", min_size=1, max_size=40),
    st.text(min_size=1, max_size=8).map(lambda chunk: chunk * 2000),
)
VALUE = st.one_of(ODD_TEXT, ODD_NUMBERS, ODD_DATES)


def _domain_row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for label in settings.LOCAL_APPS
        for model in apps.get_app_config(label).get_models()
    }


def _form_on_page(response, context_name: str | None) -> BaseForm:
    """The page's form: `form` by Django's convention, a list page's filter form, or the one
    context value that is a form."""
    context = response.context
    if context_name or "form" in context:
        return context[context_name or "form"]
    if "filter" in context:
        return context["filter"].form
    # A ContextList iterates over its contexts, not its keys: .keys() is needed here.
    keys = context.keys()  # noqa: SIM118
    for key in keys:
        if isinstance(context[key], BaseForm):
            return context[key]
        if isinstance(context[key], BaseFormSet):
            return context[key].management_form
    raise AssertionError(f"No form on {response.request['PATH_INFO']}")


@pytest.mark.parametrize("name", FORM_URL_NAMES)
def test_generated_input_never_breaks_a_form(name):
    world = make_world()
    rule = MATRIX[name]
    args = url_args(world, rule.get("object", ()))
    url = reverse(name, args=args)
    client = Client()
    sign_in(client, world["people"]["admin"])
    if name in FORM_CLASSES:
        form = FORM_CLASSES[name]()
    else:
        page_name, context_name = FORM_SHOWN_ON.get(name, (name, None))
        form = _form_on_page(client.get(reverse(page_name, args=args)), context_name)
    valid_looking = form_data(form)

    @hypothesis_settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(changes=st.dictionaries(st.sampled_from(sorted(form.fields)), VALUE, min_size=1))
    def post_generated(changes):
        before = _domain_row_counts()
        response = client.post(url, valid_looking | changes)
        assert response.status_code < 500
        if response.status_code != 302:
            assert _domain_row_counts() == before

    post_generated()
