"""A relationship's communication agreement as its page shows it: the current version's
terms, who accepted it, who is still to, and whether the viewer may accept it now."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Party:
    role: str  # mentee, mentor or manager
    mine: bool  # the viewer (a member's own participant)
    accepted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AgreementTerms:
    relationship_id: uuid.UUID
    version: int
    status: str  # pending, accepted or closed
    accepted_version: int | None  # the latest version everyone accepted
    channels: tuple[str, ...]
    response_time_hours: int
    meeting_cadence_days: int
    confidentiality_statement: str
    rules: tuple[str, ...]
    accepted: tuple[Party, ...]  # of the current version
    waiting: tuple[Party, ...]

    @property
    def waiting_for_me(self) -> bool:
        return self.status == "pending" and any(p.mine for p in self.waiting)


def may_accept(terms: AgreementTerms, manager: bool) -> bool:
    """A member accepts while waited for; a manager while the manager's acceptance is
    (messaging shows the manager's place with no participant)."""
    if terms.status != "pending":
        return False
    if terms.waiting_for_me:
        return True
    return manager and any(p.role == "manager" for p in terms.waiting)
