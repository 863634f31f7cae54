"""A member's answered check-in as a manager of a named-consent programme sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class AnsweredCheckIn:
    id: UUID
    relationship_id: UUID | None  # None once the member was erased
    participant_id: UUID | None
    role: str | None  # mentor | mentee
    round_key: str
    kind: str
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class NamedAnswers:
    check_in: AnsweredCheckIn
    answers: dict[str, int]  # question id -> 1..5
