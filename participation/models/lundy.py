"""The Lundy model of participation: Space, Voice, Audience and Influence, each met or not by a
participation record, with the evidence that shows it.

The four elements are data (LUNDY_ELEMENTS, in Lundy's order): the record's fields, its
constraints, the form's fieldset, the badges, the log's filter and the reports all iterate it.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q

EVIDENCE_MAX_LENGTH = 500


class LundyMet(models.TextChoices):
    """Whether a record met an element; records logged before the model was kept say nothing."""

    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_RECORDED = "", "Not recorded"


# Met, or partly met, only with evidence that says how.
NEEDS_EVIDENCE = (LundyMet.YES, LundyMet.PARTLY)


@dataclass(frozen=True)
class LundyElement:
    key: str
    name: str
    # What the element asks of the participation, in Lundy's words.
    meaning: str
    # What the evidence says: the evidence field's help text.
    evidence_help: str
    # The end of "Space is marked “Yes”: say ...", when the evidence is missing.
    evidence_needed: str

    @property
    def met_field(self) -> str:
        return f"lundy_{self.key}"

    @property
    def evidence_field(self) -> str:
        return f"lundy_{self.key}_evidence"


SPACE = LundyElement(
    key="space",
    name="Space",
    meaning="A safe, inclusive opportunity for children and young people to form and "
    "express their views.",
    evidence_help="How it was safe, inclusive and accessible: the place, the time, who "
    "could join in.",
    evidence_needed="what made it safe, inclusive and accessible",
)
VOICE = LundyElement(
    key="voice",
    name="Voice",
    meaning="Children and young people were helped to express their views.",
    evidence_help="How views were expressed, and with what support (an advocate, easy "
    "read, a youth worker).",
    evidence_needed="how views were expressed, and with what support",
)
AUDIENCE = LundyElement(
    key="audience",
    name="Audience",
    meaning="The views were listened to by someone with the power to act on them.",
    evidence_help="Who with decision-making power heard it (a role or a board, not a "
    "person's name), and when.",
    evidence_needed="who with decision-making power heard it",
)
INFLUENCE = LundyElement(
    key="influence",
    name="Influence",
    meaning="The views were acted upon, as appropriate, and the response was fed back.",
    evidence_help="What changed, or why not, and how it was fed back.",
    evidence_needed="what changed, or why not, and how it was fed back",
)
# In Lundy's order: each element builds on the one before.
LUNDY_ELEMENTS = (SPACE, VOICE, AUDIENCE, INFLUENCE)
LUNDY_FIELDS = tuple(
    name for element in LUNDY_ELEMENTS for name in (element.met_field, element.evidence_field)
)


def reached_influence_q(prefix: str = "") -> Q:
    """Records whose participants' views were acted on and the response fed back: Influence met
    in full. `prefix` reaches the record through a relation (`participationrecord__`)."""
    return Q(**{f"{prefix}{INFLUENCE.met_field}": LundyMet.YES})


def met_field(element: LundyElement) -> models.CharField:
    return models.CharField(
        element.name,
        max_length=10,
        choices=LundyMet.choices,
        blank=True,
        default=LundyMet.NOT_RECORDED,
        help_text=element.meaning,
    )


def evidence_field(element: LundyElement) -> models.CharField:
    return models.CharField(
        f"evidence of {element.name}",
        max_length=EVIDENCE_MAX_LENGTH,
        blank=True,
        help_text=element.evidence_help,
    )


def evidence_missing_message(element: LundyElement, met: str) -> str:
    return f"{element.name} is marked “{LundyMet(met).label}”: say {element.evidence_needed}."


def evidence_constraints() -> list[models.CheckConstraint]:
    """For each element: met or partly met only with evidence."""
    return [
        models.CheckConstraint(
            condition=~Q(**{f"{element.met_field}__in": NEEDS_EVIDENCE})
            | ~Q(**{element.evidence_field: ""}),
            name=f"participation_lundy_{element.key}_has_evidence",
            violation_error_message=(
                f"{element.name} is met or partly met only with evidence that says how."
            ),
        )
        for element in LUNDY_ELEMENTS
    ]


def evidence_errors(record) -> dict[str, str]:
    """The evidence fields left blank (or only spaces) for an element marked met or partly met."""
    errors = {}
    for element in LUNDY_ELEMENTS:
        met = getattr(record, element.met_field)
        if met in NEEDS_EVIDENCE and not (getattr(record, element.evidence_field) or "").strip():
            errors[element.evidence_field] = evidence_missing_message(element, met)
    return errors


@dataclass(frozen=True)
class LundyResult:
    """One element as a record met it: what a badge and the record's page show."""

    element: LundyElement
    met: str
    evidence: str

    @property
    def met_label(self) -> str:
        return LundyMet(self.met).label

    @property
    def is_recorded(self) -> bool:
        return self.met != LundyMet.NOT_RECORDED


def lundy_results(record) -> list[LundyResult]:
    """The record's four elements, in Lundy's order, from its own fields (no query)."""
    return [
        LundyResult(
            element=element,
            met=getattr(record, element.met_field) or LundyMet.NOT_RECORDED,
            evidence=getattr(record, element.evidence_field) or "",
        )
        for element in LUNDY_ELEMENTS
    ]
