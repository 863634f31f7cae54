"""What managers see: activity figures of conversations, never their content."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_messaging.domain.statistics import ConversationFigures
from tandem_messaging.schemas.common import examples

_EXAMPLE = {
    "conversation_id": "3c9f6a4e-1d2b-4c8e-9f0a-7b6d5e4c3b2a",
    "relationship_id": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
    "programme_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    "status": "open",
    "started_at": "2026-03-01T09:00:00Z",
    "ended_at": None,
    "message_count": 14,
    "last_activity_at": "2026-03-02T17:04:00Z",
    "members": [
        {
            "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            "role": "mentee",
            "message_count": 8,
            "last_message_at": "2026-03-02T17:04:00Z",
            "responses": 5,
            "median_response_seconds": 5400.0,
        }
    ],
}


class MemberFiguresPublic(BaseModel):
    participant_id: UUID | None = Field(description="Null: messages of erased former members.")
    role: str | None
    message_count: int
    last_message_at: datetime | None
    responses: int = Field(description="How many times the member answered others.")
    median_response_seconds: float | None = Field(
        description="Median time from the first unanswered message of others to the member's "
        "answer."
    )


class ConversationStatisticsPublic(BaseModel):
    model_config = examples(_EXAMPLE)

    conversation_id: UUID
    relationship_id: UUID
    programme_id: UUID
    status: str
    started_at: datetime
    ended_at: datetime | None
    message_count: int
    last_activity_at: datetime | None
    members: list[MemberFiguresPublic]

    @classmethod
    def of(cls, figures: ConversationFigures) -> ConversationStatisticsPublic:
        return cls(
            conversation_id=figures.conversation_id,
            relationship_id=figures.relationship_id,
            programme_id=figures.programme_id,
            status=figures.status,
            started_at=figures.started_at,
            ended_at=figures.ended_at,
            message_count=figures.message_count,
            last_activity_at=figures.last_activity_at,
            members=[
                MemberFiguresPublic(
                    participant_id=m.participant_id,
                    role=m.role,
                    message_count=m.message_count,
                    last_message_at=m.last_message_at,
                    responses=m.responses,
                    median_response_seconds=m.median_response_seconds,
                )
                for m in figures.members
            ],
        )


class ManagerViewPublic(BaseModel):
    """Exactly the manager's statistics rows that concern the caller, per conversation."""

    model_config = examples({"conversations": [_EXAMPLE]})

    conversations: list[ConversationStatisticsPublic]
