"""A programme's check-in plan: how often members are asked how it is going, and what.

Three kinds of round: a *pulse* every N weeks (one to three of the standard pulse
questions), a *midpoint review* halfway to the agreed end, and a *final evaluation* at
closure. The reviews ask their standard questions plus the programme's own, whose
wording the manager gives in every language the programme declares (the standard
questions' wording is analytics' catalog, in every language it ships). Every answer
is on a 1-5 scale.

Consent: ``aggregate_only`` (the default) shows the manager figures of groups of at
least five respondents and nothing else; ``named`` is for a programme whose consent
text tells participants that their manager may see their answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final
from uuid import UUID

SCALE: Final = range(1, 6)
MAX_PULSE_QUESTIONS: Final = 3
MAX_OWN_QUESTIONS: Final = 5
MAX_QUESTION_CHARS: Final = 300
OWN_QUESTION_ID = re.compile(r"^own-[a-z0-9][a-z0-9-]{0,40}$")


class Kind(StrEnum):
    PULSE = "pulse"
    MIDPOINT = "midpoint"
    FINAL = "final"


class Consent(StrEnum):
    AGGREGATE_ONLY = "aggregate_only"
    NAMED = "named"


# The standard questions by id (their wording: domain/mail_texts.py, key "question.<id>").
PULSE_QUESTIONS: Final = ("relationship", "progress", "support")
REVIEW_QUESTIONS: Final = {
    Kind.MIDPOINT: ("relationship", "progress", "support"),
    Kind.FINAL: ("overall", "progress", "recommend"),
}
STANDARD_QUESTIONS: Final = frozenset(
    {*PULSE_QUESTIONS, *REVIEW_QUESTIONS[Kind.MIDPOINT], *REVIEW_QUESTIONS[Kind.FINAL]}
)


class PlanInvalid(ValueError):
    """A plan that cannot be kept; ``field`` names the part that is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class OwnQuestion:
    """A programme's own question for its reviews: its id and its wording per language."""

    id: str
    texts: Mapping[str, str]

    def text_in(self, language: str, fallbacks: tuple[str, ...]) -> str:
        """The wording in ``language``, else the first of ``fallbacks`` it has."""
        for code in (language, language.split("-")[0], *fallbacks):
            if code in self.texts:
                return self.texts[code]
        return next(iter(self.texts.values()))


@dataclass(frozen=True, slots=True)
class CheckInPlan:
    programme_id: UUID
    pulse_every_weeks: int | None  # None: no pulses
    pulse_questions: tuple[str, ...] = PULSE_QUESTIONS[:1]
    midpoint: bool = True
    final: bool = True
    own_questions: tuple[OwnQuestion, ...] = ()
    consent: Consent = Consent.AGGREGATE_ONLY
    languages: tuple[str, ...] = field(default=())  # the programme's, when it was set

    def questions(self, kind: Kind) -> tuple[str, ...]:
        """The question ids a round of ``kind`` asks, in order."""
        if kind is Kind.PULSE:
            return self.pulse_questions
        return (*REVIEW_QUESTIONS[kind], *(q.id for q in self.own_questions))

    def own(self, question_id: str) -> OwnQuestion | None:
        return next((q for q in self.own_questions if q.id == question_id), None)


def check_plan(plan: CheckInPlan, programme_languages: tuple[str, ...]) -> CheckInPlan:
    """``plan`` if it can be kept for a programme declaring ``programme_languages``."""
    if plan.pulse_every_weeks is not None and not 1 <= plan.pulse_every_weeks <= 26:
        raise PlanInvalid("pulse_every_weeks", "pulses are from every week to every 26 weeks")
    if plan.pulse_every_weeks is not None and not (
        1 <= len(plan.pulse_questions) <= MAX_PULSE_QUESTIONS
    ):
        raise PlanInvalid("pulse_questions", "a pulse asks one to three questions")
    unknown = [q for q in plan.pulse_questions if q not in PULSE_QUESTIONS]
    if unknown or len(set(plan.pulse_questions)) != len(plan.pulse_questions):
        raise PlanInvalid(
            "pulse_questions", f"pulse questions are distinct ones of {list(PULSE_QUESTIONS)}"
        )
    if len(plan.own_questions) > MAX_OWN_QUESTIONS:
        raise PlanInvalid("own_questions", f"at most {MAX_OWN_QUESTIONS} own questions")
    ids = [q.id for q in plan.own_questions]
    if len(set(ids)) != len(ids):
        raise PlanInvalid("own_questions", "each own question has its own id")
    wanted = set(programme_languages) or {"en"}
    for question in plan.own_questions:
        if not OWN_QUESTION_ID.match(question.id):
            raise PlanInvalid("own_questions", f"{question.id!r}: ids look like own-<slug>")
        missing = sorted(wanted - set(question.texts))
        if missing:
            raise PlanInvalid(
                "own_questions",
                f"{question.id}: no wording in {', '.join(missing)} "
                "(every language the programme declares)",
            )
        for language, text in question.texts.items():
            if not text.strip() or len(text) > MAX_QUESTION_CHARS or "\n" in text:
                raise PlanInvalid(
                    "own_questions",
                    f"{question.id} ({language}): one line of 1 to {MAX_QUESTION_CHARS} characters",
                )
    return plan
