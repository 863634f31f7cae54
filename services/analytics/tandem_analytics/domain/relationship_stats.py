"""One relationship's statistics: counts, times and states, never a word of content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from tandem_analytics.domain.dashboard import ModeCount, WeekCount


@dataclass(frozen=True, slots=True)
class MemberStats:
    participant_id: UUID  # the nil UUID for an erased member
    role: str | None
    messages: int
    last_message_at: datetime | None
    response_p50_hours: float | None  # as the one who answers


@dataclass(frozen=True, slots=True)
class RelationshipStats:
    relationship_id: UUID
    programme_id: UUID
    format: str | None
    starts_on: date | None
    agreed_end_date: date | None
    ended_at: datetime | None
    outcome: str | None
    ended_by: str | None
    end_reason: str | None
    agreed_response_hours: int | None
    agreed_cadence_days: int | None
    last_two_way_at: datetime | None
    members: tuple[MemberStats, ...]
    messages_per_week: tuple[WeekCount, ...]
    meetings_by_mode: tuple[ModeCount, ...]
    goals: int  # dropped ones excluded
    goals_done: int
    milestones: int
    milestones_done: int
