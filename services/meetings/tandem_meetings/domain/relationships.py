"""A mentoring relationship as meetings holds it: matching's facts, and who is in it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from tandem_contracts.common import MentoringFormat, Role


class Sealed(Protocol):
    """A ciphertext as records carry it (the service opens it with the right key)."""

    @property
    def nonce(self) -> bytes: ...

    @property
    def ciphertext(self) -> bytes: ...


class RelationshipStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Member:
    relationship_id: UUID
    participant_id: UUID
    subject: str
    role: Role


@dataclass(frozen=True, slots=True)
class Relationship:
    id: UUID
    programme_id: UUID
    format: MentoringFormat
    starts_on: date
    agreed_end_date: date
    status: RelationshipStatus
    cadence_days: int | None
    wrapped_key: Sealed
    started_at: datetime
    ended_at: datetime | None

    @property
    def active(self) -> bool:
        return self.status is RelationshipStatus.ACTIVE


def end(relationship: Relationship, now: datetime) -> Relationship:
    """Active → ended; ending an ended relationship changes nothing (redelivery)."""
    if not relationship.active:
        return relationship
    return replace(relationship, status=RelationshipStatus.ENDED, ended_at=now)


def unique_members(members: list[Member]) -> list[Member]:
    """One row per participant (a malformed event naming someone twice keeps the first)."""
    seen: dict[UUID, Member] = {}
    for member in members:
        seen.setdefault(member.participant_id, member)
    return list(seen.values())
