"""One record of each kind the search finds, each holding a given word in a field searched."""

from itertools import count

from commissioning.tests.factories import ActivityFactory, ContractFactory, ProviderFactory
from governance.tests.factories import DecisionFactory, MeetingFactory
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory

_numbers = count(1)

# Each kind's record, its word somewhere other than the title where the kind has more fields.
MAKERS = {
    "actions": lambda word: ActionFactory(description=f"Recruit the {word} foster carers."),
    "priorities": lambda word: PriorityAreaFactory(
        aim=f"To improve outcomes for children in care through {word}"
    ),
    "activities": lambda word: ActivityFactory(
        specification_text=f"An advocacy service on the {word} model, for children in care."
    ),
    "contracts": lambda word: ContractFactory(title=f"{word} advocacy service"),
    # Providers' names are unique.
    "providers": lambda word: ProviderFactory(name=f"{word} Children's Charity {next(_numbers)}"),
    "participation": lambda word: ParticipationRecordFactory(
        you_said=f"You want the {word} sessions on Saturdays, not after school."
    ),
    "meetings": lambda word: MeetingFactory(
        minutes=f"The board heard the {word} evaluation and asked for a fuller report."
    ),
    "decisions": lambda word: DecisionFactory(
        text=f"Extend the {word} pilot to every locality for a year."
    ),
}


def records_mentioning(word: str, times: int = 1) -> dict[str, list]:
    """`times` records of each kind mentioning `word`, by kind."""
    return {slug: [make(word) for _ in range(times)] for slug, make in MAKERS.items()}
