"""What messaging keeps per programme: its data key and its retention choice."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext


@dataclass(frozen=True, slots=True)
class ProgrammeKeep:
    id: UUID
    retention_days: int | None  # None: the service default
    wrapped_key: Ciphertext
