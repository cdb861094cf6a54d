"""What a decision can concern, and what comes back from it, told to governance by the apps
above it: governance may not import them (the layers), so they register here in their
`AppConfig.ready()`.

- A **kind** of subject (a priority, an action, an activity, a contract): a label, and a
  function giving the records a user may choose in the decision form, already narrowed to the
  partnership they are working in.
- A **matters arising provider**: given the decisions of a board's earlier meetings, the open
  records that arose from them (e.g. actions), shown on the next meetings until done.
- A **decision step**: a link offered beside an open decision ("Create an action from this
  decision"), for the users it is offered to.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class SubjectKind:
    """A kind of record a decision can concern."""

    label: str
    model: type[Model]
    choices: Callable[..., QuerySet]  # choices(user) -> the records the user may choose

    @property
    def key(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True)
class MatterArising:
    """One line of a meeting's matters arising: a record still open, with its status and owner."""

    kind: str
    title: str
    status: str
    owner: str
    due_date: date | None
    url: str
    arising_from: Model  # the decision it comes from
    is_overdue: bool = False


@dataclass(frozen=True)
class DecisionStep:
    """A link offered beside an open decision to those `offered_to(user)` says yes to."""

    label: str
    url: Callable[[Model], str]
    offered_to: Callable[..., bool]


_kinds: dict[str, SubjectKind] = {}
_providers: list[Callable[[Iterable[Model]], list[MatterArising]]] = []
_steps: list[DecisionStep] = []


def register_kind(*, label: str, model: type[Model], choices: Callable[..., QuerySet]) -> None:
    """Offer records of `model` as what a decision concerns; registering again replaces it."""
    kind = SubjectKind(label=label, model=model, choices=choices)
    _kinds[kind.key] = kind


def register_matters_arising(provider: Callable[[Iterable[Model]], list[MatterArising]]) -> None:
    """`provider(decisions)` lists the open records arising from those decisions."""
    if provider not in _providers:
        _providers.append(provider)


def register_decision_step(step: DecisionStep) -> None:
    if step not in _steps:
        _steps.append(step)


def kinds() -> list[SubjectKind]:
    return list(_kinds.values())


def matters_arising_providers() -> list[Callable[[Iterable[Model]], list[MatterArising]]]:
    return list(_providers)


def decision_steps(user) -> list[DecisionStep]:
    """The steps offered to `user`."""
    return [step for step in _steps if step.offered_to(user)]


def subject_value(obj: Model) -> str:
    """How the form names a record: "<app.model>:<pk>"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def subject_choices(user) -> list[tuple[str, list[tuple[str, str]]]]:
    """The records `user` may link a decision to, grouped by kind: one query per kind."""
    groups = []
    for kind in kinds():
        options = [(subject_value(obj), str(obj)) for obj in kind.choices(user)]
        if options:
            groups.append((kind.label, options))
    return groups


def content_type_of(value: str) -> ContentType | None:
    """The content type named by a form value's "<app.model>" part, if registered."""
    key = value.partition(":")[0]
    kind = _kinds.get(key)
    return ContentType.objects.get_for_model(kind.model) if kind else None
