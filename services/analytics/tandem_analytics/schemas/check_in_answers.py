"""A programme's named check-in answers on the wire (named consent only)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.check_in_answers import NamedAnswers


class NamedAnswersPublic(BaseModel):
    check_in_id: UUID
    relationship_id: UUID | None = Field(description="None once the member was erased.")
    participant_id: UUID | None
    role: str | None = Field(description="mentor | mentee")
    round: str = Field(description="pulse-<n> | midpoint | final")
    kind: str
    answered_at: datetime
    answers: dict[str, int] = Field(description="Question id to the answer, 1 (low) to 5.")

    @classmethod
    def of(cls, n: NamedAnswers) -> NamedAnswersPublic:
        c = n.check_in
        return cls(
            check_in_id=c.id,
            relationship_id=c.relationship_id,
            participant_id=c.participant_id,
            role=c.role,
            round=c.round_key,
            kind=c.kind,
            answered_at=c.answered_at,
            answers=n.answers,
        )


class NamedAnswersPage(BaseModel):
    items: list[NamedAnswersPublic]
    next_cursor: str | None
