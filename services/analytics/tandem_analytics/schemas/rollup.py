"""An organisation's roll-up on the wire."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel

from tandem_analytics.domain.rollup import ProgrammeLine
from tandem_kit.api import Page


class ProgrammeLinePublic(BaseModel):
    programme_id: UUID
    relationships: int
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None
    messages: int

    @classmethod
    def from_record(cls, line: ProgrammeLine) -> ProgrammeLinePublic:
        return cls(
            programme_id=line.programme_id,
            relationships=line.relationships,
            active=line.active,
            completed=line.completed,
            ended_early=line.ended_early,
            drop_out_rate=line.drop_out_rate,
            messages=line.messages,
        )


RollupPage = Page[ProgrammeLinePublic]
