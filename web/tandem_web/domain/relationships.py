"""A programme's relationships as its manager sees them: members, format, state, and the
open at-risk flag analytics holds for each, with its reasons. States and names only:
never a word the members wrote."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from tandem_web.domain.manager_pages import STATUS, Shown
from tandem_web.domain.risk import RiskFlag

# The order the page lists them in: what needs the manager first.
STATE_ORDER = ("active", "proposed", "ended_early", "completed", "declined")


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    role: str  # mentor | mentee


@dataclass(frozen=True, slots=True)
class ManagedRelationship:
    id: uuid.UUID
    status: str
    format: str
    members: tuple[Member, ...]
    starts_on: date | None
    ended_at: datetime | None
    created_at: datetime

    def names(self) -> str:
        return ", ".join(m.name for m in self.members)


@dataclass(frozen=True, slots=True)
class RelationshipsPage:
    shown: Shown
    programme_id: uuid.UUID
    zone: str
    name: str | None = None
    relationships: tuple[ManagedRelationship, ...] = ()
    # relationship id -> its open flag; None: analytics is not answering
    flags: Mapping[uuid.UUID, RiskFlag] | None = field(default_factory=dict)

    @property
    def status(self) -> int:
        return STATUS[self.shown]

    @property
    def at_risk(self) -> int:
        return sum(r.id in (self.flags or {}) for r in self.relationships)


def in_order(found: list[ManagedRelationship]) -> tuple[ManagedRelationship, ...]:
    """By state (active first), then newest first."""
    rank = {state: i for i, state in enumerate(STATE_ORDER)}
    newest = sorted(found, key=lambda r: r.created_at, reverse=True)
    return tuple(sorted(newest, key=lambda r: rank.get(r.status, len(rank))))


def latest_flags(flags: list[RiskFlag]) -> dict[uuid.UUID, RiskFlag]:
    """Each relationship's newest open flag."""
    found: dict[uuid.UUID, RiskFlag] = {}
    for flag in sorted(flags, key=lambda f: f.raised_at):
        found[flag.relationship_id] = flag
    return found
