"""What, in free text, could identify a child: one checker for every form, admin form and import.

The product records counts and "you said, we did", never a child's identity; yet a description
or a narrative is free text, and a name with a date of birth or a home address typed into one
is then shown to every role, printed in board packs and kept in the history. `find_personal_data`
looks for what would identify someone:

- a date of birth: a date after "DOB", "born" or "date of birth"; or a full date that could be
  a child's or young person's birthday (0 to 25 years before the day of the check) with a birth
  word close by (see "Dates of birth without DOB" below);
- a street address: a house number and a street ("12 Acacia Road");
- a UK postcode ("WA7 2GW");
- a phone number (UK: 0 or +44 and ten digits or so);
- an email address;
- an NHS number: ten digits whose check digit is right (modulus 11);
- a school with a year group ("Year 7 at Fairfield High School");
- a unique pupil number: a letter and 12 digits, or (a temporary UPN) a letter, 11 digits and a
  letter, whose first letter is the DfE check letter (`upn_is_valid`);
- a person-like full name beside a date of birth or an age ("Jamie Smith, aged 9");
- where the caller knows the partnership, a person's name: the first names and surnames of the
  partnership's active users and a configured list of children's first names
  (`core.person_names`), each matched only as a capitalised whole word. Names that are also
  ordinary words ("Will", "May", "Grace", "Young") are never looked for.

Dates of birth without DOB. A full date (day, month and year) is taken for a date of birth when
its year makes the person 0 to 25 years old on the day of the check and:
- a birth word ("birthday", "b'day", "d.o.b", "DOB", "born", "birth") is within a few words of
  it, in the same sentence; or
- the date is more than three years ago (`core.birth_dates.EVENT_YEARS`) and an age word
  ("aged", "age") is within a few words of it, or a name the caller looks for stands just
  before it ("Jamie, 14/03/2015").
So "the meeting on 12 March 2026" or "on 3/4/2025 the panel met" pass: a date of the last or
next few years is an event's date unless a birth word says otherwise, and an older date alone
(a contract's start) is not taken for anyone's birthday.

Every finding blocks the save on every form but one: a public-sector service must not hold these
in prose, and a confirmation box soon becomes a click-through. The exception is a participation
record (`ConfirmablePersonalDataFormMixin`): what young people said, the names of their groups
and the places they met legitimately look like names and dates, so its commissioner may tick "I
have checked: this is not about a child"; the save goes ahead and who ticked it, when, and which
kinds were found (never the words) are recorded. `PersonalDataFormMixin` applies the check to
every free-text field of a form, with the message beside the field; the admin's forms get it
from `core.apps` (see `personal_data_admin`) and never take the override.
"""

import datetime
import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.utils import timezone

from core.birth_dates import DATE, dates_of_birth

ADVICE = "Remove anything that could identify a child."

_DOB_WORDS = r"(?:D\.?O\.?B\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date)"
DATE_OF_BIRTH = re.compile(
    rf"\b{_DOB_WORDS}\s*[:,-]?\s*(?:is\s+|was\s+)?{DATE}"
    # "born in 2012": a year of birth alone narrows a child down to a class.
    r"|\bborn\s+in\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# Street words that rarely follow a number and a capitalised word in commissioning prose
# ("3 Family Court hearings", "5 Safe Place hubs" would not be addresses: Court and Place are
# left out).
_STREET_WORDS = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Grove"
    r"|Terrace|Gardens|Mews|Square|Rise|Parade|Croft)"
)
_CAPITALISED = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
STREET_ADDRESS = re.compile(
    rf"\b(?:Flat\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:{_CAPITALISED}\s+){{1,3}}"
    rf"{_STREET_WORDS}\b\.?"
)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
PHONE = re.compile(r"(?:(?<![\w+])\+44\s?\(?0?\)?\s?|\b0)\d(?:[\s-]?\d){8,9}\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
TEN_DIGITS = re.compile(r"(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d-])")
_SCHOOL_WORDS = r"(?:School|Academy|Primary|High|College|Nursery|Infants|Juniors)"
_YEAR_GROUP = r"\b(?:Year|Yr|Y)\s?(?:1[0-3]|[1-9]|R)\b"
SCHOOL_YEAR = re.compile(
    rf"{_YEAR_GROUP}[^.\n]{{0,20}}?\b(?:at|in|of|from|attends?)\s+(?:the\s+)?"
    rf"(?:{_CAPITALISED}\s+){{1,4}}{_SCHOOL_WORDS}\b"
    rf"|\b(?:{_CAPITALISED}\s+){{1,4}}{_SCHOOL_WORDS}\b[^.\n]{{0,20}}?{_YEAR_GROUP}"
)
_AGE_WORDS = (
    rf"(?:\b{_DOB_WORDS}|\baged?\s+\d{{1,2}}\b"
    r"|\b\d{1,2}[\s-]*(?:years?|yrs?|yr)[\s-]*old\b)"
)
NAME_WITH_AGE = re.compile(
    rf"\b(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,2}})\s*[,(]?\s*(?:is\s+|who\s+is\s+)?"
    rf"{_AGE_WORDS}",
)
# Capitalised words before an age that are not a person's name ("Children Looked After aged").
NOT_NAMES = frozenset(
    (
        *("a", "all", "among", "and", "any", "each", "every", "for", "from", "in", "of", "our"),
        *("the", "these", "those", "after", "looked", "care", "leavers", "key", "stage"),
        *("boys", "girls", "children", "child", "families", "family", "infants", "babies"),
        *("people", "pupils", "residents", "students", "young", "youth", "adults", "parents"),
        *("carers", "mothers", "fathers", "teenagers", "women", "men", "learners"),
        *("council", "borough", "trust", "board", "group", "partnership", "nhs", "school"),
        *("centre", "service", "services", "team", "panel", "forum"),
    )
)

# A unique pupil number (DfE): the check letter, 11 digits, then a digit or (a temporary UPN) a
# letter. Its letters leave out I, O and S; a letter's place in `UPN_LETTERS` is its value.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN = re.compile(rf"\b[{UPN_LETTERS}]\d{{11}}[\d{UPN_LETTERS}]\b")
# A word, with its hyphenated or apostrophised parts ("Example-Child", "O'Brien", "Jamie's").
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Finding:
    """One thing found: what it looks like (`kind`, as a phrase) and the text that matched."""

    kind: str
    text: str


def nhs_number_is_valid(digits: str) -> bool:
    """The modulus 11 check of a ten-digit NHS number."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def upn_is_valid(upn: str) -> bool:
    """The DfE check of a unique pupil number: characters 2 to 13 weighted 2 to 13 (a final
    letter by its value in `UPN_LETTERS`), the sum modulo 23 naming the check letter."""
    if not UPN.fullmatch(upn):
        return False
    total = sum(
        weight * (UPN_LETTERS.index(char) if char.isalpha() else int(char))
        for char, weight in zip(upn[1:], range(2, 14), strict=True)
    )
    return upn[0] == UPN_LETTERS[total % 23]


def _names(text: str, names: Collection[str]) -> Iterable[str]:
    for match in WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group())
        for candidate in (word, *word.split("-")):
            if candidate[:1].isupper() and candidate in names:
                yield candidate
                break


def _names_with_age(text: str) -> Iterable[str]:
    for match in NAME_WITH_AGE.finditer(text):
        words = match.group("name").split()
        if not any(word.lower() in NOT_NAMES for word in words):
            yield match.group("name")


def find_personal_data(
    text: str, *, names: Collection[str] = frozenset(), today: datetime.date | None = None
) -> list[Finding]:
    """What in `text` could identify a child: at most one finding of each kind, in the order
    of the module's list. `names` are the people's names to look for (`core.person_names`);
    `today` is the day of the check (a date of birth is read against it)."""
    if not text:
        return []
    today = today or timezone.localdate()
    found: list[Finding] = []

    def first(kind: str, matches: Iterable[str]) -> None:
        for match in matches:
            found.append(Finding(kind, match.strip(" ,.")))
            return

    first(
        "a date of birth",
        itertools.chain(
            (m.group() for m in DATE_OF_BIRTH.finditer(text)),
            dates_of_birth(text, names, today),
        ),
    )
    first("a street address", (m.group() for m in STREET_ADDRESS.finditer(text)))
    first("a postcode", (m.group() for m in POSTCODE.finditer(text)))
    nhs_numbers = [
        m.group()
        for m in TEN_DIGITS.finditer(text)
        if nhs_number_is_valid(re.sub(r"\D", "", m.group()))
    ]
    first("an NHS number", nhs_numbers)
    first(
        "a phone number",
        (m.group() for m in PHONE.finditer(text) if m.group() not in nhs_numbers),
    )
    first("an email address", (m.group() for m in EMAIL.finditer(text)))
    first("a school and year group", (m.group() for m in SCHOOL_YEAR.finditer(text)))
    first(
        "a unique pupil number",
        (m.group() for m in UPN.finditer(text) if upn_is_valid(m.group())),
    )
    first("a child's name beside a date of birth or age", _names_with_age(text))
    first("a person's name", _names(text, names))
    return found


def _joined(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"


def personal_data_message(findings: list[Finding]) -> str:
    """The sentence shown beside the field, naming what was found."""
    phrases = [f"{finding.kind} ('{finding.text}')" for finding in findings]
    return f"This looks like {_joined(phrases)}. {ADVICE}"


def check_text(text: str, *, names: Collection[str] = frozenset()) -> str | None:
    """The message for `text` if it holds anything that could identify a child, else None."""
    findings = find_personal_data(text, names=names)
    return personal_data_message(findings) if findings else None


def is_prose_field(field: forms.Field) -> bool:
    """Whether a form field takes free text that a person types: a plain CharField (not an
    email, URL, slug or choice) shown as a text box, not hidden."""
    return type(field) is forms.CharField and not field.widget.is_hidden


class PersonalDataFormMixin:
    """Checks every free-text field of the form (`is_prose_field`) with `check_text`; the
    message goes beside the field and the form comes back with the input kept. A field that
    legitimately holds contact details (a provider's address) is named in
    `personal_data_exempt`. Put the mixin before the form's base classes."""

    personal_data_exempt: Iterable[str] = ()

    @classmethod
    def personal_data_fields(cls, fields: dict[str, forms.Field]) -> list[str]:
        """The names of `fields` this form checks."""
        exempt = set(cls.personal_data_exempt)
        return [
            name for name, field in fields.items() if name not in exempt and is_prose_field(field)
        ]

    def personal_data_names(self) -> Collection[str]:
        """The people's names to look for: none, unless the form knows the partnership."""
        return frozenset()

    def personal_data_overridden(self) -> bool:
        """Whether the person confirmed the findings are not about a child: never, here."""
        return False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        names = self.personal_data_names()
        # {field name: what was found in it}, for the form (and its template) to read.
        self.personal_data_findings: dict[str, list[Finding]] = {}
        for name in self.personal_data_fields(self.fields):
            value = cleaned.get(name)
            findings = find_personal_data(value, names=names) if isinstance(value, str) else []
            if findings:
                self.personal_data_findings[name] = findings
        if not self.personal_data_overridden():
            for name, findings in self.personal_data_findings.items():
                self.add_error(name, personal_data_message(findings))
        return cleaned


CONFIRMATION_FIELD = "personal_data_confirmed"
CONFIRMATION_LABEL = "I have checked: this is not about a child"


class ConfirmablePersonalDataFormMixin(PersonalDataFormMixin):
    """The one exception to "every finding blocks the save", for participation records (see the
    module's docstring): after a finding the form offers the `CONFIRMATION_FIELD` box; ticked,
    the save goes ahead and `confirmed_findings` tells the caller what to record. The form names
    its partnership in `personal_data_partnership_id` so its users' names are looked for."""

    personal_data_partnership_id: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONFIRMATION_FIELD] = forms.BooleanField(
            label=CONFIRMATION_LABEL,
            required=False,
            help_text=(
                "Tick only if what was found is not a child's: a group's name, a place, a "
                "member of staff. Your name, the date and the kinds found are recorded, not "
                "the words."
            ),
        )

    def personal_data_names(self) -> Collection[str]:
        # Imported here: core.apps loads this module before the models are ready.
        from core.person_names import names_for

        return names_for(self.personal_data_partnership_id)

    def personal_data_overridden(self) -> bool:
        return bool(self.cleaned_data.get(CONFIRMATION_FIELD))

    @property
    def confirmation_offered(self) -> bool:
        """Whether the page shows the box: only once something was found."""
        return bool(getattr(self, "personal_data_findings", None))

    def confirmed_findings(self) -> dict[str, tuple[str, ...]]:
        """{field name: the kinds found} of what the person confirmed is not about a child."""
        if not self.personal_data_overridden():
            return {}
        return {
            name: tuple(finding.kind for finding in findings)
            for name, findings in self.personal_data_findings.items()
        }


def personal_data_checked(form_class: type[forms.BaseForm], exempt: Iterable[str] = ()) -> type:
    """`form_class` with PersonalDataFormMixin, `exempt` fields left unchecked."""
    if issubclass(form_class, PersonalDataFormMixin):
        return form_class
    attrs = {"personal_data_exempt": tuple(exempt), "__module__": form_class.__module__}
    return type(form_class.__name__, (PersonalDataFormMixin, form_class), attrs)


def check_admin_forms(site) -> None:
    """Give every form of `site`'s model admins and their inlines the personal-data check. A
    ModelAdmin or inline names fields that hold contact details by right (a provider's address)
    in `personal_data_exempt`. Called once the admin modules are loaded (core.apps)."""
    for model_admin in site._registry.values():
        exempt = getattr(model_admin, "personal_data_exempt", ())
        model_admin.form = personal_data_checked(model_admin.form, exempt)
        for inline_class in model_admin.inlines:
            inline_exempt = getattr(inline_class, "personal_data_exempt", ())
            inline_class.form = personal_data_checked(inline_class.form, inline_exempt)


class PersonalDataResourceMixin:
    """A django-import-export resource (the admin's imports) whose rows are refused, field by
    field, when a free-text value could identify a child; `personal_data_exempt` as for forms."""

    personal_data_exempt: Iterable[str] = ()

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for field in instance._meta.concrete_fields:
            if (
                type(field) not in (models.CharField, models.TextField)
                or field.choices
                or field.name in self.personal_data_exempt
            ):
                continue
            value = getattr(instance, field.attname)
            message = check_text(value) if isinstance(value, str) else None
            if message:
                errors.setdefault(field.name, []).append(message)
        super().validate_instance(instance, errors, validate_unique)
