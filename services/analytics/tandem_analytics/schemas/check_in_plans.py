"""A programme's check-in plan on the wire (``CheckInPlanUpdate`` / ``CheckInPlanPublic``)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.check_in_plans import (
    MAX_OWN_QUESTIONS,
    MAX_PULSE_QUESTIONS,
    MAX_QUESTION_CHARS,
    CheckInPlan,
    Consent,
    Kind,
    OwnQuestion,
)
from tandem_kit.api import RequestModel

PulseQuestion = Literal["relationship", "progress", "support"]  # PULSE_QUESTIONS


class OwnQuestionInput(RequestModel):
    id: str = Field(pattern=r"^own-[a-z0-9][a-z0-9-]{0,40}$", examples=["own-network"])
    texts: dict[str, str] = Field(
        min_length=1,
        max_length=40,
        description="The wording per language tag: every language the programme declares. "
        f"One line of at most {MAX_QUESTION_CHARS} characters; answered on the 1-5 scale.",
    )


class CheckInPlanUpdate(RequestModel):
    pulse_every_weeks: int | None = Field(
        ge=1, le=26, description="A pulse every N weeks from the start; null: no pulses."
    )
    pulse_questions: list[PulseQuestion] = Field(
        default=["relationship"], min_length=1, max_length=MAX_PULSE_QUESTIONS
    )
    midpoint: bool = Field(default=True, description="A midpoint review halfway to the end.")
    final: bool = Field(default=True, description="A final evaluation at closure.")
    own_questions: list[OwnQuestionInput] = Field(
        default_factory=list,
        max_length=MAX_OWN_QUESTIONS,
        description="The programme's own questions, asked in both reviews after the standard ones.",
    )
    consent: Consent = Field(
        default=Consent.AGGREGATE_ONLY,
        description="aggregate_only: the manager sees figures of groups of five or more only; "
        "named: the programme's consent text lets the manager see answers with names.",
    )

    def record(self, programme_id: UUID, languages: tuple[str, ...]) -> CheckInPlan:
        return CheckInPlan(
            programme_id=programme_id,
            pulse_every_weeks=self.pulse_every_weeks,
            pulse_questions=tuple(self.pulse_questions),
            midpoint=self.midpoint,
            final=self.final,
            own_questions=tuple(
                OwnQuestion(q.id, {k: v.strip() for k, v in q.texts.items()})
                for q in self.own_questions
            ),
            consent=self.consent,
            languages=languages,
        )


class OwnQuestionPublic(BaseModel):
    id: str
    texts: dict[str, str]


class CheckInPlanPublic(BaseModel):
    programme_id: UUID
    pulse_every_weeks: int | None
    pulse_questions: list[str]
    midpoint: bool
    final: bool
    own_questions: list[OwnQuestionPublic]
    consent: Consent
    languages: list[str] = Field(description="The programme's languages the plan was set for.")
    questions: dict[Kind, list[str]] = Field(
        description="The question ids each kind of round asks, in order."
    )

    @classmethod
    def from_record(cls, plan: CheckInPlan) -> CheckInPlanPublic:
        return cls(
            programme_id=plan.programme_id,
            pulse_every_weeks=plan.pulse_every_weeks,
            pulse_questions=list(plan.pulse_questions),
            midpoint=plan.midpoint,
            final=plan.final,
            own_questions=[
                OwnQuestionPublic(id=q.id, texts=dict(q.texts)) for q in plan.own_questions
            ],
            consent=plan.consent,
            languages=list(plan.languages),
            questions={kind: list(plan.questions(kind)) for kind in Kind},
        )
