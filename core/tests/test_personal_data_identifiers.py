"""The identifiers the personal-data checker finds beyond a labelled date of birth: unique pupil
numbers, birthdays without "DOB", and people's names; and the near misses it lets through."""

import datetime

import pytest
from django.utils import timezone

from core.person_names import as_names, configured_first_names, names_for
from core.personal_data import find_personal_data, upn_is_valid
from core.tests.factories import CommissionerFactory, PartnershipFactory

pytestmark = pytest.mark.dates

# P207000016049: 2×2 + 7×4 + 1×9 + 6×10 + 4×12 + 9×13 = 266; 266 mod 23 = 13, and the 13th
# letter of A…Z without I, O and S (from A = 0) is P.
UPN = "P207000016049"
# A temporary UPN ends in a letter, weighted by its value (A = 0): 149 mod 23 = 11, M.
TEMPORARY_UPN = "M20700001604A"


def _found(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in find_personal_data(text, **kwargs)]


def _years_ago(years: int) -> datetime.date:
    return datetime.date(timezone.localdate().year - years, 3, 14)


def test_a_unique_pupil_number_is_found():
    assert upn_is_valid(UPN)
    assert _found(f"UPN {UPN} on the referral") == [("a unique pupil number", UPN)]


def test_a_temporary_unique_pupil_number_is_found():
    assert upn_is_valid(TEMPORARY_UPN)
    assert _found(f"temporary number {TEMPORARY_UPN}") == [("a unique pupil number", TEMPORARY_UPN)]


@pytest.mark.parametrize(
    "text",
    [
        "B207000016049",  # the check letter is wrong
        "P207000016048",  # a digit is wrong
        "I207000016049",  # I is never a check letter
        "P20700001604",  # twelve characters
    ],
)
def test_a_number_with_a_wrong_check_letter_is_not_a_upn(text):
    assert not upn_is_valid(text)
    assert _found(f"reference {text} on file") == []


@pytest.mark.parametrize(
    "template",
    [
        "her birthday is {date:%-d %B %Y}",
        "{date:%d/%m/%Y} (d.o.b.)",
        "b'day {date:%d.%m.%Y}, came with mum",
        "the youngest, born {date:%Y-%m-%d}",
    ],
)
def test_a_date_beside_a_birth_word_is_a_date_of_birth(template):
    birthday = _years_ago(9)
    text = template.format(date=birthday)
    assert [kind for kind, _ in _found(text)] == ["a date of birth"]


def test_a_recent_date_beside_a_birth_word_is_a_date_of_birth():
    """A toddler's birthday is last year's date: the birth word decides."""
    text = f"birthday {_years_ago(1):%-d %B %Y}"
    assert [kind for kind, _ in _found(text)] == ["a date of birth"]


def test_an_older_date_beside_an_age_is_a_date_of_birth():
    birthday = _years_ago(9)
    assert _found(f"aged 9, {birthday:%d/%m/%Y}") == [("a date of birth", f"{birthday:%d/%m/%Y}")]


def test_an_older_date_beside_a_known_name_is_a_date_of_birth():
    birthday = _years_ago(12)
    found = _found(f"Olivia, {birthday:%d/%m/%Y}, told us", names={"Olivia"})
    assert ("a date of birth", f"{birthday:%d/%m/%Y}") in found


@pytest.mark.parametrize(
    "template",
    [
        "the meeting on {recent:%-d %B %Y}",
        "on {recent:%-d/%-m/%Y} the panel met",
        "Young people aged 13 to 19 met on {recent:%-d %B %Y}.",
        "Halton Youth Cabinet, {recent:%d/%m/%Y}",
        "The contract started on {older:%d/%m/%Y} and ends in {future:%B %Y}.",
        "next birthday party of the forum: {future:%-d %B %Y}",
        "Aged 16 when the service began on {ancient:%d/%m/%Y}",
    ],
)
def test_an_event_date_is_not_a_date_of_birth(template):
    today = timezone.localdate()
    text = template.format(
        recent=_years_ago(1),
        older=_years_ago(8),
        future=today + datetime.timedelta(days=90),
        ancient=_years_ago(30),
    )
    assert _found(text, names={"Olivia"}) == []


def test_a_name_from_the_partnership_users_is_found(db):
    sam = CommissionerFactory(first_name="Samira", last_name="Okafor")
    partnership_id = sam.partnership_memberships.get().partnership_id
    names = names_for(partnership_id)
    assert _found("Samira fed back to the group.", names=names) == [("a person's name", "Samira")]
    assert _found("Thanks to Mr Okafor's team", names=names) == [("a person's name", "Okafor")]


def test_an_inactive_or_other_partnerships_user_is_not_looked_for(db):
    sam = CommissionerFactory(first_name="Samira", last_name="Okafor")
    CommissionerFactory(first_name="Tobias", last_name="Quayle", is_active=False)
    elsewhere = PartnershipFactory(short_name="Warrington")
    CommissionerFactory(first_name="Ottoline", last_name="Brisk", role__partnership=elsewhere)
    partnership_id = sam.partnership_memberships.get().partnership_id
    names = names_for(partnership_id)
    assert "Samira" in names
    assert not {"Tobias", "Quayle", "Ottoline", "Brisk"} & names


def test_a_configured_first_name_is_found():
    assert _found("Olivia said the bus is late", names=names_for(None)) == [
        ("a person's name", "Olivia")
    ]


def test_the_first_names_file_is_a_setting(settings, tmp_path):
    listed = tmp_path / "names.txt"
    listed.write_text("# our own list\nZebedee\n", encoding="utf-8")
    settings.PERSONAL_DATA_FIRST_NAMES_FILE = listed
    assert configured_first_names() == {"Zebedee"}
    assert _found("Zebedee asked", names=names_for(None)) == [("a person's name", "Zebedee")]


@pytest.mark.parametrize(
    "text",
    [
        "olivia in lower case is not a capitalised name",
        "Benjamin and Oliviana are not on the list",
        "OLIVIA in capitals is a heading, not a name",
    ],
)
def test_a_name_matches_only_as_a_capitalised_whole_word(text):
    assert _found(text, names={"Olivia", "Ben"}) == []


def test_ordinary_words_at_a_sentence_start_are_not_names(db):
    """Will, May, Grace and Young are people's names and ordinary words alike."""
    CommissionerFactory(first_name="Will", last_name="Young")
    CommissionerFactory(first_name="Grace", last_name="May")
    staff = CommissionerFactory(first_name="May", last_name="Green")
    names = names_for(staff.partnership_memberships.get().partnership_id)
    text = (
        "Will the panel meet again? May is busy. Grace periods apply. Young people asked "
        "for Green spaces, and Hope for the summer."
    )
    assert _found(text, names=names) == []


def test_the_first_names_list_holds_no_ordinary_word():
    """Every line of core/data/first_names.txt is kept as a name."""
    assert len(configured_first_names()) > 100
    assert as_names(configured_first_names()) == set(configured_first_names())
    for word in ("Will", "May", "Grace", "Rose", "Amber", "Jack", "Summer"):
        assert word not in configured_first_names()


def test_a_ten_digit_number_with_a_bad_nhs_check_digit_is_not_flagged():
    assert _found("Reference 943 476 5918 on the invoice", names=names_for(None)) == []
