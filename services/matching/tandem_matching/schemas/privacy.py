"""Erasure receipts and data exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_matching.domain.mentee_choice import RequestStatus
from tandem_matching.domain.proposals import Proposal, ProposalMember
from tandem_matching.schemas.participants import ParticipantPublic
from tandem_matching.schemas.relationships import RelationshipPublic
from tandem_matching.schemas.rematching import RematchOfferPublic


class ErasureReceipt(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "participant_id": "7e57d004-2b97-4e7a-b45f-5387367791cd",
                    "erased_at": "2026-03-01T12:00:00Z",
                    "relationships_closed": 1,
                }
            ]
        }
    )

    participant_id: UUID
    erased_at: dt.datetime
    relationships_closed: int = Field(description="Active ones ended, proposed ones declined.")


class ProposalRecord(BaseModel):
    """A draft proposal that named the participant (kept for transparency)."""

    id: UUID
    run_id: UUID
    mentor_id: UUID
    mentee_ids: list[UUID]
    format: str
    score: float
    status: str


class MentorRequestRecord(BaseModel):
    id: UUID
    mentee_id: UUID
    mentor_id: UUID
    status: RequestStatus
    message: str | None
    created_at: dt.datetime
    decided_at: dt.datetime | None


class ParticipantExport(BaseModel):
    """Everything the matching service holds about one participant."""

    exported_at: dt.datetime
    participant: ParticipantPublic
    relationships: list[RelationshipPublic]
    proposals: list[ProposalRecord]
    mentor_requests: list[MentorRequestRecord]
    rematching_offers: list[RematchOfferPublic]

    @staticmethod
    def proposal(proposal: Proposal, members: Sequence[ProposalMember]) -> ProposalRecord:
        return ProposalRecord(
            id=proposal.id,
            run_id=proposal.run_id,
            mentor_id=proposal.mentor_id,
            mentee_ids=[m.mentee_id for m in members],
            format=proposal.format,
            score=proposal.score,
            status=proposal.status,
        )
