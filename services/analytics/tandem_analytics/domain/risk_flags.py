"""A relationship's risk flag: when an evaluation raises, keeps, updates or clears it.

A flag is raised once and stays open while any reason holds (its reasons follow the
figures, without a second ``relationship.at_risk``); it clears when no reason is left,
when the relationship ends, or when a manager dismisses it. A dismissal *holds*: the
same reasons do not raise a new flag until they have all gone once (a manager who
said "I know, they are on holiday" is not asked again tomorrow), but a reason the
manager has not seen raises one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid5

from tandem_contracts.analytics import ClearedBy, RiskReason, RiskReasonCode, RiskSource


@dataclass(frozen=True, slots=True)
class RiskFlag:
    id: UUID
    relationship_id: UUID
    programme_id: UUID
    source: RiskSource
    reasons: tuple[RiskReason, ...]
    raised_at: datetime
    cleared_at: datetime | None = None
    cleared_by: ClearedBy | None = None
    dismissal_reason: str | None = None
    # Dismissed and still holding its codes back (see the module's docstring).
    holds: bool = False

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None

    @property
    def codes(self) -> frozenset[RiskReasonCode]:
        return frozenset(reason.code for reason in self.reasons)


class Step(StrEnum):
    NOTHING = "nothing"
    RAISE = "raise"
    UPDATE = "update"  # the open flag's reasons changed: kept, no new event
    CLEAR = "clear"
    RELEASE = "release"  # a held dismissal's reasons are gone: it holds no more


def decide(
    open_flag: RiskFlag | None, held: RiskFlag | None, reasons: tuple[RiskReason, ...]
) -> Step:
    """What the evaluation does with ``reasons`` given the open flag and a held dismissal."""
    codes = frozenset(reason.code for reason in reasons)
    if open_flag is not None:
        if not reasons:
            return Step.CLEAR
        return Step.NOTHING if open_flag.reasons == reasons else Step.UPDATE
    if held is not None:
        if not reasons:
            return Step.RELEASE
        if codes <= held.codes:
            return Step.NOTHING
    return Step.RAISE if reasons else Step.NOTHING


_FLAGS = UUID("6f2b8a57-3c0e-4f31-9b8d-2a1c5e7d9f40")


def flag_id(relationship_id: UUID, raised_at: datetime) -> UUID:
    """Derived, so that two workers raising the same flag at once make one id."""
    return uuid5(_FLAGS, f"{relationship_id}:{raised_at.isoformat()}")


def event_id(flag: UUID, kind: str) -> UUID:
    """One event per flag and kind (``at_risk``, ``cleared``): a replay adds no second."""
    return uuid5(_FLAGS, f"{flag}:{kind}")
