"""Reports of misconduct as the pages show them: the form's reasons, and a programme's
queue for its managers. A report of a private message carries only what messaging's
report API gives a manager: who (by role), when, why, the reporter's note, and the
reported text only when the reporter chose to send it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# Messaging's reasons (its ReportReason), in the order the form offers them.
REASONS = (
    "harassment",
    "discrimination",
    "inappropriate_content",
    "confidentiality_breach",
    "spam",
    "other",
)
MAX_NOTE = 2000  # messaging's limit


@dataclass(frozen=True, slots=True)
class Report:
    id: uuid.UUID
    kind: str  # message | post
    container_id: uuid.UUID  # the conversation or the forum
    target_id: uuid.UUID
    author_role: str | None  # None: the author was erased
    reporter_role: str | None
    reason: str
    note: str | None
    excerpt: str | None  # only when the reporter chose to include it
    status: str  # open | resolved
    created_at: datetime
    resolved_at: datetime | None


class QueueShown(StrEnum):
    SHOWN = "shown"
    FORBIDDEN = "forbidden"  # a participant of the programme, not its manager
    MISSING = "missing"  # no such programme, or not the viewer's
    UNAVAILABLE = "unavailable"  # messaging is not answering


STATUS = {
    QueueShown.SHOWN: 200,
    QueueShown.FORBIDDEN: 403,
    QueueShown.MISSING: 404,
    QueueShown.UNAVAILABLE: 503,
}


def queue_refusal(status: int) -> QueueShown:
    return QueueShown.FORBIDDEN if status == 403 else QueueShown.MISSING


@dataclass(frozen=True, slots=True)
class ReportsPage:
    shown: QueueShown
    programme_id: uuid.UUID
    zone: str
    status_shown: str = "open"  # which part of the queue: open or resolved
    reports: tuple[Report, ...] = ()

    @property
    def status(self) -> int:
        return STATUS[self.shown]


def newest_first(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: r.created_at, reverse=True)
