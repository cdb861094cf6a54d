"""How an indicator is doing, judged by its polarity: which way it went between its last two
values, and its RAG against its target and against each comparator.

Pure functions of figures (no queries), so reports, board packs and the indicator page judge
alike. A polarity is `Indicator.Polarity`'s value: "higher" (higher is better) or "lower".
"""

from decimal import Decimal

from django.conf import settings

HIGHER_IS_BETTER = "higher"

BETTER = "better"
WORSE = "worse"
LEVEL = "level"

IMPROVING = "improving"
WORSENING = "worsening"
NO_CHANGE = "no change"
NOT_ENOUGH_DATA = "not enough data"
# A comparison of the latest value with the one before, as a direction of travel.
DIRECTIONS = {BETTER: IMPROVING, WORSE: WORSENING, LEVEL: NO_CHANGE, "": NOT_ENOUGH_DATA}

# As RAG's values (priorities.models.choices), which the models import this module beside.
GREEN, AMBER, RED = "green", "amber", "red"
RAG_LABELS = {GREEN: "Green", AMBER: "Amber", RED: "Red", "": "None"}

Figure = Decimal | int | float | str | None


def _decimal(figure: Figure) -> Decimal | None:
    if figure is None or figure == "":
        return None
    return figure if isinstance(figure, Decimal) else Decimal(str(figure))


def compare(polarity: str, value: Figure, reference: Figure) -> str:
    """ "better", "worse" or "level" for `value` against `reference`; "" when either is
    missing."""
    value, reference = _decimal(value), _decimal(reference)
    if value is None or reference is None:
        return ""
    if value == reference:
        return LEVEL
    return BETTER if (value > reference) == (polarity == HIGHER_IS_BETTER) else WORSE


def direction(polarity: str, latest: Figure, previous: Figure) -> str:
    """Improving, worsening or no change from the previous value to the latest, by polarity;
    "not enough data" without both."""
    return DIRECTIONS[compare(polarity, latest, previous)]


def amber_tolerance_percent() -> Decimal:
    """The setting INDICATOR_AMBER_TOLERANCE_PERCENT, as a Decimal."""
    return Decimal(str(settings.INDICATOR_AMBER_TOLERANCE_PERCENT))


def rag(
    polarity: str, value: Figure, reference: Figure, *, tolerance_percent: Figure = None
) -> str:
    """Green when `value` is at or better than `reference` (a target or a comparator's value),
    amber when worse by no more than the tolerance (a percentage of the reference; the setting
    by default), red beyond it; "" (none) when either figure is missing."""
    value, reference = _decimal(value), _decimal(reference)
    judgement = compare(polarity, value, reference)
    if not judgement:
        return ""
    if judgement != WORSE:
        return GREEN
    tolerance = _decimal(tolerance_percent)
    if tolerance is None:
        tolerance = amber_tolerance_percent()
    allowed = abs(reference) * tolerance / 100
    return AMBER if abs(value - reference) <= allowed else RED


def off_track(target: Figure, against_target: str, comparison: dict | None) -> tuple[bool, bool]:
    """The rule the priority page and the board pack share: an indicator with a target is
    judged against it; without one, against `comparison`, its first comparator with a figure
    for the latest period (a `comparison()` dict, or None). Whether it could be judged, and
    whether it is worse."""
    if target is not None:
        return bool(against_target), against_target == WORSE
    if comparison is None:
        return False, False
    return bool(comparison["against"]), comparison["against"] == WORSE


def rag_label(rag_value: str) -> str:
    """ "Red", "Amber", "Green", or "None" for no judgement."""
    return RAG_LABELS[rag_value]


def comparison(polarity: str, value: Figure, comparator: str, reference: Figure) -> dict:
    """`value` against one comparator's value of the same period: its name, the figure (kept
    as given), better/worse/level and the RAG with its label."""
    rag_value = rag(polarity, value, reference)
    return {
        "comparator": comparator,
        "value": reference,
        "against": compare(polarity, value, reference),
        "rag": rag_value,
        "rag_label": rag_label(rag_value),
    }
