"""The personal-data checker: what it finds, what it lets through, and which forms use it."""

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
import yaml
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from simple_history.models import HistoricalChanges

from core.personal_data import (
    PersonalDataFormMixin,
    check_text,
    find_personal_data,
    is_prose_field,
    nhs_number_is_valid,
)

EXAMPLE = "Jamie Example-Child, DOB 03/04/2012, 12 Acacia Road"


def _kinds(text: str) -> list[str]:
    return [finding.kind for finding in find_personal_data(text)]


def test_the_issues_example_is_named_in_full():
    """A child's name, date of birth and address were accepted in free text."""
    assert check_text(EXAMPLE) == (
        "This looks like a date of birth ('DOB 03/04/2012'), a street address "
        "('12 Acacia Road') and a child's name beside a date of birth or age "
        "('Jamie Example-Child'). Remove anything that could identify a child."
    )


def test_one_finding_reads_as_one_sentence():
    assert check_text("Seen with DOB 03/04/2012.") == (
        "This looks like a date of birth ('DOB 03/04/2012'). "
        "Remove anything that could identify a child."
    )


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("date of birth: 3 April 2012", "a date of birth", "date of birth: 3 April 2012"),
        ("born on 03.04.12 in Widnes", "a date of birth", "born on 03.04.12"),
        ("D.O.B. 2012-04-03", "a date of birth", "D.O.B. 2012-04-03"),
        ("she was born in 2012", "a date of birth", "born in 2012"),
        ("lives at 4b Mill Lane", "a street address", "4b Mill Lane"),
        ("Flat 2, 14 Church Street, Runcorn", "a street address", "Flat 2, 14 Church Street"),
        ("moved to WA7 2GW last month", "a postcode", "WA7 2GW"),
        ("postcode CH651AB", "a postcode", "CH651AB"),
        ("mum on 07700 900123", "a phone number", "07700 900123"),
        ("call +44 1928 123456", "a phone number", "+44 1928 123456"),
        ("wrote from jamie.child@example.com", "an email address", "jamie.child@example.com"),
        ("NHS no 943 476 5919", "an NHS number", "943 476 5919"),
        ("9434765919 on the form", "an NHS number", "9434765919"),
        (
            "in Year 7 at Fairfield High School",
            "a school and year group",
            "Year 7 at Fairfield High School",
        ),
        (
            "goes to Palace Fields Primary, Year 4",
            "a school and year group",
            "Palace Fields Primary, Year 4",
        ),
        (
            "Jamie Smith, aged 9, told us",
            "a child's name beside a date of birth or age",
            "Jamie Smith",
        ),
        (
            "Jamie Smith is 9 years old",
            "a child's name beside a date of birth or age",
            "Jamie Smith",
        ),
    ],
)
def test_each_kind_is_found(text, kind, found):
    assert (kind, found) in [(f.kind, f.text) for f in find_personal_data(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Due by 31/03/2019; reviewed 01/04/2019.",
        "Young people aged 13 to 19 who use the community pharmacies",
        "Children and young people aged 0-19 in the borough",
        "Key Stage 2 reading, writing and maths: SEN gap",
        "Good level of development at age 5 is 61% against 71% nationally",
        "Ensure all Health visitors are trained in Brazelton Newborn Behavioural Observations",
        "Person-centred planning from Year 9 in all secondary schools",
        "The 0-19 service spent £1,250,000 in 2018/19, 12% over budget",
        "Contract HBC-2019-0042 ends 31 March 2027; 3 options of 12 months left",
        "Liverpool Road clinic moved to the Health Park",
        "Children Looked After aged 10 to 15",
        "1234567890 (not a valid NHS number)",
        "3 Family Court hearings and 5 Safe Place hubs this term",
        "Referrals to Early Help (4) and the Edge of Care Team (12)",
    ],
)
def test_ordinary_commissioning_prose_passes(text):
    assert find_personal_data(text) == []


def test_the_nhs_number_check_digit_is_checked():
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    assert not nhs_number_is_valid("943476591")
    assert _kinds("NHS 943 476 5918") == []


def _strings(node, key=None):
    if isinstance(node, dict):
        for child_key, child in node.items():
            yield from _strings(child, child_key)
    elif isinstance(node, list):
        for child in node:
            yield from _strings(child, key)
    elif isinstance(node, str):
        yield key, node


# Seed keys that hold an organisation's contact details by right (exempt in the admin too).
CONTACT_KEYS = {"address", "contact_name", "contact_phone", "contact_email", "email"}


def test_every_demo_text_passes():
    """The checker must not refuse the demo's own words: false positives stay low."""
    checked = 0
    refused = []
    for app_label in settings.LOCAL_APPS:
        for path in sorted((Path(apps.get_app_config(app_label).path) / "demo").glob("*.yaml")):
            for key, text in _strings(yaml.safe_load(path.read_text())):
                if key in CONTACT_KEYS:
                    continue
                checked += 1
                if find_personal_data(text):
                    refused.append((path.name, key, text[:80], find_personal_data(text)))
    assert checked > 1000
    assert refused == []


def _project_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class defined in the project's apps' modules (tests and migrations aside)."""
    found = []
    for app_label in settings.LOCAL_APPS:
        package = importlib.import_module(app_label)
        for info in pkgutil.walk_packages(package.__path__, f"{app_label}."):
            if ".tests" in info.name or ".migrations" in info.name or ".management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _, obj in inspect.getmembers(module, inspect.isclass):
                if (
                    issubclass(obj, forms.BaseForm)
                    and obj.__module__ == module.__name__
                    and not obj.__name__.startswith("_")
                ):
                    found.append(obj)
    return found


def _prose_fields(form_class) -> list[str]:
    """The free-text fields of a form class: plain CharFields shown as text, and the model's
    TextFields and CharFields of 100 characters or more that it shows."""
    names = {name for name, field in form_class.base_fields.items() if is_prose_field(field)}
    meta = getattr(form_class, "_meta", None)
    if getattr(meta, "model", None) is not None:
        for model_field in meta.model._meta.get_fields():
            if model_field.name not in form_class.base_fields:
                continue
            if isinstance(model_field, models.TextField) or (
                type(model_field) is models.CharField
                and (model_field.max_length or 0) >= 100
                and not model_field.choices
            ):
                names.add(model_field.name)
    return sorted(names)


# Forms whose free text is checked by their caller instead (a test there proves it).
CHECKED_ELSEWHERE = {
    # priorities.imports.preview_rows checks every cell of a row: tests/test_personal_data.py
    "priorities.imports.ActionImportRowForm",
    # A password or a code typed to sign in: checked against the account, never stored.
    "core.accounts.AdminSignInForm",
    "core.accounts.SignInForm",
    "core.two_factor.forms.CodeForm",
    "core.two_factor.forms.SetupCodeForm",
    # The words of a search: read to find records, never stored.
    "reporting.search.forms.SearchForm",
}


def test_every_free_text_field_of_every_form_is_checked():
    """Forms accepted a child's identity in any free-text field."""
    form_classes = _project_form_classes()
    model_forms = [f for f in form_classes if issubclass(f, forms.ModelForm)]
    assert len(model_forms) > 20
    unchecked = []
    for form_class in form_classes:
        prose = _prose_fields(form_class)
        if not prose or f"{form_class.__module__}.{form_class.__qualname__}" in CHECKED_ELSEWHERE:
            continue
        if not issubclass(form_class, PersonalDataFormMixin):
            unchecked.append((form_class.__qualname__, prose))
            continue
        checked = set(form_class.personal_data_fields(form_class.base_fields))
        # A field left out is named in the form's personal_data_exempt, for all to see.
        exempt = set(form_class.personal_data_exempt)
        missing = [name for name in prose if name not in checked | exempt]
        if missing:
            unchecked.append((form_class.__qualname__, missing))
    assert unchecked == []


@pytest.mark.django_db
def test_every_admin_form_and_inline_is_checked(administrator):
    """Admin forms of the working records accepted a child's identity."""
    request = RequestFactory().get("/admin/")
    request.user = administrator
    unchecked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in settings.LOCAL_APPS:
            continue
        form_classes = [model_admin.form]
        form_classes += [inline.form for inline in model_admin.inlines]
        for form_class in form_classes:
            if not issubclass(form_class, PersonalDataFormMixin):
                unchecked.append((model.__name__, form_class))
    assert unchecked == []
    # The admin's own form of a record, as it builds it, checks its free text.
    action_admin = next(a for m, a in admin.site._registry.items() if m.__name__ == "Action")
    form_class = action_admin.get_form(request)
    assert {"title", "description"} <= set(form_class.personal_data_fields(form_class.base_fields))


# Fields of the loaded demo that hold contact details or machine text by right.
DEMO_FIELDS_NOT_PROSE = {
    "commissioning.Provider": {"address", "contact_name", "contact_phone", "contact_email"},
}


@pytest.mark.django_db
def test_every_text_of_the_loaded_demo_passes(demo):
    """Every text the demo loader wrote, as the forms would check it, passes the checker."""
    checked = 0
    refused = []
    for app_label in settings.LOCAL_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if issubclass(model, HistoricalChanges):
                continue  # copies of the records walked here
            skip = DEMO_FIELDS_NOT_PROSE.get(model._meta.label, set())
            names = [
                field.name
                for field in model._meta.concrete_fields
                if type(field) in (models.CharField, models.TextField)
                and not field.choices
                and field.name not in skip
            ]
            if not names:
                continue
            for row in model._default_manager.values(*names):
                for name, text in row.items():
                    checked += 1
                    if text and find_personal_data(text):
                        refused.append((model._meta.label, name, text[:80]))
    assert checked > 1000
    assert refused == []
