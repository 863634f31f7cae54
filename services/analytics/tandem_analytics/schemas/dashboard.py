"""A programme's dashboard on the wire: counts, shares and durations, never content."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.dashboard import Dashboard


class WeekPublic(BaseModel):
    week: date = Field(description="The Monday (UTC) of the week the messages were posted in.")
    messages: int


class ModePublic(BaseModel):
    mode: str = Field(description="online | face_to_face")
    planned: int = Field(description="Scheduled and not cancelled, by the planned mode.")
    held: int = Field(description="Held, by the mode actually used.")
    missed: int = Field(description="No-shows, by the planned mode.")


class DashboardPublic(BaseModel):
    programme_id: UUID
    relationships: int = Field(description="Relationships started.")
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None = Field(description="Ended early, of those that ended.")
    messages_per_week: list[WeekPublic]
    meetings_by_mode: list[ModePublic]
    response_time_p50_hours: float | None = Field(
        description="From a member's message to the next message by another member."
    )
    response_time_p90_hours: float | None
    response_adherence: float | None = Field(
        description="Answers within the agreed response time, of answers under an agreement."
    )
    cadence_adherence: float | None = Field(
        description="Meetings held against those the agreed cadence asked for so far."
    )
    isolation_days: int
    isolated_participants: list[UUID] = Field(
        description="No message and no meeting for `isolation_days`, or never posted."
    )
    computed_at: datetime

    @classmethod
    def from_record(cls, d: Dashboard) -> DashboardPublic:
        return cls(
            programme_id=d.programme_id,
            relationships=d.relationships,
            active=d.active,
            completed=d.completed,
            ended_early=d.ended_early,
            drop_out_rate=d.drop_out_rate,
            messages_per_week=[
                WeekPublic(week=w.week, messages=w.messages) for w in d.messages_per_week
            ],
            meetings_by_mode=[
                ModePublic(mode=m.mode, planned=m.planned, held=m.held, missed=m.missed)
                for m in d.meetings_by_mode
            ],
            response_time_p50_hours=d.response_p50_hours,
            response_time_p90_hours=d.response_p90_hours,
            response_adherence=d.response_adherence,
            cadence_adherence=d.cadence_adherence,
            isolation_days=d.isolation_days,
            isolated_participants=list(d.isolated),
            computed_at=d.computed_at,
        )
