"""Meeting notes on the wire: write (``NoteCreate``), edit (``NoteUpdate``), read
(``NotePublic``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.api import RequestModel
from tandem_meetings.domain.notes import MAX_NOTE_CHARS


class NoteCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"text": "Ana will send two applications by Friday."}]}
    )

    text: str = Field(min_length=1, max_length=MAX_NOTE_CHARS)


class NoteUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"text": "Three applications."}]})

    text: str = Field(min_length=1, max_length=MAX_NOTE_CHARS)


class NotePublic(BaseModel):
    id: UUID
    meeting_id: UUID
    relationship_id: UUID
    author_id: UUID
    mine: bool = Field(description="Whether the caller wrote it (only the author edits it).")
    text: str
    created_at: datetime
    updated_at: datetime
