"""Demo termly reports: submitted last term for a few priorities, a draft and two submitted
reports this term (so board members have something to challenge), and a board member's
challenge with its answer. Loaded by load_demo after the domain apps; safe to run again.

The school terms themselves are seeded by a migration with approximate dates (autumn 1
September to 31 December, spring 1 January to 31 March, summer 1 April to 31 August).
"""

from django.contrib.auth import get_user_model

from priorities.models import PriorityArea
from reporting import services
from reporting.models import Term, TermlyReport
from reporting.terms import seed_terms

# Sample words, marked as sample data on the reports.
WORDS = [
    {
        "overall_rag": "amber",
        "highlights": (
            "The Edge of Care Team reached full strength this term and supported 14 families; "
            "no child it worked with came into care."
        ),
        "risks_and_issues": (
            "Placement sufficiency for teenagers with complex needs remains the main risk. "
            "Two actions slipped while the CCG's figures were awaited."
        ),
        "asks_of_board": "Agree a joint approach with the CCG to residential placements.",
    },
    {
        "overall_rag": "green",
        "highlights": (
            "Every action is on track. The Young People's Senate co-designed the new service "
            "specification and sat on the evaluation panel."
        ),
        "risks_and_issues": "Recruitment of specialist staff may delay mobilisation.",
        "asks_of_board": "",
    },
    {
        "overall_rag": "red",
        "highlights": "The needs assessment is complete and shared with partners.",
        "risks_and_issues": (
            "The procurement timetable has slipped by a term; the current contract ends soon."
        ),
        "asks_of_board": "Approve a six-month extension of the current contract.",
    },
]
CHALLENGE = (
    "Two actions are overdue: what is the revised timetable, and what do you need from "
    "partners to keep it?"
)
ANSWER = (
    "The revised timetable is agreed with the CCG: both actions will be complete by the end "
    "of next term. We need the CCG's finance lead at the next working group."
)


def load() -> int:
    """Create the demo reports that are missing; return how many rows were created."""
    created = seed_terms(Term)
    users = get_user_model().objects.in_bulk(["commissioner", "board"], field_name="username")
    commissioner, board_member = users.get("commissioner"), users.get("board")
    current = Term.objects.current()
    previous = current.previous() if current else None
    if commissioner is None or previous is None:
        return created
    areas = list(
        PriorityArea.objects.filter(lead_commissioners=commissioner)
        .select_related("framework")
        .order_by("framework__title", "order", "pk")
    )
    for area, words in zip(areas, WORDS, strict=False):
        report = _submitted(area, previous, words, commissioner, today=previous.end_date)
        if report is None:
            continue
        created += 1
        if board_member is not None and words["overall_rag"] == "amber":
            comment = services.report_comment_add(
                report=report,
                author=board_member,
                text=CHALLENGE,
                about="",
            )
            services.report_comment_answer(comment=comment, author=commissioner, answer=ANSWER)
            created += 1
    if areas and not TermlyReport.objects.filter(priority_area=areas[0], term=current).exists():
        draft = services.termly_report_start(priority_area=areas[0], term=current)
        services.termly_report_save_words(
            report=draft,
            data={"highlights": "Draft in progress: the Edge of Care Team's first full term."},
            expected_version=draft.version,
        )
        created += 1
    # This term: the other priorities' reports are in, awaiting the board's challenge.
    for area, words in zip(areas[1:], WORDS[1:], strict=False):
        if _submitted(area, current, words, commissioner) is not None:
            created += 1
    return created


def _submitted(area, term, words, commissioner, today=None) -> TermlyReport | None:
    """Submit a sample report of the area for the term, unless it already has one."""
    if TermlyReport.objects.filter(priority_area=area, term=term).exists():
        return None
    report = TermlyReport(priority_area=area, term=term, is_sample=True, **words)
    report.full_clean()
    report.save()
    return services.termly_report_submit(report=report, user=commissioner, today=today)
