"""Match weights analytics suggested for a programme (the manager decides)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Suggestion:
    suggestion_id: UUID
    weights: Mapping[str, float]  # criterion -> suggested weight, summing to 1
    relationships_used: int
    outcome: str
    received_at: datetime  # the event's own time
