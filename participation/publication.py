"""What of a participation record may be published, and how its counts are hidden.

A published record shows its words (what participants said, what changed, when they were
told) and how many took part, never who: no names, no group, and no count below the
partnership's `smallest_public_group`, so that no child can be picked out. The public
"You said, we did" page and the API both publish exactly these fields.
"""

# The record's own fields a public output may carry; anything else stays private.
PUBLIC_FIELDS = (
    "title",
    "date",
    "method",
    "stage",
    "you_said",
    "we_did",
    "decision_changed",
    "feedback_date",
)
# Counts published only at or above the smallest group (see `shown_count`).
PUBLIC_COUNT_FIELDS = ("age_0_4", "age_5_10", "age_11_15", "age_16_17", "age_18_25", "adults")


def shown_count(count: int, smallest_group: int) -> int | None:
    """`count` when it is at least `smallest_group` (and not nought), else None: "fewer than
    `smallest_group`" is all that may be said."""
    if count <= 0:
        return 0
    return count if count >= smallest_group else None
