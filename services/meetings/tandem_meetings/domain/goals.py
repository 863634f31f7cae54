"""A relationship's goals and milestones: records, the progress life cycle, the counts.

Goals start from the mentee's employment goals (matching's profile tokens, e.g. ``cv``),
seeded once when the relationship starts; members add their own with a title and a
target date, break them into milestones and mark progress:
``open → in_progress → done`` (or straight to done), and ``open | in_progress →
dropped``. Done and dropped are final. What leaves the relationship (the manager's
view, ``goal.progressed``) is counts and states, never a goal's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from tandem_contracts.meetings import GoalState
from tandem_meetings.domain.relationships import Sealed

_NEXT: dict[GoalState, frozenset[GoalState]] = {
    GoalState.OPEN: frozenset({GoalState.IN_PROGRESS, GoalState.DONE, GoalState.DROPPED}),
    GoalState.IN_PROGRESS: frozenset({GoalState.DONE, GoalState.DROPPED}),
    GoalState.DONE: frozenset(),
    GoalState.DROPPED: frozenset(),
}


class GoalStateConflict(Exception):
    """A change the goal's state does not allow (a 409)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Goal:
    id: UUID
    relationship_id: UUID
    programme_id: UUID
    token: str | None  # the profile's goal token it was seeded from; None: a member's own
    title: Sealed | None  # sealed under the relationship's key; None: only the token
    target_date: date | None
    state: GoalState
    created_by: UUID | None  # the member who added it (None: seeded, or erased since)
    created_at: datetime
    updated_at: datetime

    @property
    def closed(self) -> bool:
        return self.state in (GoalState.DONE, GoalState.DROPPED)


@dataclass(frozen=True, slots=True)
class Milestone:
    id: UUID
    goal_id: UUID
    relationship_id: UUID
    title: Sealed
    due_date: date | None
    done: bool
    done_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class GoalCount:
    """One goal as the manager sees it: its id, state and milestone counts."""

    goal_id: UUID
    state: GoalState
    milestones_total: int
    milestones_done: int


@dataclass(frozen=True, slots=True)
class GoalTally:
    """A relationship's goals in numbers ("3 of 5 goals done"); dropped ones do not count
    towards the total, as the event's contract says."""

    total: int
    done: int
    in_progress: int
    open: int
    dropped: int

    @property
    def summary(self) -> str:
        return f"{self.done} of {self.total} goals done"


def tally(states: Iterable[GoalState]) -> GoalTally:
    given = list(states)
    dropped = given.count(GoalState.DROPPED)
    return GoalTally(
        total=len(given) - dropped,
        done=given.count(GoalState.DONE),
        in_progress=given.count(GoalState.IN_PROGRESS),
        open=given.count(GoalState.OPEN),
        dropped=dropped,
    )


def seed_tokens(tokens: Sequence[str], already: Iterable[str | None]) -> list[str]:
    """The profile's goal tokens not yet goals of the relationship, in the profile's order
    (seeding is idempotent: a token is a goal once)."""
    have = {t for t in already if t is not None}
    return [t for t in dict.fromkeys(tokens) if t not in have]


def progress(goal: Goal, state: GoalState, now: datetime) -> Goal:
    """Move the goal to ``state``; the same state again changes nothing."""
    if state is goal.state:
        return goal
    if state not in _NEXT[goal.state]:
        raise GoalStateConflict(
            "goal_transition_not_allowed",
            f"A goal that is {goal.state.value} cannot become {state.value}.",
        )
    return replace(goal, state=state, updated_at=now)


def require_open_for_change(goal: Goal) -> None:
    """Done and dropped goals keep their words and milestones as they were."""
    if goal.closed:
        raise GoalStateConflict("goal_closed", f"This goal is {goal.state.value}: it is final.")


def replace_dates(goal: Goal, target_date: date | None, now: datetime) -> Goal:
    if target_date == goal.target_date:
        return goal
    return replace(goal, target_date=target_date, updated_at=now)


def renamed(goal: Goal, title: Sealed, now: datetime) -> Goal:
    return replace(goal, title=title, updated_at=now)


def milestone_due(milestone: Milestone, due_date: date | None, now: datetime) -> Milestone:
    if due_date == milestone.due_date:
        return milestone
    return replace(milestone, due_date=due_date, updated_at=now)


def milestone_renamed(milestone: Milestone, title: Sealed, now: datetime) -> Milestone:
    return replace(milestone, title=title, updated_at=now)


def mark_milestone(milestone: Milestone, done: bool, now: datetime) -> Milestone:
    if done is milestone.done:
        return milestone
    return replace(milestone, done=done, done_at=now if done else None, updated_at=now)


def count(goal: Goal, milestones: Sequence[Milestone]) -> GoalCount:
    return GoalCount(
        goal_id=goal.id,
        state=goal.state,
        milestones_total=len(milestones),
        milestones_done=sum(1 for m in milestones if m.done),
    )
