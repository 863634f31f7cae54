"""Relationships: a mentor with one mentee (pair) or several (group), and their life cycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit.api import RequestModel
from tandem_matching.domain.relationships import (
    Member,
    MemberResponse,
    Relationship,
    RelationshipStatus,
)


class CriterionLine(BaseModel):
    """One line of a score explanation: contribution = weight × raw."""

    criterion: str
    raw: float
    weight: float
    contribution: float
    detail: str


class MemberPublic(BaseModel):
    participant_id: UUID
    role: Role
    display_name: str | None = Field(description="Null once the participant is erased.")
    linkedin_url: str | None = Field(description="Only when its owner consented to share it.")
    time_zone: str | None = Field(
        default=None,
        description="Their IANA zone, so the other members see their local time (null: "
        "not given, or erased).",
    )
    response: MemberResponse
    responded_at: dt.datetime | None
    score: float | None = Field(default=None, description="Mentees: this pair's score.")
    explanation: list[CriterionLine] | None = Field(
        default=None, description="Mentees: why this pair scored what it did, per criterion."
    )

    @classmethod
    def of(cls, member: Member) -> MemberPublic:
        explained = member.explanation or {}
        return cls.model_validate(
            {
                "participant_id": member.participant_id,
                "role": member.role,
                "display_name": member.display_name,
                "linkedin_url": member.linkedin_url if member.linkedin_consent else None,
                "time_zone": member.time_zone,
                "response": member.response,
                "responded_at": member.responded_at,
                "score": explained.get("score"),
                "explanation": explained.get("criteria"),
            }
        )


class RelationshipPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6c3c9e-9d0e-4a53-8f0c-5f7f1a2b3c4d",
                    "programme_id": "2f1d1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                    "run_id": None,
                    "request_id": None,
                    "format": "pair",
                    "status": "active",
                    "score": 0.82,
                    "mentor_id": "7e57d004-2b97-4e7a-b45f-5387367791cd",
                    "members": [],
                    "starts_on": "2026-02-01",
                    "agreed_end_date": "2026-07-15",
                    "ended_at": None,
                    "ended_by": None,
                    "end_reason": None,
                    "created_at": "2026-01-20T10:00:00Z",
                    "updated_at": "2026-02-01T09:00:00Z",
                }
            ]
        }
    )

    id: UUID
    programme_id: UUID
    run_id: UUID | None
    request_id: UUID | None
    format: MentoringFormat
    status: RelationshipStatus
    score: float
    mentor_id: UUID
    members: list[MemberPublic]
    starts_on: dt.date | None
    agreed_end_date: dt.date
    ended_at: dt.datetime | None
    ended_by: EndedBy | None
    end_reason: EndReason | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, relationship: Relationship, members: Sequence[Member]) -> RelationshipPublic:
        shown = [MemberPublic.of(m) for m in members]
        return cls.model_validate({**asdict(relationship), "members": shown})


class RelationshipEnd(RequestModel):
    """End an active relationship early."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "found_employment"}]})

    reason: EndReason = Field(
        description="Why; programme_completed and participant_erased are given by the system only."
    )
