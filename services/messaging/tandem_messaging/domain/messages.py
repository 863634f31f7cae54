"""Messages as stored (sealed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext


@dataclass(frozen=True, slots=True)
class StoredMessage:
    id: UUID
    conversation_id: UUID
    seq: int
    sender_participant_id: UUID | None
    sender_subject: str | None
    sender_role: str | None
    author_erased: bool
    in_reply_to: UUID | None
    text_format: str
    length: int
    body: Ciphertext | None  # None once deleted or erased
    posted_at: datetime
    edited_at: datetime | None = None
    deleted_at: datetime | None = None
