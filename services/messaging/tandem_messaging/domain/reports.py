"""Reports of messages and posts to a programme's managers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext


class ReportStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Report:
    id: UUID
    programme_id: UUID
    target_kind: str
    container_id: UUID
    target_id: UUID
    target_author_participant_id: UUID | None
    target_author_role: str | None
    reporter_subject: str | None
    reporter_participant_id: UUID | None
    reporter_role: str | None
    reason: str
    note: Ciphertext | None
    excerpt: Ciphertext | None
    status: ReportStatus
    created_at: datetime
    resolved_at: datetime | None = None
