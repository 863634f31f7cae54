"""An organisation's roll-up: one line per programme."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class ProgrammeLine:
    programme_id: UUID
    relationships: int
    active: int
    completed: int
    ended_early: int
    messages: int

    @property
    def drop_out_rate(self) -> float | None:
        ended = self.completed + self.ended_early
        return self.ended_early / ended if ended else None
