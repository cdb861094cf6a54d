"""Link the demo's board decisions to the priorities they concern, and create an action from
one of them (priorities/demo/decisions.yaml); a second run adds nothing."""

from datetime import timedelta

from django.utils import timezone

from core.seed_files import read_seed
from governance import services as governance_services
from governance.models import Decision, Organisation
from priorities import services
from priorities.models import Action, PriorityArea


def load(*, owner) -> int:
    """Link what is unlinked; return how many actions were created. `owner` owns the action."""
    created = 0
    today = timezone.localdate()
    for row in read_seed("priorities", "decisions")["links"]:
        decision = Decision.objects.filter(text__startswith=row["decision"]).first()
        if decision is None:
            continue
        partnership = decision.meeting.board.partnership_id
        area = PriorityArea.objects.filter(
            title=row["priority"], framework__partnership_id=partnership
        ).first()
        if area is None:
            continue
        if decision.concerns_id is None:
            decision = governance_services.decision_update(
                decision=decision, expected_version=decision.version, concerns=area
            )
        seed = row.get("action")
        if seed is None or owner is None or Action.objects.filter(from_decision=decision).exists():
            continue
        services.action_create_from_decision(
            decision=decision,
            priority_area=area,
            data={
                "title": seed["title"],
                "description": f"Arising from the board's decision: {decision.text}",
                "owner": owner,
                "lead_organisation": Organisation.objects.get(short_name=seed["lead_organisation"]),
                "start_date": today + timedelta(days=seed["start_in_days"]),
                "due_date": today + timedelta(days=seed["due_in_days"]),
                "status": seed["status"],
            },
        )
        created += 1
    return created
