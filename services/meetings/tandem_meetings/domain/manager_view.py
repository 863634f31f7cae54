"""What a programme's manager sees of its relationships: counts and states, ids, no words.

The same record answers the manager (``meeting-figures``) and each member who asks what
the manager sees about them (``manager-view``): one shape, so the two cannot drift.
Meetings not cancelled are counted from their attendance (``domain/attendance.py``):
*held* and *missed* (a no-show) as the counting record says, *unrecorded* when nobody
recorded in time (never counted as missed), *awaiting* while over and not yet recorded,
*scheduled* while still to come; *disputed* counts those whose records disagree (each
also counted by its counting record). Online and face to face count the meetings not
cancelled, by the mode actually used once recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tandem_contracts.meetings import AttendanceOutcome, MeetingMode
from tandem_meetings.domain.goals import GoalCount, GoalTally, tally
from tandem_meetings.domain.meetings import MeetingStatus


@dataclass(frozen=True, slots=True)
class MeetingTally:
    """Meetings counted by state, attendance and mode."""

    scheduled: int = 0
    held: int = 0
    missed: int = 0
    unrecorded: int = 0
    awaiting: int = 0
    disputed: int = 0
    cancelled: int = 0
    online: int = 0
    face_to_face: int = 0


@dataclass(frozen=True, slots=True)
class MeetingGroup:
    status: MeetingStatus
    mode: MeetingMode  # the mode used once recorded, else the planned one
    over: bool  # ended before now
    outcome: AttendanceOutcome | None  # None: nobody recorded (yet)
    disputed: bool
    count: int


def meeting_tally(groups: Iterable[MeetingGroup]) -> MeetingTally:
    n: dict[str, int] = dict.fromkeys(MeetingTally.__slots__, 0)
    for g in groups:
        if g.status is MeetingStatus.CANCELLED:
            n["cancelled"] += g.count
            continue
        if g.outcome is AttendanceOutcome.HELD:
            n["held"] += g.count
        elif g.outcome is AttendanceOutcome.NO_SHOW:
            n["missed"] += g.count
        elif g.outcome is AttendanceOutcome.UNRECORDED:
            n["unrecorded"] += g.count
        else:
            n["awaiting" if g.over else "scheduled"] += g.count
        n["disputed"] += g.count if g.disputed else 0
        n["online" if g.mode is MeetingMode.ONLINE else "face_to_face"] += g.count
    return MeetingTally(**n)


@dataclass(frozen=True, slots=True)
class Overseen:
    """A relationship as a line of the manager's figures (which one, in what state)."""

    id: UUID
    programme_id: UUID
    status: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class RelationshipFigures:
    relationship_id: UUID
    programme_id: UUID
    status: str
    meetings: MeetingTally
    goals: tuple[GoalCount, ...]

    @property
    def goal_tally(self) -> GoalTally:
        return tally(g.state for g in self.goals)


@dataclass(frozen=True, slots=True)
class ProgrammeFigures:
    programme_id: UUID
    meetings: MeetingTally
    goals: GoalTally
    relationships: int


def relationship_figures(
    relationship_id: UUID,
    programme_id: UUID,
    status: str,
    groups: Sequence[MeetingGroup],
    goals: Sequence[GoalCount],
) -> RelationshipFigures:
    return RelationshipFigures(
        relationship_id, programme_id, status, meeting_tally(groups), tuple(goals)
    )
