"""Meeting notes: the members' own words about a meeting, for the members only.

A note is sealed under its author's vault key (``tandem_kit.privacy``), so that erasing
the author destroys what they wrote even where a row survived. Every member of the
relationship reads a meeting's notes; only the author edits or deletes one. Managers
see how many notes there are, never a word of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Note:
    id: UUID
    meeting_id: UUID
    relationship_id: UUID
    author_id: UUID
    body: bytes  # packed, sealed under the author's vault key
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class OpenedNote:
    """A note with its text opened (None once the author's key was shredded)."""

    note: Note
    text: str | None


def edited(note: Note, body: bytes, now: datetime) -> Note:
    return replace(note, body=body, updated_at=now)


def clean_text(text: str) -> str | None:
    """The note as kept: trimmed; nothing left is no note."""
    stripped = text.strip()
    return stripped or None
