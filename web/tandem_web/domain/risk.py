"""What a programme's manager sees of its relationships at risk: analytics' open flags
(their reasons already in the reader's words) and the dashboard's main figures. Counts,
shares and durations only: never a word anyone wrote."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tandem_web.domain.participants import Section


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str  # analytics' words, in the language the page asked for
    action_text: str


@dataclass(frozen=True, slots=True)
class RiskFlag:
    id: uuid.UUID
    relationship_id: uuid.UUID
    reasons: tuple[Reason, ...]
    raised_at: datetime


@dataclass(frozen=True, slots=True)
class Week:
    week: date  # its Monday (UTC)
    messages: int


@dataclass(frozen=True, slots=True)
class Mode:
    mode: str  # online | face_to_face
    planned: int
    held: int
    missed: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None  # ended early, of those that ended
    messages_per_week: tuple[Week, ...]
    meetings_by_mode: tuple[Mode, ...]
    response_p50_hours: float | None
    response_p90_hours: float | None
    computed_at: datetime


@dataclass(frozen=True, slots=True)
class ManagedProgramme:
    id: uuid.UUID
    name: str | None  # None: matching did not answer, the page shows the id


class RiskShown(StrEnum):
    SHOWN = "shown"
    FORBIDDEN = "forbidden"  # analytics refuses: not a manager of this programme
    MISSING = "missing"  # no such programme
    UNAVAILABLE = "unavailable"  # analytics is not answering


STATUS = {
    RiskShown.SHOWN: 200,
    RiskShown.FORBIDDEN: 403,
    RiskShown.MISSING: 404,
    RiskShown.UNAVAILABLE: 503,
}


def risk_refusal(status: int) -> RiskShown:
    return RiskShown.FORBIDDEN if status == 403 else RiskShown.MISSING


@dataclass(frozen=True, slots=True)
class RiskPage:
    shown: RiskShown
    programme_id: uuid.UUID
    zone: str
    name: str | None = None
    flags: tuple[RiskFlag, ...] = ()
    dashboard: Section[Dashboard] | None = None
    # relationship id -> its members' names (matching's; empty when it did not answer)
    names: Mapping[uuid.UUID, tuple[str, ...]] | None = None

    @property
    def status(self) -> int:
        return STATUS[self.shown]

    def members_of(self, relationship_id: uuid.UUID) -> str:
        return ", ".join((self.names or {}).get(relationship_id, ()))
