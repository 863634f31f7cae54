"""Check-ins' own copy of a relationship: its dates and members, as matching announced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from tandem_analytics.domain.check_ins import Schedule


@dataclass(frozen=True, slots=True)
class Member:
    participant_id: UUID
    subject: str
    role: str  # mentor | mentee


@dataclass(frozen=True, slots=True)
class Relationship:
    id: UUID
    programme_id: UUID
    starts_on: date | None  # None until relationship.started arrives
    agreed_end_date: date | None
    ended_on: date | None
    outcome: str | None
    members: tuple[Member, ...] = ()

    @property
    def schedule(self) -> Schedule | None:
        if self.starts_on is None or self.agreed_end_date is None:
            return None
        return Schedule(self.starts_on, self.agreed_end_date, self.ended_on)

    def member(self, subject: str) -> Member | None:
        return next((m for m in self.members if m.subject == subject), None)
