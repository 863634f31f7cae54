"""A relationship's goals and milestones, as its members' page shows them, and the
rules a form's input is checked by before meetings is asked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

MAX_TITLE = 200  # meetings' limit
# open -> in_progress -> done, or dropped; done and dropped are final (meetings' rule).
NEXT_STATES = {
    "open": ("open", "in_progress", "done", "dropped"),
    "in_progress": ("in_progress", "done", "dropped"),
    "done": ("done",),
    "dropped": ("dropped",),
}


@dataclass(frozen=True, slots=True)
class Milestone:
    id: uuid.UUID
    title: str
    due_date: date | None
    done: bool


@dataclass(frozen=True, slots=True)
class Goal:
    id: uuid.UUID
    token: str | None  # the mentee's profile goal it started from (not named yet)
    title: str | None
    target_date: date | None
    state: str
    milestones: tuple[Milestone, ...]
    done_count: int
    total: int

    @property
    def states(self) -> tuple[str, ...]:
        return NEXT_STATES.get(self.state, (self.state,))

    @property
    def open(self) -> bool:
        return self.state in ("open", "in_progress")


def title_problem(title: str) -> str | None:
    """Why a typed title cannot be kept (``blank``, ``long``), or None."""
    if not title.strip():
        return "blank"
    return "long" if len(title.strip()) > MAX_TITLE else None


def date_of(text: str) -> date | str | None:
    """A form's date field: None when empty, the date, or "bad" for anything else."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return "bad"


def due(goals: list[Goal], today: date) -> list[Goal]:
    """Open goals whose target date has come (for the home's "goals due")."""
    return [g for g in goals if g.open and g.target_date is not None and g.target_date <= today]
