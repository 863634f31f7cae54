"""A programme's dashboard: the figures a manager acts on, from the read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: date  # the Monday (UTC)
    messages: int


@dataclass(frozen=True, slots=True)
class ModeCount:
    mode: str  # online | face_to_face
    planned: int  # scheduled and not cancelled
    held: int  # by the mode actually used
    missed: int  # no-shows, by the planned mode


@dataclass(frozen=True, slots=True)
class Dashboard:
    programme_id: UUID
    relationships: int
    active: int
    completed: int
    ended_early: int
    messages_per_week: tuple[WeekCount, ...]
    meetings_by_mode: tuple[ModeCount, ...]
    response_p50_hours: float | None
    response_p90_hours: float | None
    # Answers within the agreed response time, of answered messages under an agreement.
    response_adherence: float | None
    # Meetings held against those the agreed cadence asks for, up to now (capped at 1).
    cadence_adherence: float | None
    isolation_days: int
    isolated: tuple[UUID, ...]
    computed_at: datetime

    @property
    def drop_out_rate(self) -> float | None:
        """Ended early, of the relationships that ended."""
        ended = self.completed + self.ended_early
        return self.ended_early / ended if ended else None


def is_isolated(
    last_contact: datetime | None,
    last_meeting: datetime | None,
    first_posted: datetime | None,
    *,
    now: datetime,
    days: int,
) -> bool:
    """No contact and no meeting for ``days``, or never posted."""
    if first_posted is None:
        return True
    latest = max((t for t in (last_contact, last_meeting) if t is not None), default=None)
    return latest is None or latest < now - timedelta(days=days)


def expected_meetings(
    started: datetime | None, ended: datetime | None, cadence_days: int | None, now: datetime
) -> int:
    """Meetings the agreed cadence asks for between the start and the end (or now)."""
    if started is None or cadence_days is None:
        return 0
    until = min(ended, now) if ended is not None else now
    return max(0, int((until - started) / timedelta(days=cadence_days)))
