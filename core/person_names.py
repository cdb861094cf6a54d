"""The people's names the personal-data check (core.personal_data) looks for in a partnership's
participation records: the first names and surnames of the partnership's active users, and a
configured list of children's first names (the file named by the PERSONAL_DATA_FIRST_NAMES_FILE
setting, core/data/first_names.txt by default).

A name that is also an ordinary English word (core/data/ordinary_words.txt: "Will", "May",
"Grace", "Young") or a word of commissioning prose (`core.personal_data.NOT_NAMES`: "Children",
"Council") is never looked for, whichever list it comes from: a capitalised word at the start
of a sentence would otherwise refuse every text.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

from core.models import PartnershipMembership
from core.personal_data import NOT_NAMES

ORDINARY_WORDS_FILE = Path(__file__).resolve().parent / "data" / "ordinary_words.txt"


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def _ordinary_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in _lines(ORDINARY_WORDS_FILE))


@cache
def _first_names_in(path: str) -> frozenset[str]:
    return frozenset(as_names(_lines(Path(path))))


def as_names(words) -> set[str]:
    """`words` as the capitalised names the check matches, ordinary words and initials left out.
    A name typed all in lower or upper case ("jamie", "SMITH") is capitalised."""
    names = set()
    for word in words:
        for part in str(word).split():
            name = part.capitalize() if part.islower() or part.isupper() else part
            if (
                len(name) > 1
                and name.casefold() not in _ordinary_words()
                and name.casefold() not in NOT_NAMES
            ):
                names.add(name)
    return names


def configured_first_names() -> frozenset[str]:
    """The children's first names of the PERSONAL_DATA_FIRST_NAMES_FILE setting."""
    return _first_names_in(str(settings.PERSONAL_DATA_FIRST_NAMES_FILE))


def partnership_user_names(partnership_id: int) -> set[str]:
    """The first names and surnames of the partnership's active users (one query). An account
    named for a post rather than a person (a first name of several words and no surname, "Head
    of Children's Services") gives no names: its words are the prose's own; nor does the
    partnership's own name ("Halton Commissioner" is an account, Halton a place)."""
    rows = list(
        PartnershipMembership.objects.filter(partnership_id=partnership_id, user__is_active=True)
        .values_list("user__first_name", "user__last_name", "partnership__name")
        .distinct()
    )
    people = [(first, last) for first, last, _ in rows if last.strip() or len(first.split()) < 2]
    places = as_names(word for _, _, name in rows[:1] for word in name.split())
    return as_names(word for person in people for word in person if word) - places


def names_for(partnership_id: int | None) -> frozenset[str]:
    """Every name the check looks for in `partnership_id`'s participation records."""
    names = set(configured_first_names())
    if partnership_id is not None:
        names |= partnership_user_names(partnership_id)
    return frozenset(names)
