"""A participant's manager view on the wire."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.manager_view import ParticipantView
from tandem_analytics.schemas.relationship_stats import RelationshipStatsPublic


class ParticipantViewPublic(BaseModel):
    participant_id: UUID
    programme_id: UUID
    isolated: bool = Field(description="Whether the programme's dashboard lists you as isolated.")
    isolation_days: int
    last_contact_at: datetime | None
    last_meeting_at: datetime | None
    ever_posted: bool
    relationships: list[RelationshipStatsPublic] = Field(
        description="Each of your relationships exactly as the manager's statistics show it."
    )
    check_in_answers_named: bool = Field(
        description="The programme's consent lets its managers see your check-in answers "
        "with your name (else they see only figures of groups of five or more)."
    )

    @classmethod
    def from_record(cls, v: ParticipantView) -> ParticipantViewPublic:
        return cls(
            participant_id=v.participant_id,
            programme_id=v.programme_id,
            isolated=v.isolated,
            isolation_days=v.isolation_days,
            last_contact_at=v.last_contact_at,
            last_meeting_at=v.last_meeting_at,
            ever_posted=v.ever_posted,
            relationships=[RelationshipStatsPublic.from_record(s) for s in v.relationships],
            check_in_answers_named=v.check_in_answers_named,
        )


class ManagerViewPublic(BaseModel):
    programmes: list[ParticipantViewPublic] = Field(
        description="One entry per programme you take part in (as analytics knows it)."
    )
