"""Check-in rounds of a relationship, each member's check-in, and the manager's figures.

Rounds are dated from the relationship's own dates (matching's ``starts_on`` and
``agreed_end_date``, and the time of its ``relationship.ended``), never from when an
event arrived: pulse *n* is due ``n`` × N weeks after the start, the midpoint review
halfway to the agreed end, the final evaluation at closure (the end, or the agreed end
date if no end came). A round is sent within ``window`` days of its date and not after
(a plan set late does not mail every pulse it missed at once), and no pulse or review
goes out once the relationship has ended except the final evaluation.

Figures reach the manager per round (all pulse 1s of the programme together, ...):
the response rate always (how many were asked and answered, no answer), and per
question the mean and distribution only for at least :data:`MIN_GROUP` respondents;
a smaller group is ``suppressed`` with no figure at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from uuid import UUID

from tandem_analytics.domain.check_in_plans import SCALE, CheckInPlan, Kind

MIN_GROUP: Final = 5


@dataclass(frozen=True, slots=True)
class Round:
    key: str  # pulse-<n> | midpoint | final
    kind: Kind
    due_on: date


@dataclass(frozen=True, slots=True)
class Schedule:
    """A relationship's dates as its events gave them (``ended_on``: None while active)."""

    starts_on: date
    agreed_end_date: date
    ended_on: date | None


def rounds(plan: CheckInPlan, schedule: Schedule) -> list[Round]:
    """Every round of the relationship under ``plan``, in date order."""
    closes_on = schedule.ended_on or schedule.agreed_end_date
    found: list[Round] = []
    if plan.pulse_every_weeks is not None:
        step = timedelta(weeks=plan.pulse_every_weeks)
        number, due = 1, schedule.starts_on + step
        while due < closes_on:
            found.append(Round(f"pulse-{number}", Kind.PULSE, due))
            number, due = number + 1, due + step
    if plan.midpoint:
        middle = schedule.starts_on + (schedule.agreed_end_date - schedule.starts_on) / 2
        if middle < closes_on:
            found.append(Round("midpoint", Kind.MIDPOINT, middle))
    if plan.final:
        found.append(Round("final", Kind.FINAL, closes_on))
    return sorted(found, key=lambda r: (r.due_on, r.kind != Kind.PULSE))


def due_rounds(plan: CheckInPlan, schedule: Schedule, today: date, window: int) -> list[Round]:
    """The rounds to send today: due, at most ``window`` days ago; after an end only the
    final evaluation (due on the day of the end)."""
    due = [r for r in rounds(plan, schedule) if r.due_on <= today < r.due_on + timedelta(window)]
    if schedule.ended_on is not None or schedule.agreed_end_date <= today:
        due = [r for r in due if r.kind is Kind.FINAL]
    return due


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One member's check-in of one round. ``participant_id`` and ``relationship_id`` are
    None once the member was erased (the answers stay as anonymous counts)."""

    id: UUID
    programme_id: UUID
    relationship_id: UUID | None
    participant_id: UUID | None
    round_key: str
    kind: Kind
    questions: tuple[str, ...]
    due_on: date
    created_at: datetime
    answered_at: datetime | None = None


class AnswerInvalid(ValueError):
    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question


def check_answers(check_in: CheckIn, answers: dict[str, int]) -> dict[str, int]:
    """``answers`` if each is a question of the check-in with a value on the scale."""
    if not answers:
        raise AnswerInvalid("answers", "give at least one answer")
    for question, value in answers.items():
        if question not in check_in.questions:
            raise AnswerInvalid(question, f"{question!r} is not a question of this check-in")
        if value not in SCALE:
            raise AnswerInvalid(question, "answers are on the scale 1 to 5")
    return answers


@dataclass(frozen=True, slots=True)
class Asked:
    """A check-in for the figures: its round, and whether it was answered."""

    round_key: str
    kind: Kind
    answered: bool


@dataclass(frozen=True, slots=True)
class Answer:
    round_key: str
    question: str
    value: int


@dataclass(frozen=True, slots=True)
class QuestionFigures:
    question: str
    respondents: int | None  # None when suppressed
    suppressed: bool
    mean: float | None = None
    distribution: dict[int, int] | None = None


@dataclass(frozen=True, slots=True)
class RoundFigures:
    round_key: str
    kind: Kind
    asked: int
    answered: int
    response_rate: float | None
    questions: tuple[QuestionFigures, ...]


def _round_order(key: str) -> tuple[int, int]:
    if key.startswith("pulse-"):
        return (0, int(key.removeprefix("pulse-")))
    return (1, 0) if key == "midpoint" else (2, 0)


def question_figures(question: str, values: list[int]) -> QuestionFigures:
    if len(values) < MIN_GROUP:
        return QuestionFigures(question, None, True)
    counts = Counter(values)
    return QuestionFigures(
        question,
        len(values),
        False,
        round(sum(values) / len(values), 2),
        {value: counts.get(value, 0) for value in SCALE},
    )


def summarise(asked: Iterable[Asked], answers: Iterable[Answer]) -> list[RoundFigures]:
    """Per round: asked, answered, rate; per question figures with small groups suppressed."""
    by_round: dict[str, list[Asked]] = {}
    for item in asked:
        by_round.setdefault(item.round_key, []).append(item)
    values: dict[str, dict[str, list[int]]] = {}
    for answer in answers:
        values.setdefault(answer.round_key, {}).setdefault(answer.question, []).append(answer.value)
    figures = []
    for key in sorted(by_round, key=_round_order):
        items = by_round[key]
        answered = sum(1 for item in items if item.answered)
        questions = tuple(question_figures(q, v) for q, v in sorted(values.get(key, {}).items()))
        figures.append(
            RoundFigures(
                key,
                items[0].kind,
                len(items),
                answered,
                round(answered / len(items), 4) if items else None,
                questions,
            )
        )
    return figures
