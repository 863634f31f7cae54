"""Events published by the meetings service on ``tandem.meetings.v1``.

Ids and facts only: a meeting's place, its video link, its agenda and its notes never
leave the meetings service; consumers learn when a relationship met, how (online or
face to face), for how long and who came, which is what the statistics need.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_contracts.base import Event
from tandem_contracts.common import Role


class MeetingsEvent(Event):
    producer: ClassVar = "meetings"


class MeetingMode(StrEnum):
    """How a meeting happens: a video link, or a place."""

    ONLINE = "online"
    FACE_TO_FACE = "face_to_face"


class MeetingFacts(MeetingsEvent):
    """When and how one meeting of a relationship happens (never where, never the link)."""

    relationship_id: UUID
    meeting_id: UUID
    planned_activity_id: UUID | None = Field(
        description="The relationship's planned activity this meeting carries out, if any."
    )
    activity_key: str | None = Field(
        default=None,
        max_length=64,
        description="The plan activity's key (e.g. `kick_off`, `regular`, `closing`).",
    )
    mode: MeetingMode
    starts_at: datetime = Field(description="UTC.")
    ends_at: datetime = Field(description="UTC.")
    sequence: int = Field(ge=0, description="The iCalendar SEQUENCE: rises on every change.")


class MeetingScheduled(MeetingFacts):
    event_type: ClassVar = "tandem.meeting.scheduled.v1"


class MeetingRescheduled(MeetingFacts):
    event_type: ClassVar = "tandem.meeting.rescheduled.v1"

    previous_starts_at: datetime = Field(description="UTC.")
    previous_ends_at: datetime = Field(description="UTC.")


class CancelledBy(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    MANAGER = "manager"
    SYSTEM = "system"


class CancelReason(StrEnum):
    """Why a meeting was cancelled: a code; the members' own words stay in meetings."""

    CONFLICT = "conflict"
    ILLNESS = "illness"
    NO_LONGER_NEEDED = "no_longer_needed"
    RELATIONSHIP_ENDED = "relationship_ended"
    PARTICIPANT_ERASED = "participant_erased"
    OTHER = "other"


class MeetingCancelled(MeetingFacts):
    event_type: ClassVar = "tandem.meeting.cancelled.v1"

    cancelled_by: CancelledBy
    reason: CancelReason


class Attendee(BaseModel):
    participant_id: UUID
    role: Role


class AttendanceOutcome(StrEnum):
    HELD = "held"
    NO_SHOW = "no_show"  # a record says nobody but the recorder (or nobody) came
    UNRECORDED = "unrecorded"  # nobody recorded in time: not a no-show


class MeetingAttendanceRecorded(MeetingsEvent):
    """A member recorded who came (or nobody did in time: ``unrecorded``)."""

    event_type: ClassVar = "tandem.meeting.attendance.recorded.v1"

    relationship_id: UUID
    meeting_id: UUID
    outcome: AttendanceOutcome
    attended: list[Attendee]
    mode: MeetingMode = Field(description="The mode actually used.")
    duration_minutes: int = Field(ge=0, le=24 * 60)
    recorded_by_role: Role | None = Field(description="None for `unrecorded`.")
    recorded_at: datetime
    disputed: bool = Field(
        default=False, description="Another member's record of this meeting disagrees."
    )


class GoalState(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class GoalProgressed(MeetingsEvent):
    """A goal of a relationship changed state: counts and states, never the goal's words."""

    event_type: ClassVar = "tandem.goal.progressed.v1"

    relationship_id: UUID
    goal_id: UUID
    state: GoalState
    milestones_total: int = Field(ge=0)
    milestones_done: int = Field(ge=0)
    goals_total: int = Field(ge=0, description="The relationship's goals, dropped ones excluded.")
    goals_done: int = Field(ge=0)
    progressed_at: datetime
