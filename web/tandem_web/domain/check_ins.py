"""The viewer's check-ins and the employment outcome: which are open, and the answers a
form sends (each on the scale 1 to 5, analytics' rule)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

SCALE = range(1, 6)
STATUSES = ("employed", "in_training", "self_employed", "still_searching", "other")
ENDED = frozenset({"completed", "ended_early"})


@dataclass(frozen=True, slots=True)
class CheckIn:
    id: uuid.UUID
    relationship_id: uuid.UUID | None
    kind: str  # pulse, midpoint or final
    questions: tuple[str, ...]
    answered: tuple[str, ...]
    due_on: date
    answered_at: datetime | None
    open_until: datetime


def open_check_ins(found: list[CheckIn], now: datetime) -> list[CheckIn]:
    """Not answered yet and still taking answers, the earliest due first."""
    return sorted(
        (c for c in found if c.answered_at is None and c.open_until > now),
        key=lambda c: c.due_on,
    )


def answers_of(check_in: CheckIn, form: Mapping[str, str]) -> tuple[dict[str, int], bool]:
    """The form's answers (field ``q-<question>``) and whether they are all valid: a
    question left unanswered is skipped; an answer outside 1-5 (or not a number) makes
    the form invalid; at least one answer is needed."""
    answers: dict[str, int] = {}
    valid = True
    for question in check_in.questions:
        raw = form.get(f"q-{question}", "").strip()
        if not raw:
            continue
        try:
            value = int(raw)
        except ValueError:
            valid = False
            continue
        if value not in SCALE:
            valid = False
            continue
        answers[question] = value
    return answers, valid and bool(answers)


@dataclass(frozen=True, slots=True)
class OutcomeAsked:
    """An ended relationship whose mentee is the viewer: the outcome form is for it."""

    relationship_id: uuid.UUID
    with_whom: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckInsPage:
    check_ins: tuple[CheckIn, ...]
    outcomes: tuple[OutcomeAsked, ...]
    check_ins_down: bool = False
    outcomes_down: bool = False
