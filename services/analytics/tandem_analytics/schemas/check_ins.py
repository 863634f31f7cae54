"""Check-ins on the wire: a member's check-ins and answers, one-click links, the
manager's figures per round."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.check_in_plans import Kind
from tandem_analytics.domain.check_ins import QuestionFigures, RoundFigures
from tandem_kit.api import RequestModel


class AnswersInput(RequestModel):
    answers: dict[str, int] = Field(
        min_length=1,
        max_length=20,
        description="Question id -> answer on the scale 1 (not at all) to 5 (very much); "
        "answering a question again replaces the earlier answer.",
        examples=[{"relationship": 4, "progress": 3}],
    )


class CheckInPublic(BaseModel):
    id: UUID
    programme_id: UUID
    relationship_id: UUID | None
    round: str = Field(description="pulse-<n>, midpoint or final")
    kind: Kind
    questions: list[str]
    due_on: date
    answered: list[str] = Field(description="The questions answered so far (never the values).")
    answered_at: datetime | None
    open_until: datetime


class LinkPublic(BaseModel):
    action: Literal["answer", "outcome"]
    item_id: UUID = Field(description="The check-in, or the outcome request.")
    question: str | None
    value: int | None
    status: str | None
    used: bool = Field(description="Applied already: a second POST is refused.")
    expires_at: datetime


class QuestionFiguresPublic(BaseModel):
    question: str
    suppressed: bool = Field(description="Fewer than min_group respondents: no figures.")
    respondents: int | None
    mean: float | None
    distribution: dict[int, int] | None

    @classmethod
    def from_record(cls, figures: QuestionFigures) -> QuestionFiguresPublic:
        return cls.model_validate(figures, from_attributes=True)


class RoundFiguresPublic(BaseModel):
    round: str
    kind: Kind
    asked: int
    answered: int
    response_rate: float | None
    questions: list[QuestionFiguresPublic]

    @classmethod
    def from_record(cls, figures: RoundFigures) -> RoundFiguresPublic:
        return cls(
            round=figures.round_key,
            kind=figures.kind,
            asked=figures.asked,
            answered=figures.answered,
            response_rate=figures.response_rate,
            questions=[QuestionFiguresPublic.from_record(q) for q in figures.questions],
        )


class CheckInSummaryPublic(BaseModel):
    programme_id: UUID
    min_group: int
    rounds: list[RoundFiguresPublic]
