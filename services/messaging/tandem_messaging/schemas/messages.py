"""Messages of a conversation."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_kit.api import RequestModel
from tandem_messaging.domain.content import TextFormat
from tandem_messaging.schemas.common import Person, examples

_CONVERSATION = "3c9f6a4e-1d2b-4c8e-9f0a-7b6d5e4c3b2a"
_MESSAGE = "8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d"


class MessageCreate(RequestModel):
    model_config = examples(
        {"body": "Thanks for today! I've updated my CV as we discussed.", "format": "plain"},
        {
            "body": "Here are the **three** companies:\n\n1. Acme\n2. Globex\n3. Initech",
            "format": "markdown",
            "in_reply_to": _MESSAGE,
        },
    )

    body: str = Field(
        description="Plain text or Markdown source (stored as written, "
        "never rendered to HTML by the server); at most the "
        "configured number of characters (default 10,000) → 413."
    )
    format: TextFormat = TextFormat.PLAIN
    in_reply_to: UUID | None = Field(default=None, description="A message of this conversation.")


class MessageUpdate(RequestModel):
    model_config = examples({"body": "Thanks for today! CV updated.", "format": "plain"})

    body: str
    format: TextFormat = TextFormat.PLAIN


class MessagePublic(BaseModel):
    model_config = examples(
        {
            "id": _MESSAGE,
            "conversation_id": _CONVERSATION,
            "seq": 12,
            "sender": {
                "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                "role": "mentee",
                "display_name": "Ana Pérez",
            },
            "body": "Thanks for today!",
            "format": "plain",
            "in_reply_to": None,
            "posted_at": "2026-03-02T17:04:00Z",
            "edited_at": None,
            "deleted": False,
        }
    )

    id: UUID
    conversation_id: UUID
    seq: int = Field(description="Position in the conversation (1, 2, …).")
    sender: Person
    body: str = Field(description="The text; '[deleted]' once withdrawn or its author erased.")
    format: TextFormat
    in_reply_to: UUID | None
    posted_at: datetime
    edited_at: datetime | None
    deleted: bool
