"""The status record: a frozen value that crosses the layers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Status:
    service: str
    version: str
    events_handled: int
    checked_at: datetime
