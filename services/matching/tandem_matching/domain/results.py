"""What a match run hands back: pairs, groups, the unmatched and how the run went.

Kept apart from :mod:`engine` so that :mod:`groups` and :mod:`review`, which the engine
calls, can name these types without importing the engine (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple
from uuid import UUID

from tandem_contracts.common import Role


class MatchRunCancelled(Exception):
    """Raised inside a run when ``should_cancel()`` returned True."""


class MatchedPair(NamedTuple):
    """A named tuple, not a dataclass: a run builds one per matched mentee (90,000 in the
    benchmark), and a frozen dataclass's ``__init__`` cost 0.19 s of it."""

    mentee_id: UUID
    mentor_id: UUID
    score: float


@dataclass(frozen=True, slots=True)
class MentoringGroup:
    """One mentor with several mentees who share ``shared_goals``."""

    mentor_id: UUID
    mentee_ids: tuple[UUID, ...]
    shared_goals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A mentee left without a mentor, and why (``code`` is stable, ``reason`` is prose)."""

    mentee_id: UUID
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class NotGrouped:
    """A participant who preferred group mentoring and is not in a group, and why
    (``code`` is stable, ``reason`` is prose; see :mod:`group_reasons`)."""

    participant_id: UUID
    role: Role
    code: str
    reason: str

    def json(self) -> dict[str, str]:
        """As the run summary stores it (ids as text)."""
        return {
            "participant_id": str(self.participant_id),
            "role": self.role.value,
            "code": self.code,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class RunStats:
    """How a run went: seconds per phase, feasible pairs scored, auction bids, solve and
    certificate rounds, and graph columns the certificates added."""

    timings: dict[str, float] = field(default_factory=dict)
    pairs_scored: int = 0
    k: int = 0
    bids: int = 0
    rounds: int = 0
    columns_added: int = 0


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Outcome of a run.

    ``bound``: no assignment of ``matched`` pairs, over all feasible pairs, scores more.
    ``cardinality_certified``: no assignment at all matches more mentees.
    """

    pairs: tuple[MatchedPair, ...]
    unmatched: tuple[Unmatched, ...]
    groups: tuple[MentoringGroup, ...]
    matched: int
    total_score: float
    bound: float
    gap: float
    cardinality_certified: bool
    stats: RunStats
    not_grouped: tuple[NotGrouped, ...] = ()
