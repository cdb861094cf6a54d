"""Finding records by their words: PostgreSQL's full-text search where the database is
PostgreSQL, and elsewhere (SQLite, in development and the tests) a plain match on which every
word of the search appears in one of a kind's fields.

Each kind costs one query on the page of every kind (its first results carry the count of all
of them, a window over the same query) and two on its own page (the paginator's count, then
the page), however many records match.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Count, Model, Q, QuerySet, Window

from reporting.search.kinds import KINDS, SearchKind

# Words are stemmed as English ("commissioning" finds "commissioned").
CONFIG = "english"
GROUP_SIZE = 10
PAGE_SIZE = 25


@dataclass(frozen=True)
class Result:
    """One record found, as the results page shows it."""

    title: str
    url: str
    facts: list[str]
    excerpt: str


@dataclass(frozen=True)
class Group:
    """A kind's first results, and how many it has in all."""

    kind: SearchKind
    count: int
    results: list[Result]

    @property
    def has_more(self) -> bool:
        return self.count > len(self.results)


def words_of(text: str) -> list[str]:
    """The words of `text`, once each, without the quotes and minus signs of a web search."""
    words = (word.strip("\"'-") for word in text.split())
    return [word for word in dict.fromkeys(words) if word]


def matching(kind: SearchKind, text: str, user) -> QuerySet:
    """`kind`'s records that `user` may see and that match `text`, the best match first."""
    records = kind.records(user)
    if not words_of(text):
        return records.none()
    if connections[records.db].vendor == "postgresql":
        return _full_text(records, kind, text)
    return _every_word(records, kind, text)


def _full_text(records: QuerySet, kind: SearchKind, text: str) -> QuerySet:
    # websearch_to_tsquery takes whatever a person types ("a or b", quotes, a minus sign, stray
    # punctuation) without the syntax errors to_tsquery raises.
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    first, *others = kind.fields
    vector = SearchVector(first, weight="A", config=CONFIG)
    if others:
        vector += SearchVector(*others, weight="B", config=CONFIG)
    return (
        records.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
        .filter(search_vector=query)
        .order_by("-search_rank", *kind.ordering)
    )


def _every_word(records: QuerySet, kind: SearchKind, text: str) -> QuerySet:
    def anywhere(word: str) -> Q:
        return reduce(or_, (Q(**{f"{field}__icontains": word}) for field in kind.fields))

    condition = reduce(and_, (anywhere(word) for word in words_of(text)))
    return records.filter(condition).order_by(*kind.ordering)


def _result(kind: SearchKind, record: Model) -> Result:
    return Result(
        title=str(record),
        url=record.get_absolute_url(),
        facts=[fact for fact in kind.facts(record) if fact],
        excerpt=kind.excerpt(record),
    )


def first_of_each_kind(text: str, user, *, size: int = GROUP_SIZE) -> list[Group]:
    """Every kind's first `size` results for `text`, with its count: one query a kind."""
    groups = []
    for kind in KINDS:
        counted = matching(kind, text, user).annotate(search_total=Window(Count("pk")))
        rows = list(counted[:size])
        count = rows[0].search_total if rows else 0
        groups.append(Group(kind, count, [_result(kind, row) for row in rows]))
    return groups


def page_of_kind(kind: SearchKind, text: str, user, page_number) -> tuple[Page, list[Result]]:
    """One page of `kind`'s results for `text` (a page number past the end shows the last)."""
    page = Paginator(matching(kind, text, user), PAGE_SIZE).get_page(page_number)
    return page, [_result(kind, row) for row in page.object_list]
