"""A meeting's notes as its members see them: meetings shows every member's notes to
every member, and only their author may rewrite or delete one (managers get none)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

MAX_NOTE = 20_000  # meetings' limit


@dataclass(frozen=True, slots=True)
class Note:
    id: uuid.UUID
    mine: bool
    text: str
    created_at: datetime
    updated_at: datetime

    @property
    def edited(self) -> bool:
        return self.updated_at > self.created_at


def note_problem(text: str) -> str | None:
    if not text.strip():
        return "blank"
    return "long" if len(text) > MAX_NOTE else None
