"""Reads of the governance app, with the queries each page needs decided here."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from core.partnerships import current_partnership, scope
from governance.models import AgendaItem, Board, Decision, Meeting, Membership

# Seats in the order a board's papers list them.
ROLE_RANK = {role: rank for rank, role in enumerate(Membership.Role.values)}
# How many past meetings and decisions a board page lists before pointing to the full log.
BOARD_PAGE_LIMIT = 12
# What a decision's row reads to name its owner (Decision.owner_name).
DECISION_OWNER = ("owner_user", "owner_organisation")


def current_memberships(today: date | None = None) -> QuerySet[Membership]:
    """Memberships that have started and not ended on `today`."""
    today = today or timezone.localdate()
    return Membership.objects.filter(start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


@dataclass
class BoardNode:
    """A body in the governance tree, with the bodies that report to it."""

    board: Board
    children: list["BoardNode"] = field(default_factory=list)
    size: int = 1  # this body and every body below it

    @property
    def chair(self) -> Membership | None:
        chairs = getattr(self.board, "current_chairs", [])
        return chairs[0] if chairs else None


@dataclass
class TreeRow:
    """One body in page order; `closes` counts the nested lists that end after it."""

    node: BoardNode
    depth: int
    closes: range = range(0)


@dataclass
class Partnership:
    """One children's trust partnership and the bodies at the top of its structure."""

    name: str
    roots: list[BoardNode]

    @property
    def rows(self) -> list[TreeRow]:
        return _flatten(self.roots)


def _walk(roots: list[BoardNode]) -> list[tuple[BoardNode, int]]:
    """Every node below `roots`, parents before children, with its depth.

    A loop, not recursion, so no depth of tree can exhaust Python's stack (nor the
    template's: the page renders these rows flat instead of including itself).
    """
    order: list[tuple[BoardNode, int]] = []
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        order.append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return order


def _flatten(roots: list[BoardNode]) -> list[TreeRow]:
    walked = _walk(roots)
    rows = []
    for index, (node, depth) in enumerate(walked):
        next_depth = walked[index + 1][1] if index + 1 < len(walked) else 0
        rows.append(TreeRow(node, depth, range(max(depth - next_depth, 0))))
    return rows


def _break_loops(nodes: dict[int, BoardNode], roots: list[BoardNode]) -> None:
    """Show bodies caught in a reporting loop (only raw SQL can make one) as top bodies.

    Without this they would be missing from the page, as no top body leads to them.
    """
    while True:
        reached = {node.board.pk for node, _ in _walk(roots)}
        stranded = [pk for pk in nodes if pk not in reached]
        if not stranded:
            return
        node = nodes[min(stranded)]
        nodes[node.board.reports_to_id].children.remove(node)
        roots.append(node)


def structure_boards(user) -> QuerySet[Board]:
    """Every body of the user's partnership with its parent and its current chairs: two queries
    whatever the tree's size."""
    chairs = (
        current_memberships()
        .filter(role=Membership.Role.CHAIR)
        .select_related("organisation")
        .order_by("start_date", "pk")
    )
    return (
        scope(Board.objects, user)
        .select_related("reports_to", "partnership")
        .prefetch_related(Prefetch("memberships", queryset=chairs, to_attr="current_chairs"))
    )


def governance_structure(user) -> list[Partnership]:
    """The tree of the user's partnership; its main body comes first."""
    boards = list(structure_boards(user))
    nodes = {board.pk: BoardNode(board) for board in boards}
    roots: list[BoardNode] = []
    for board in boards:
        parent = nodes.get(board.reports_to_id)
        (parent.children if parent else roots).append(nodes[board.pk])
    _break_loops(nodes, roots)
    for node in nodes.values():
        node.children.sort(key=lambda child: child.board.name)
    for node, _ in reversed(_walk(roots)):  # children before their parents
        node.size = 1 + sum(child.size for child in node.children)
    if not roots:
        return []
    partnership = current_partnership(user)
    return [Partnership(partnership.name, sorted(roots, key=lambda n: (-n.size, n.board.name)))]


def board_for_page(pk: int, user) -> QuerySet[Board]:
    """A board of the user's partnership, with the memberships its edit rule reads
    (core.roles.can_edit_board_records)."""
    boards = scope(Board.objects, user).select_related("reports_to", "partnership")
    return boards.prefetch_related("memberships").filter(pk=pk)


def boards_with_seats_of(boards: Iterable[Board], user) -> list[Board]:
    """`boards` with `user`'s own seats on them as their `memberships`, fetched in one query:
    all that the edit rule of each (can_edit_board_records) reads, where a board may have
    thousands of past and present members."""
    boards = list(boards)
    seats = Membership.objects.filter(user_id=user.pk)
    prefetch_related_objects(boards, Prefetch("memberships", queryset=seats))
    return boards


def _by_organisation(memberships: list[Membership]) -> list[Membership]:
    return sorted(
        memberships,
        key=lambda m: (m.organisation.name, ROLE_RANK.get(m.role, 99), m.person_name),
    )


def board_page_data(board: Board) -> dict:
    """Members (current and past, by organisation), meetings and recent decisions of a board."""
    today = timezone.localdate()
    memberships = list(board.memberships.select_related("organisation", "user"))
    past = [m for m in memberships if m.end_date is not None and m.end_date < today]
    current = [m for m in memberships if m not in past]
    now = timezone.now()
    meetings = board.meetings.all()
    decisions = (
        Decision.objects.filter(meeting__board=board)
        .select_related("meeting__board", *DECISION_OWNER)
        .order_by("-meeting__starts_at", "pk")
    )
    return {
        "reporting_bodies": list(board.reporting_bodies.all()),
        "current_members": _by_organisation(current),
        "past_members": _by_organisation(past),
        "upcoming_meetings": list(meetings.filter(starts_at__gte=now).order_by("starts_at")),
        "past_meetings": list(meetings.filter(starts_at__lt=now)[:BOARD_PAGE_LIMIT]),
        "decisions": list(decisions[:BOARD_PAGE_LIMIT]),
        "decision_count": decisions.count(),
        "page_limit": BOARD_PAGE_LIMIT,
    }


def meeting_for_page(user) -> QuerySet[Meeting]:
    """The user's partnership's meetings with their board, agenda in order and decisions."""
    return (
        scope(Meeting.objects, user)
        .select_related("board")
        .prefetch_related(
            "board__memberships",
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk")),
            # The termly reports on the agenda (a reporting model's key to the item: read by
            # its related name, so governance imports nothing of reporting).
            "agenda_items__termly_reports__priority_area",
            "agenda_items__termly_reports__term",
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related(
                    "meeting__board", *DECISION_OWNER
                ).order_by("pk"),
            ),
        )
    )


def decision_log(user) -> QuerySet[Decision]:
    """Decisions across the user's partnership's boards, newest meeting first, with what each row
    shows."""
    return (
        scope(Decision.objects, user)
        .select_related("meeting__board", *DECISION_OWNER)
        .order_by("-meeting__starts_at", "pk")
    )
