"""A relationship's conversation and its members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext


class ConversationStatus(StrEnum):
    OPEN = "open"  # the relationship runs: members write
    READ_ONLY = "read_only"  # ended: readable until the retention period is over
    PURGED = "purged"  # past retention: its data key is gone


@dataclass(frozen=True, slots=True)
class Member:
    participant_id: UUID
    subject: str
    role: str
    read_up_to: int = 0
    introduced: bool = False


@dataclass(frozen=True, slots=True)
class Conversation:
    id: UUID
    relationship_id: UUID
    programme_id: UUID
    format: str
    status: ConversationStatus
    wrapped_key: Ciphertext | None
    message_seq: int
    created_at: datetime
    ended_at: datetime | None
    retention_until: datetime | None
    last_activity_at: datetime | None
