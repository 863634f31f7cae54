"""Slots on the wire: the ranked times for a planned activity, each on every member's
clock, or the blockers (who blocks and why)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_meetings.domain.plans import ActivityMode
from tandem_meetings.schemas.plans import MemberTimePublic


class SlotPublic(BaseModel):
    rank: int = Field(description="1 is the best: fair to every member's clock, spread out.")
    starts_at: datetime
    ends_at: datetime
    attendees: list[UUID] = Field(description="Who can come (a group's quorum may leave some).")
    local: list[MemberTimePublic]


class BlockerPublic(BaseModel):
    code: str = Field(description="Stable: no_availability, outside_meeting_hours, busy, …")
    participant_ids: list[UUID] = Field(description="Who blocks (none: the window itself).")
    reason: str


class SlotsPublic(BaseModel):
    relationship_id: UUID
    activity_id: UUID
    activity_key: str
    mode: ActivityMode
    duration_minutes: int
    window_start: datetime
    window_end: datetime
    quorum_min_mentees: int | None = Field(
        description="A group's quorum: the mentor and at least this many mentees (null: all)."
    )
    slots: list[SlotPublic]
    blockers: list[BlockerPublic] = Field(description="Why nothing fits, when nothing does.")
