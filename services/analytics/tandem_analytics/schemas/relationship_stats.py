"""One relationship's statistics on the wire: never content."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.relationship_stats import RelationshipStats
from tandem_analytics.schemas.dashboard import ModePublic, WeekPublic


class MemberStatsPublic(BaseModel):
    participant_id: UUID = Field(description="The nil UUID for an erased member.")
    role: str | None
    messages: int
    last_message_at: datetime | None
    response_time_p50_hours: float | None = Field(
        description="Their answers: from another member's message to their next one."
    )


class RelationshipStatsPublic(BaseModel):
    relationship_id: UUID
    programme_id: UUID
    format: str | None
    starts_on: date | None
    agreed_end_date: date | None
    ended_at: datetime | None
    outcome: str | None = Field(description="completed | ended_early; null while active.")
    ended_by: str | None
    end_reason: str | None
    agreed_response_time_hours: int | None
    agreed_meeting_cadence_days: int | None
    last_two_way_contact_at: datetime | None
    members: list[MemberStatsPublic]
    messages_per_week: list[WeekPublic]
    meetings_by_mode: list[ModePublic]
    goals: int
    goals_done: int
    milestones: int
    milestones_done: int

    @classmethod
    def from_record(cls, s: RelationshipStats) -> RelationshipStatsPublic:
        return cls(
            relationship_id=s.relationship_id,
            programme_id=s.programme_id,
            format=s.format,
            starts_on=s.starts_on,
            agreed_end_date=s.agreed_end_date,
            ended_at=s.ended_at,
            outcome=s.outcome,
            ended_by=s.ended_by,
            end_reason=s.end_reason,
            agreed_response_time_hours=s.agreed_response_hours,
            agreed_meeting_cadence_days=s.agreed_cadence_days,
            last_two_way_contact_at=s.last_two_way_at,
            members=[
                MemberStatsPublic(
                    participant_id=m.participant_id,
                    role=m.role,
                    messages=m.messages,
                    last_message_at=m.last_message_at,
                    response_time_p50_hours=m.response_p50_hours,
                )
                for m in s.members
            ],
            messages_per_week=[
                WeekPublic(week=w.week, messages=w.messages) for w in s.messages_per_week
            ],
            meetings_by_mode=[
                ModePublic(mode=m.mode, planned=m.planned, held=m.held, missed=m.missed)
                for m in s.meetings_by_mode
            ],
            goals=s.goals,
            goals_done=s.goals_done,
            milestones=s.milestones,
            milestones_done=s.milestones_done,
        )
