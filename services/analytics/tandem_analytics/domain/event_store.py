"""What analytics keeps of each event it consumed, for a rebuild: the envelope's
attributes and the event's JSON (ids and facts; erased people's ids rewritten)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class StoredEvent:
    event_id: UUID
    event_type: str
    source: str
    key: str
    time: datetime
    data: bytes
