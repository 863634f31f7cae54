"""Meeting notes (each body sealed under its author's vault key)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_meetings.adapters.tables import meeting_notes
from tandem_meetings.domain.notes import Note


def _note(row: Any) -> Note:
    return Note(
        id=row.id,
        meeting_id=row.meeting_id,
        relationship_id=row.relationship_id,
        author_id=row.author_id,
        body=row.body,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def add(session: AsyncSession, note: Note) -> None:
    await session.execute(
        meeting_notes.insert().values(
            id=note.id,
            meeting_id=note.meeting_id,
            relationship_id=note.relationship_id,
            author_id=note.author_id,
            body=note.body,
            created_at=note.created_at,
            updated_at=note.updated_at,
        )
    )


async def save(session: AsyncSession, note: Note) -> None:
    await session.execute(
        update(meeting_notes)
        .where(meeting_notes.c.id == note.id)
        .values(body=note.body, updated_at=note.updated_at)
    )


async def remove(session: AsyncSession, note_id: UUID) -> None:
    await session.execute(delete(meeting_notes).where(meeting_notes.c.id == note_id))


async def note_of(
    session: AsyncSession, meeting_id: UUID, note_id: UUID, *, for_update: bool = False
) -> Note | None:
    query = select(meeting_notes).where(
        meeting_notes.c.id == note_id, meeting_notes.c.meeting_id == meeting_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return _note(row) if row is not None else None


async def page_of_meeting(
    session: AsyncSession, meeting_id: UUID, cursor: str | None, limit: int
) -> list[Note]:
    query = keyset(
        select(meeting_notes).where(meeting_notes.c.meeting_id == meeting_id),
        [meeting_notes.c.created_at, meeting_notes.c.id],
        cursor,
        limit,
    )
    return [_note(row) for row in await session.execute(query)]


async def written_by(session: AsyncSession, author_ids: Iterable[UUID]) -> list[Note]:
    ids = list(author_ids)
    if not ids:
        return []
    rows = await session.execute(
        select(meeting_notes)
        .where(meeting_notes.c.author_id.in_(ids))
        .order_by(meeting_notes.c.created_at, meeting_notes.c.id)
    )
    return [_note(row) for row in rows]


async def forget_author(session: AsyncSession, participant_id: UUID) -> int:
    """Delete every note the person wrote (their key is shredded too: belt and braces)."""
    result = await session.execute(
        delete(meeting_notes).where(meeting_notes.c.author_id == participant_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)
