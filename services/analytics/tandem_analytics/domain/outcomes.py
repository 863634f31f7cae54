"""Employment outcomes: each mentee's status at closure and 3 and 6 months after it.

The programme's purpose, so the manager sees them by country (the mentee's country as
matching's profile stated it when the status was recorded), per stage, with the same
rule as check-ins: a group of fewer than :data:`MIN_GROUP` mentees is suppressed.
Stages are dated from the relationship's end as its event carried it.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from tandem_analytics.domain.check_ins import MIN_GROUP


class Status(StrEnum):
    EMPLOYED = "employed"
    IN_TRAINING = "in_training"
    SELF_EMPLOYED = "self_employed"
    STILL_SEARCHING = "still_searching"
    OTHER = "other"


class Stage(StrEnum):
    CLOSURE = "closure"
    MONTH_3 = "month_3"
    MONTH_6 = "month_6"


_MONTHS = {Stage.CLOSURE: 0, Stage.MONTH_3: 3, Stage.MONTH_6: 6}
STATUS_CODES = {status: code for code, status in enumerate(Status, start=1)}  # link payloads
STAGE_CODES = {stage: code for code, stage in enumerate(Stage, start=1)}


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later, on the last day of a shorter month (31 Aug + 6 = 28 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stage_due(stage: Stage, ended_on: date) -> date:
    return add_months(ended_on, _MONTHS[stage])


def current_stage(ended_on: date, today: date) -> Stage:
    """The latest stage whose date has come (closure from the day of the end)."""
    return max(
        (s for s in Stage if stage_due(s, ended_on) <= today),
        key=lambda s: _MONTHS[s],
        default=Stage.CLOSURE,
    )


def due_stages(ended_on: date, today: date, window: int) -> list[Stage]:
    """The stages whose request goes out today (at most ``window`` days after its date)."""
    return [s for s in Stage if 0 <= (today - stage_due(s, ended_on)).days < window]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A mentee's status at one stage; ``participant_id``/``relationship_id`` None once
    she was erased (an anonymous count)."""

    id: UUID
    programme_id: UUID
    relationship_id: UUID | None
    participant_id: UUID | None
    stage: Stage
    due_on: date
    country: str | None
    status: Status | None  # None: asked, not answered yet
    recorded_at: datetime | None


@dataclass(frozen=True, slots=True)
class CountryFigures:
    country: str
    stage: Stage
    asked: int
    answered: int
    suppressed: bool
    statuses: dict[str, int] | None  # None when suppressed


def summarise(outcomes: Iterable[Outcome]) -> list[CountryFigures]:
    groups: dict[tuple[str, Stage], list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.country or "unknown", outcome.stage), []).append(outcome)
    figures = []
    for (country, stage), items in sorted(
        groups.items(), key=lambda g: (g[0][0], _MONTHS[g[0][1]])
    ):
        statuses = Counter(o.status.value for o in items if o.status is not None)
        answered = sum(statuses.values())
        suppressed = answered < MIN_GROUP
        figures.append(
            CountryFigures(
                country,
                stage,
                len(items),
                answered,
                suppressed,
                None if suppressed else {s.value: statuses.get(s.value, 0) for s in Status},
            )
        )
    return figures
