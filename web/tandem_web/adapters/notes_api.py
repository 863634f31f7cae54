"""Meetings' notes of a meeting: reading them (its members), writing one, and its
author rewriting or deleting it."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.meetings import AuthenticatedClient
from tandem_web.clients.meetings.api.notes import delete_note, edit_note, list_notes, write_note
from tandem_web.clients.meetings.models import NoteCreate, NotePublic, NoteUpdate, PageNotePublic
from tandem_web.clients.meetings.types import UNSET
from tandem_web.domain.notes import Note

SERVICE = "meetings"
MAX_PAGES = 10


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


async def notes(url: str, token: str, meeting_id: uuid.UUID) -> list[Note]:
    """The meeting's notes, oldest first (raises Refused: 403 for a manager)."""
    found: list[Note] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_notes.asyncio_detailed(
                meeting_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageNotePublic)
            found += [Note(n.id, n.mine, n.text, n.created_at, n.updated_at) for n in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def write(url: str, token: str, meeting_id: uuid.UUID, text: str) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await write_note.asyncio_detailed(
            meeting_id, client=client, body=NoteCreate(text=text)
        )
        expect(SERVICE, answer.status_code, answer.parsed, NotePublic, ok=201)


async def rewrite(
    url: str, token: str, meeting_id: uuid.UUID, note_id: uuid.UUID, text: str
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await edit_note.asyncio_detailed(
            meeting_id, note_id, client=client, body=NoteUpdate(text=text)
        )
        expect(SERVICE, answer.status_code, answer.parsed, NotePublic)


async def delete(url: str, token: str, meeting_id: uuid.UUID, note_id: uuid.UUID) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await delete_note.asyncio_detailed(meeting_id, note_id, client=client)
        expect(SERVICE, answer.status_code, answer.parsed, type(None), ok=204)
