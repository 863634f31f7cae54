"""A draft's proposals: one per prospective relationship, one member per mentee.

A proposal is ``draft`` until the manager approves it, then ``published`` (a relationship
was proposed) or ``discarded``. Review edits change a draft in memory and write back only
what they touched; the records stay frozen (an edit makes new ones with ``replace``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from tandem_contracts.common import MentoringFormat


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"
    DISCARDED = "discarded"


LIVE_PROPOSALS = (ProposalStatus.DRAFT, ProposalStatus.APPROVED)


@dataclass(frozen=True, slots=True)
class Explained:
    """A mentee's score with one mentor, and its explanation as stored and shown
    (JSON: ``{"score": …, "criteria": [...]}``)."""

    mentee_id: UUID
    score: float
    explanation: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class DraftProposal:
    """What the engine proposes: a mentor with one mentee (pair) or several (group)."""

    mentor_id: UUID
    format: MentoringFormat
    mentees: tuple[Explained, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    id: UUID
    run_id: UUID
    programme_id: UUID
    mentor_id: UUID
    format: MentoringFormat
    score: float  # the mean of the members' scores
    status: ProposalStatus
    position: int  # the engine's order, best first: the order the manager reviews in
    relationship_id: UUID | None  # set once published


@dataclass(frozen=True, slots=True)
class ProposalMember:
    proposal_id: UUID
    mentee_id: UUID
    score: float
    explanation: Mapping[str, object] | None  # nulled when a member is erased

    @classmethod
    def of(cls, proposal_id: UUID, explained: Explained) -> ProposalMember:
        return cls(proposal_id, explained.mentee_id, explained.score, explained.explanation)


def mean_score(members: Sequence[ProposalMember]) -> float:
    return sum(m.score for m in members) / len(members)


@dataclass(frozen=True, slots=True)
class UnmatchedMentee:
    """A waiting mentee the draft proposes to no one, and why (``code`` is stable)."""

    mentee_id: UUID
    code: str
    reasons: tuple[str, ...]

    def json(self) -> dict[str, object]:
        """As the run summary stores it (ids as text)."""
        return {"mentee_id": str(self.mentee_id), "code": self.code, "reasons": list(self.reasons)}

    @classmethod
    def from_json(cls, entry: Mapping[str, object]) -> UnmatchedMentee:
        reasons = entry["reasons"]
        assert isinstance(reasons, list)
        return cls(UUID(str(entry["mentee_id"])), str(entry["code"]), tuple(map(str, reasons)))


def unmatched_of(summary: Mapping[str, object] | None) -> list[UnmatchedMentee]:
    """The unmatched mentees a run summary lists."""
    listed = (summary or {}).get("unmatched")
    if not isinstance(listed, list):
        return []
    return [UnmatchedMentee.from_json(entry) for entry in listed]
