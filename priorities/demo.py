"""Load the seeds' frameworks (priorities/demo_data.py) into the database. Safe to run again.

Called by `manage.py load_demo` after the demo users and the governance demo data. Finds the
organisations and boards the governance loader made, and makes any that are missing, so it
works whichever ran first. Owners are users named by job title; the demo commissioner leads a
few priorities in both frameworks and owns some actions, one of them overdue.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core import roles
from governance.demo import organisation_from_seeds
from governance.demo_data import BOARDS
from governance.models import Board, Organisation
from priorities import services
from priorities.demo_data import FRAMEWORKS, PROGRESS_NARRATIVES
from priorities.models import Action, Framework, Indicator, IndicatorValue, Objective, PriorityArea

# priorities/demo_data.py names some organisations and boards differently from
# governance/demo_data.py: these map them, so that no body is created twice.
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
# Sample progress updates, at the end of the last few school terms (days before today).
TERM_ENDS = (-370, -250, -130, -10)
RAG_PATTERNS = (
    ("green", "green", "amber", "green"),
    ("amber", "amber", "green", "green"),
    ("green", "amber", "red", "amber"),
    ("amber", "red", "amber", "green"),
)


def load() -> int:
    """Create what is missing; return how many rows were created."""
    with transaction.atomic():
        loader = _Loader()
        for framework in FRAMEWORKS:
            loader.framework(framework)
        return loader.created


class _Loader:
    def __init__(self) -> None:
        self.created = 0
        self.today = timezone.localdate()
        self.commissioner_group = Group.objects.get(name=roles.COMMISSIONER)
        self.demo_commissioner = get_user_model().objects.filter(username=DEMO_COMMISSIONER).first()
        self.action_number = 0

    def _count(self, created: bool) -> None:
        self.created += int(created)

    def organisation(self, short_name: str, partnership: str) -> Organisation:
        if short_name == "Public Health":
            short_name = PUBLIC_HEALTH_BY_PARTNERSHIP[partnership]
        short_name = ORGANISATION_ALIASES.get(short_name, short_name)
        organisation, created = organisation_from_seeds(short_name)
        self._count(created)
        return organisation

    def board(self, name: str, partnership: str) -> Board:
        name = BOARD_ALIASES.get(name, name)
        known = next((b for b in BOARDS if b["name"] == name), None)
        board, created = Board.objects.get_or_create(
            name=name,
            defaults={
                "partnership": known["partnership"] if known else partnership,
                "kind": known["kind"] if known else Board.Kind.BOARD,
            },
        )
        self._count(created)
        return board

    def owner(self, job_title: str):
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
            user.groups.add(self.commissioner_group)
        self._count(created)
        return user

    def framework(self, data: dict) -> None:
        partnership = data["partnership"]
        framework, created = Framework.objects.get_or_create(
            title=data["title"],
            period=data["period"],
            defaults={
                "partnership": partnership,
                "version": data["version"],
                "status": data["status"],
                "owning_board": self.board(data["owning_board"], partnership),
                "review_date": datetime.date.fromisoformat(data["review_date"]),
            },
        )
        self._count(created)
        for order, priority in enumerate(data["priorities"], start=1):
            self.priority_area(framework, order, priority)

    def priority_area(self, framework: Framework, order: int, data: dict) -> None:
        partnership = framework.partnership
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
        if (partnership, area.title) in DEMO_COMMISSIONER_LEADS and self.demo_commissioner:
            leads.append(self.demo_commissioner)
        existing = set(area.lead_commissioners.values_list("pk", flat=True))
        new = [user for user in dict.fromkeys(leads) if user.pk not in existing]
        area.lead_commissioners.add(*new)
        self.created += len(new)

    def action(self, area: PriorityArea, objectives: list[Objective], data: dict):
        self.action_number += 1
        owner = self.owner(data["owner"])
        if Action.objects.filter(priority_area=area, title=data["title"]).exists():
            return owner
        index = data["objective"]
        action = services.action_create(
            priority_area=area,
            data={
                "title": data["title"],
                "description": data["description"],
                "objective": objectives[index] if index is not None else None,
                "owner": owner,
                "lead_organisation": self.organisation(
                    data["lead_organisation"], area.framework.partnership
                ),
                "start_date": self.today + datetime.timedelta(days=data["start_days"]),
                "due_date": self.today + datetime.timedelta(days=data["due_days"]),
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
        last_day = min(data["due_days"], -1) if data["status"] == "complete" else 0
        days = [d for d in TERM_ENDS if data["start_days"] <= d <= last_day]
        pattern = RAG_PATTERNS[self.action_number % len(RAG_PATTERNS)]
        for step, day in enumerate(days):
            rag = pattern[step % len(pattern)]
            if step == len(days) - 1 and data["due_days"] < 0 and data["status"] != "complete":
                rag = "red"  # overdue and still open
            narratives = PROGRESS_NARRATIVES[rag]
            self._update(
                action,
                day=day,
                rag=rag,
                percent=min(90, 20 * (step + 1)),
                narrative=narratives[(self.action_number + step) % (len(narratives) - 1)],
            )
        if data["status"] == Action.Status.COMPLETE and data["start_days"] <= last_day:
            self._update(
                action,
                day=last_day,
                rag="green",
                percent=100,
                narrative=PROGRESS_NARRATIVES["green"][-1],
            )

    def _update(self, action: Action, *, day: int, rag: str, percent: int, narrative: str):
        services.progress_update_add(
            action=action,
            author=action.owner,
            rag=rag,
            percent_complete=percent,
            narrative=narrative,
            date=self.today + datetime.timedelta(days=day),
            is_sample=True,
        )
        self.created += 1

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
                "order": order,
            },
        )
        self._count(created)
        for value in data["values"]:
            _, created = IndicatorValue.objects.get_or_create(
                indicator=indicator,
                period_label=value["period_label"],
                defaults={
                    "period_end": datetime.date.fromisoformat(value["period_end"]),
                    "value": _decimal(value["value"]),
                    "comparator": value["comparator"],
                    "comparator_value": _decimal(value["comparator_value"]),
                    "note": value["note"],
                },
            )
            self._count(created)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
