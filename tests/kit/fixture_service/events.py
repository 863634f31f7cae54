"""A test-only event whose topic each test chooses, so tests never see each other's events."""

from __future__ import annotations

from contextvars import ContextVar
from typing import ClassVar
from uuid import UUID

from tandem_contracts import Event

TEST_TOPIC: ContextVar[str] = ContextVar("TEST_TOPIC", default="tandem.test.unset")


class NoteAdded(Event):
    event_type: ClassVar = "tandem.test.note.added.v1"
    producer: ClassVar = "matching"

    note_id: UUID
    text: str

    @classmethod
    def topic(cls) -> str:
        return TEST_TOPIC.get()
