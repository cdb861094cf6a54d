"""Load the seeds' frameworks (priorities/demo/*.yaml) into the database. Safe to run again.

Called by `manage.py load_demo` after the demo users and the governance demo data. Finds the
organisations and boards the governance loader made, and makes any that are missing, so it
works whichever ran first. Owners are users named by job title; the demo commissioner leads a
few priorities in both frameworks and owns some actions, one of them overdue.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core import roles
from core.demo_partnerships import demo_partnership
from core.partnerships import grant_role
from core.seed_files import read_partnership_rows, read_seed
from governance.demo import organisation_from_seeds
from governance.models import Board, Organisation
from priorities import demo_decisions, services
from priorities.models import (
    RAG,
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    StatisticalNeighbour,
)
from priorities.rag_suggestion import suggest_rag

# One file per framework, West Cheshire's first: the sample progress takes each action's RAG
# pattern by its place in this order.
FRAMEWORK_FILES = ("west_cheshire", "halton")
# priorities/demo/*.yaml names some organisations and boards differently from
# governance/demo/*.yaml: these map them, so that no body is created twice.
ORGANISATION_ALIASES = {"CWAC": "CWaC", "VCFS": "VCF sector"}
PUBLIC_HEALTH_BY_PARTNERSHIP = {
    "Halton": "Halton Public Health",
    "West Cheshire": "CWaC Public Health",
}
BOARD_ALIASES = {
    "Emotional Health and Wellbeing Partnership": (
        "Emotional Health and Wellbeing Partnership (EHWP)"
    ),
}

DEMO_COMMISSIONER = "commissioner"
# Each partnership's own demo commissioner (core/demo_users.py) leads what the shared one does.
DEMO_COMMISSIONER_PREFIXES = {"Halton": "halton", "West Cheshire": "westcheshire"}
# (partnership, priority title) that the demo commissioner leads.
DEMO_COMMISSIONER_LEADS = {
    ("West Cheshire", "Emotional Health and Wellbeing"),
    ("West Cheshire", "Children in Care and Care Leavers"),
    ("Halton", "0-5 Development"),
    ("Halton", "Children in Care"),
}
# Job titles whose actions the demo commissioner owns (one of them overdue and not started).
DEMO_COMMISSIONER_OWNS = {
    "Children's Mental Health Commissioning Manager",
    "Divisional Manager, Early Years",
}


def demo_review_date(seed_date: datetime.date, today: datetime.date) -> datetime.date:
    """The seed's review date moved on by whole years to its first anniversary after today.

    Both seed frameworks' reviews fell due years ago (2018 and 2021), so a newcomer's first look
    showed "Review overdue" on each; the demo reads as a partnership in the middle of a year
    of its plan instead. Actions, meetings and contracts are already days from today.
    """
    years = max(0, today.year - seed_date.year)
    while (moved := _years_after(seed_date, years)) <= today:
        years += 1
    return moved


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def review_date_note(data: dict) -> str:
    """Says on the page that the review date is the demo's, not the seed's."""
    return (
        f"Demo date: moved to the current year from the framework's {data['period']} "
        f"(the seed's review date is {data['review_date']:%-d %B %Y})."
    )


def load() -> int:
    """Create what is missing; return how many rows were created."""
    with transaction.atomic():
        loader = _Loader()
        loader.comparators(read_seed("priorities", "comparators"))
        for name in FRAMEWORK_FILES:
            loader.framework(read_seed("priorities", name))
        return loader.created + demo_decisions.load(owner=loader.demo_commissioner)


class _Loader:
    def __init__(self) -> None:
        self.created = 0
        self.today = timezone.localdate()
        self.demo_commissioner = get_user_model().objects.filter(username=DEMO_COMMISSIONER).first()
        # The demo commissioner of both partnerships, and each partnership's own.
        self.demo_commissioners = {
            short_name: list(
                get_user_model().objects.filter(
                    username__in=(DEMO_COMMISSIONER, f"{prefix}-commissioner")
                )
            )
            for short_name, prefix in DEMO_COMMISSIONER_PREFIXES.items()
        }
        self.action_number = 0
        self.override_number = 0
        # Sample progress updates: term ends, RAG patterns and narratives.
        self.progress = read_seed("priorities", "sample_progress")
        # The governance seed's boards: the partnership and kind of a board the priorities name.
        boards = read_partnership_rows("governance", "boards")
        self.seed_boards = {row["name"]: row for row in boards}
        # (partnership id, name): the demo's comparators, made by `comparators`.
        self.comparator_by_name: dict[tuple[int, str], Comparator] = {}

    def _count(self, created: bool) -> None:
        self.created += int(created)

    def comparators(self, data: dict) -> None:
        """Each partnership's comparators and neighbour lists (comparators.yaml)."""
        for entry in data["partnerships"]:
            partnership = demo_partnership(entry["partnership"])
            for order, row in enumerate(entry["comparators"], start=1):
                comparator, created = Comparator.objects.get_or_create(
                    partnership=partnership,
                    name=row["name"],
                    defaults={"kind": row["kind"], "area_code": row["area_code"], "order": order},
                )
                self._count(created)
                self.comparator_by_name[(partnership.pk, comparator.name)] = comparator
                for place, neighbour in enumerate(row.get("neighbours", []), start=1):
                    _, created = StatisticalNeighbour.objects.get_or_create(
                        comparator=comparator,
                        name=neighbour["name"],
                        defaults={"area_code": neighbour["area_code"], "order": place},
                    )
                    self._count(created)

    def organisation(self, short_name: str, partnership: str) -> Organisation:
        if short_name == "Public Health":
            short_name = PUBLIC_HEALTH_BY_PARTNERSHIP[partnership]
        short_name = ORGANISATION_ALIASES.get(short_name, short_name)
        organisation, created = organisation_from_seeds(short_name)
        self._count(created)
        return organisation

    def board(self, name: str, partnership: str) -> Board:
        name = BOARD_ALIASES.get(name, name)
        known = self.seed_boards.get(name)
        board, created = Board.objects.get_or_create(
            name=name,
            defaults={
                "partnership": demo_partnership(known["partnership"] if known else partnership),
                "kind": known["kind"] if known else Board.Kind.BOARD,
            },
        )
        self._count(created)
        return board

    def owner(self, job_title: str, partnership):
        if job_title in DEMO_COMMISSIONER_OWNS and self.demo_commissioner is not None:
            return self.demo_commissioner
        User = get_user_model()
        username = slugify(job_title)[:150]
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": job_title[:150], "email": f"{username}@example.org"},
        )
        if created:
            # Demo owners are job titles, not people: nobody signs in as them.
            user.set_unusable_password()
            user.save(update_fields=["password"])
        grant_role(user=user, partnership=partnership, role=roles.COMMISSIONER)
        self._count(created)
        return user

    def framework(self, data: dict) -> None:
        partnership = data["partnership"]
        framework, created = Framework.objects.get_or_create(
            title=data["title"],
            period=data["period"],
            defaults={
                "partnership": demo_partnership(partnership),
                "version": data["version"],
                "status": data["status"],
                "owning_board": self.board(data["owning_board"], partnership),
                "review_date": demo_review_date(data["review_date"], self.today),
                "review_date_note": review_date_note(data),
            },
        )
        self._count(created)
        for order, priority in enumerate(data["priorities"], start=1):
            self.priority_area(framework, order, priority)

    def priority_area(self, framework: Framework, order: int, data: dict) -> None:
        partnership = framework.partnership.short_name
        area, created = PriorityArea.objects.get_or_create(
            framework=framework,
            title=data["title"],
            defaults={
                "aim": data["aim"],
                "order": order,
                "lead_board": self.board(data["lead_board"], partnership),
            },
        )
        self._count(created)
        objectives = []
        for number, text in enumerate(data["objectives"], start=1):
            objective, created = Objective.objects.get_or_create(
                priority_area=area, order=number, defaults={"text": text}
            )
            self._count(created)
            objectives.append(objective)
        owners = [self.action(area, objectives, action) for action in data["actions"]]
        self.leads(area, partnership, owners)
        for number, indicator in enumerate(data["indicators"], start=1):
            self.indicator(area, number, indicator)

    def leads(self, area: PriorityArea, partnership: str, owners: list) -> None:
        # The job title owning most of the plan leads it; the demo commissioner leads a few.
        leads = []
        if owners:
            leads.append(max(owners, key=owners.count))
        if (partnership, area.title) in DEMO_COMMISSIONER_LEADS:
            leads.extend(self.demo_commissioners[partnership])
        existing = set(area.lead_commissioners.values_list("pk", flat=True))
        new = [user for user in dict.fromkeys(leads) if user.pk not in existing]
        area.lead_commissioners.add(*new)
        self.created += len(new)

    def action(self, area: PriorityArea, objectives: list[Objective], data: dict):
        self.action_number += 1
        owner = self.owner(data["owner"], area.framework.partnership)
        if Action.objects.filter(priority_area=area, title=data["title"]).exists():
            return owner
        number = data["objective"]  # 1 is the priority's first objective
        action = services.action_create(
            priority_area=area,
            data={
                "title": data["title"],
                "description": data["description"],
                "objective": objectives[number - 1] if number is not None else None,
                "owner": owner,
                "lead_organisation": self.organisation(
                    data["lead_organisation"], area.framework.partnership.short_name
                ),
                "start_date": self.today + datetime.timedelta(days=data["start_in_days"]),
                "due_date": self.today + datetime.timedelta(days=data["due_in_days"]),
                "status": data["status"],
                "stage": data["stage"],
            },
        )
        self.created += 1
        self.sample_progress(action, data)
        return owner

    def sample_progress(self, action: Action, data: dict) -> None:
        """Plausible updates at the last few term ends, marked as sample data."""
        if data["status"] == Action.Status.NOT_STARTED:
            return
        last_day = min(data["due_in_days"], -1) if data["status"] == "complete" else 0
        term_ends = self.progress["term_ends_in_days"]
        days = [d for d in term_ends if data["start_in_days"] <= d <= last_day]
        patterns = self.progress["rag_patterns"]
        pattern = patterns[self.action_number % len(patterns)]
        for step, day in enumerate(days):
            rag = pattern[step % len(pattern)]
            if step == len(days) - 1 and data["due_in_days"] < 0 and data["status"] != "complete":
                rag = "red"  # overdue and still open
            narratives = self.progress["narratives"][rag]
            self._update(
                action,
                day=day,
                rag=rag,
                percent=min(90, 20 * (step + 1)),
                narrative=narratives[(self.action_number + step) % (len(narratives) - 1)],
            )
        if data["status"] == Action.Status.COMPLETE and data["start_in_days"] <= last_day:
            self._update(
                action,
                day=last_day,
                rag="green",
                percent=100,
                narrative=self.progress["narratives"]["green"][-1],
            )

    def _update(self, action: Action, *, day: int, rag: str, percent: int, narrative: str):
        date = self.today + datetime.timedelta(days=day)
        services.progress_update_add(
            action=action,
            author=action.owner,
            rag=rag,
            percent_complete=percent,
            narrative=narrative,
            date=date,
            rag_override_reason=self._override_reason(action, rag, percent, date),
            is_sample=True,
        )
        self.created += 1

    def _override_reason(self, action: Action, rag: str, percent: int, date: datetime.date) -> str:
        """A sample reason when `rag` is not the one the form would have suggested that day, as
        the form would have asked of the person."""
        suggestion = suggest_rag(action, percent, date)
        if not suggestion.overruled_by(rag):
            return ""
        order = [RAG.RED, RAG.AMBER, RAG.GREEN]
        kind = "kinder" if order.index(rag) > order.index(suggestion.rag) else "harsher"
        reasons = self.progress["rag_override_reasons"][kind]
        self.override_number += 1
        return reasons[self.override_number % len(reasons)]

    def indicator(self, area: PriorityArea, order: int, data: dict) -> None:
        indicator, created = Indicator.objects.get_or_create(
            priority_area=area,
            name=data["name"],
            defaults={
                "definition": data["definition"],
                "unit": data["unit"],
                "polarity": data["polarity"],
                "target": _decimal(data["target"]),
                "source": data["source"],
                "publication_frequency": data.get(
                    "publication_frequency", Indicator.Frequency.ANNUAL
                ),
                "publication_lag_days": data.get("publication_lag_days", 90),
                "order": order,
                **_national_sources(data),
            },
        )
        self._count(created)
        # A demo loaded before indicators had national sources gains them once; a source
        # someone has set since is kept.
        missing = {k: v for k, v in _national_sources(data).items() if not getattr(indicator, k)}
        if missing:
            Indicator.objects.filter(pk=indicator.pk).update(**missing)
        partnership_id = area.framework.partnership_id
        for value in data["values"]:
            _, created = IndicatorValue.objects.get_or_create(
                indicator=indicator,
                period_label=value["period_label"],
                defaults={
                    "period_end": value["period_end"],
                    "value": _decimal(value["value"]),
                    "note": value["note"],
                    **{key: value.get(key, "") for key in STORY_KEYS},
                },
            )
            self._count(created)
            for name, figure in value["comparators"].items():
                _, created = ComparatorValue.objects.get_or_create(
                    indicator=indicator,
                    comparator=self.comparator_by_name[(partnership_id, name)],
                    period_label=value["period_label"],
                    defaults={"period_end": value["period_end"], "value": _decimal(figure)},
                )
                self._count(created)


# The story behind the curve of a value, where the seed tells it.
STORY_KEYS = ("story_drivers", "story_partners", "story_what_works")


NATIONAL_SOURCE_FIELDS = (
    "fingertips_indicator_id",
    "ees_data_set",
    "ees_filters",
    "ees_value_column",
)


def _national_sources(data: dict) -> dict:
    """The indicator's national sources the demo file gives (sample mapping data)."""
    return {name: data[name] for name in NATIONAL_SOURCE_FIELDS if data.get(name)}


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
