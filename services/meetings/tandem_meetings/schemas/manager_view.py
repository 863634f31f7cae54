"""What the manager sees, on the wire: ids, counts and states, never a word."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field

from tandem_contracts.meetings import GoalState
from tandem_meetings.domain.goals import GoalCount, GoalTally
from tandem_meetings.domain.manager_view import (
    MeetingTally,
    ProgrammeFigures,
    RelationshipFigures,
)


class MeetingCountsPublic(BaseModel):
    scheduled: int = Field(description="Still to come.")
    held: int = Field(description="Attendance recorded: at least two members met.")
    missed: int = Field(description="Attendance recorded: a no-show.")
    unrecorded: int = Field(description="Nobody recorded attendance in time (not a no-show).")
    awaiting: int = Field(description="Over, attendance not recorded yet.")
    disputed: int = Field(description="Members' records disagree (also counted above).")
    cancelled: int
    online: int = Field(description="Not cancelled, online (the mode used once recorded).")
    face_to_face: int = Field(description="Not cancelled, face to face (likewise).")

    @classmethod
    def from_record(cls, t: MeetingTally) -> MeetingCountsPublic:
        return cls(
            scheduled=t.scheduled,
            held=t.held,
            missed=t.missed,
            unrecorded=t.unrecorded,
            awaiting=t.awaiting,
            disputed=t.disputed,
            cancelled=t.cancelled,
            online=t.online,
            face_to_face=t.face_to_face,
        )


class GoalCountsPublic(BaseModel):
    total: int = Field(description="Dropped goals excluded.")
    done: int
    in_progress: int
    open: int
    dropped: int
    summary: str = Field(examples=["3 of 5 goals done"])

    @classmethod
    def from_record(cls, t: GoalTally) -> GoalCountsPublic:
        return cls(
            total=t.total,
            done=t.done,
            in_progress=t.in_progress,
            open=t.open,
            dropped=t.dropped,
            summary=t.summary,
        )


class GoalStatePublic(BaseModel):
    goal_id: UUID
    state: GoalState
    milestones_total: int
    milestones_done: int

    @classmethod
    def from_record(cls, g: GoalCount) -> GoalStatePublic:
        return cls(
            goal_id=g.goal_id,
            state=g.state,
            milestones_total=g.milestones_total,
            milestones_done=g.milestones_done,
        )


class RelationshipFiguresPublic(BaseModel):
    """One relationship as its programme's manager sees it (and its members, when they
    ask what the manager sees about them)."""

    relationship_id: UUID
    programme_id: UUID
    status: str
    meetings: MeetingCountsPublic
    goals: GoalCountsPublic
    goal_states: list[GoalStatePublic]

    @classmethod
    def from_record(cls, f: RelationshipFigures) -> RelationshipFiguresPublic:
        return cls(
            relationship_id=f.relationship_id,
            programme_id=f.programme_id,
            status=f.status,
            meetings=MeetingCountsPublic.from_record(f.meetings),
            goals=GoalCountsPublic.from_record(f.goal_tally),
            goal_states=[GoalStatePublic.from_record(g) for g in f.goals],
        )


class MeetingFiguresPublic(BaseModel):
    """A programme's meeting figures, with one page of its relationships' lines."""

    programme_id: UUID
    relationships_total: int
    meetings: MeetingCountsPublic
    goals: GoalCountsPublic
    items: list[RelationshipFiguresPublic] = Field(description="Relationships, oldest first.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next relationships.")

    @classmethod
    def of(
        cls,
        figures: ProgrammeFigures,
        items: list[RelationshipFiguresPublic],
        next_cursor: str | None,
    ) -> MeetingFiguresPublic:
        return cls(
            programme_id=figures.programme_id,
            relationships_total=figures.relationships,
            meetings=MeetingCountsPublic.from_record(figures.meetings),
            goals=GoalCountsPublic.from_record(figures.goals),
            items=items,
            next_cursor=next_cursor,
        )
