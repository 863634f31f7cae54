"""Conversations and read state."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_kit.api import RequestModel
from tandem_messaging.schemas.common import examples

_CONVERSATION = "3c9f6a4e-1d2b-4c8e-9f0a-7b6d5e4c3b2a"
_MESSAGE = "8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d"


class MemberPublic(BaseModel):
    participant_id: UUID
    role: str
    display_name: str | None = Field(description="Null until the contact has arrived.")


class ConversationPublic(BaseModel):
    model_config = examples(
        {
            "id": _CONVERSATION,
            "relationship_id": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
            "programme_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "format": "pair",
            "status": "open",
            "read_only": False,
            "members": [
                {
                    "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                    "role": "mentee",
                    "display_name": "Ana Pérez",
                }
            ],
            "unread_count": 2,
            "read_up_to_seq": 10,
            "created_at": "2026-03-01T09:00:00Z",
            "last_activity_at": "2026-03-02T17:04:00Z",
            "retention_until": None,
        }
    )

    id: UUID
    relationship_id: UUID
    programme_id: UUID
    format: str
    status: str = Field(description="open, or read_only once the relationship ended.")
    read_only: bool
    members: list[MemberPublic]
    unread_count: int
    read_up_to_seq: int
    created_at: datetime
    last_activity_at: datetime | None
    retention_until: datetime | None = Field(
        description="When an ended conversation's content is deleted."
    )


class ReadStateUpdate(RequestModel):
    model_config = examples({"up_to_message_id": _MESSAGE})

    up_to_message_id: UUID = Field(
        description="Everything up to and including this message "
        "counts as read; never moves backwards."
    )


class ReadStatePublic(BaseModel):
    model_config = examples(
        {"conversation_id": _CONVERSATION, "read_up_to_seq": 12, "unread_count": 0}
    )

    conversation_id: UUID
    read_up_to_seq: int
    unread_count: int
