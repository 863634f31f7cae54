"""Match runs, their draft proposals, and the manager's review edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tandem_kit.api import RequestModel
from tandem_matching.domain.match_runs import MatchRunStatus
from tandem_matching.domain.proposals import Proposal, ProposalMember, ProposalStatus
from tandem_matching.schemas.relationships import CriterionLine


class UnmatchedMentee(BaseModel):
    mentee_id: UUID
    code: str = Field(
        description="Stable reason code: language, availability, country, "
        "face_to_face, exclusion, all_full, room_left, no_mentors …"
    )
    reasons: list[str] = Field(description="Why no mentor could be proposed, in plain words.")


class NotGroupedParticipant(BaseModel):
    """A participant who preferred group mentoring but is one-to-one, unmatched or (a
    mentor) leads no group, and why."""

    participant_id: UUID
    role: Literal["mentor", "mentee"]
    code: str = Field(
        description="Stable reason code: pairs_only (the programme offers pairs only), "
        "unmatched (see the reason), hard_constraint (no mentor who runs groups meets the "
        "hard rules with them), mentor_prefers_pairs (the mentors who fit them best prefer "
        "one-to-one), no_shared_goal (too few group-minded mentees share a goal), "
        "capacity (the groups they could join are full), group_below_minimum (a mentor "
        "had fewer group-minded mentees than a group needs)."
    )
    reason: str = Field(description="The same in plain words.")


class RunSummary(BaseModel):
    """What the draft achieves. Counts and the average follow review edits; the gap is the
    engine's certificate for its own solution (before edits)."""

    mentees_waiting: int
    mentors_available: int
    matched: int
    unmatched: list[UnmatchedMentee]
    average_score: float | None
    certified_gap: float | None = Field(
        description="Upper bound on how much better (relative, 0–1) the best possible "
        "assignment of as many mentees could score; 0 means proven optimal."
    )
    cardinality_certified: bool | None = Field(
        default=None, description="True when no assignment could match more mentees."
    )
    solver: str = Field(description="Which method produced the draft.")
    not_grouped: list[NotGroupedParticipant] = Field(
        default_factory=list,
        description="In programmes with group mentoring, every participant who preferred "
        "a group and is not in one, with the reason; as the engine saw it when it ran "
        "(review edits do not change it).",
    )


class MatchRunPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "b3c1f9a0-5d2e-4f6a-9b8c-7d6e5f4a3b2c",
                    "programme_id": "2f1d1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                    "status": "running",
                    "phase": "solving",
                    "progress": 0.4,
                    "requested_by": "manager-1",
                    "error": None,
                    "summary": None,
                    "created_at": "2026-01-20T10:00:00Z",
                    "started_at": "2026-01-20T10:00:01Z",
                    "finished_at": None,
                    "published_at": None,
                }
            ]
        }
    )

    id: UUID
    programme_id: UUID
    status: MatchRunStatus
    phase: str = Field(
        description="What the run is doing: `queued`, `loading`; `compiling` (only where the "
        "engine was never compiled on this machine: progress is the share of its kernels "
        "ready); then the engine's phases `encode`, `candidates`, `solve`, `certificate`, "
        "`result`, `groups`, `explain`, `explain pairs`; `done`."
    )
    progress: float = Field(ge=0, le=1, description="Fraction of the current phase done.")
    requested_by: str
    error: str | None
    summary: RunSummary | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    published_at: dt.datetime | None


class ProposedMentee(BaseModel):
    mentee_id: UUID
    score: float
    explanation: list[CriterionLine] | None


class ProposalPublic(BaseModel):
    id: UUID
    run_id: UUID
    mentor_id: UUID
    format: Literal["pair", "group"]
    score: float = Field(description="Mean of the members' pair scores.")
    status: ProposalStatus
    relationship_id: UUID | None
    mentees: list[ProposedMentee]

    @classmethod
    def of(cls, proposal: Proposal, members: Sequence[ProposalMember]) -> ProposalPublic:
        return cls.model_validate(
            {
                "id": proposal.id,
                "run_id": proposal.run_id,
                "mentor_id": proposal.mentor_id,
                "format": proposal.format,
                "score": proposal.score,
                "status": proposal.status,
                "relationship_id": proposal.relationship_id,
                "mentees": [
                    {
                        "mentee_id": m.mentee_id,
                        "score": m.score,
                        "explanation": (m.explanation or {}).get("criteria"),
                    }
                    for m in members
                ],
            }
        )


class ApproveProposals(RequestModel):
    """Approve some proposals by id, or all of the draft."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"all": True}, {"proposal_ids": ["0c2d6a4e-1f3b-4c5d-8e9f-a0b1c2d3e4f5"]}]
        }
    )

    all: bool = False
    proposal_ids: list[UUID] = Field(default_factory=list, max_length=10_000)

    @model_validator(mode="after")
    def _one_way(self) -> ApproveProposals:
        if self.all == bool(self.proposal_ids):
            raise ValueError("give either all=true or a non-empty proposal_ids list")
        return self


class MoveMentee(RequestModel):
    """Give a mentee (matched in the draft or left unmatched) to another mentor."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "mentee_id": "5f0e7a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
                    "to_mentor_id": "7e57d004-2b97-4e7a-b45f-5387367791cd",
                }
            ]
        }
    )

    mentee_id: UUID
    to_mentor_id: UUID


class SwapMentees(RequestModel):
    """Exchange the mentors of two mentees of the draft."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "mentee_a": "5f0e7a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
                    "mentee_b": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                }
            ]
        }
    )

    mentee_a: UUID
    mentee_b: UUID

    @model_validator(mode="after")
    def _two(self) -> SwapMentees:
        if self.mentee_a == self.mentee_b:
            raise ValueError("swap two different mentees")
        return self


class PublishResult(BaseModel):
    run: MatchRunPublic
    relationships_proposed: int
    discarded: int = Field(description="Proposals not approved, dropped on publishing.")
