"""What a programme's manager sees of its relationships: counts and states, ids, no words.

The same record answers the manager (``meeting-figures``) and each member who asks what
the manager sees about them (``manager-view``): one shape, so the two cannot drift.
A meeting is *held* once it is over without having been cancelled, *scheduled* while it
is still to come; online and face to face count the meetings not cancelled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tandem_contracts.meetings import MeetingMode
from tandem_meetings.domain.goals import GoalCount, GoalTally, tally
from tandem_meetings.domain.meetings import MeetingStatus


@dataclass(frozen=True, slots=True)
class MeetingTally:
    """Meetings grouped by (status, mode, over) with how many there are of each."""

    scheduled: int = 0
    held: int = 0
    cancelled: int = 0
    online: int = 0
    face_to_face: int = 0


@dataclass(frozen=True, slots=True)
class MeetingGroup:
    status: MeetingStatus
    mode: MeetingMode
    over: bool  # ended before now
    count: int


def meeting_tally(groups: Iterable[MeetingGroup]) -> MeetingTally:
    scheduled = held = cancelled = online = face_to_face = 0
    for g in groups:
        if g.status is MeetingStatus.CANCELLED:
            cancelled += g.count
            continue
        if g.over:
            held += g.count
        else:
            scheduled += g.count
        if g.mode is MeetingMode.ONLINE:
            online += g.count
        else:
            face_to_face += g.count
    return MeetingTally(scheduled, held, cancelled, online, face_to_face)


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
