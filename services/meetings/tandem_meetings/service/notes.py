"""Use cases of meeting notes: write, list, show, edit, delete (members only).

Each note is sealed under its author's vault key; every member of the relationship
reads the meeting's notes, only the author edits or deletes theirs, and the
programme's managers get a 403 (they know the meeting exists, never its notes).
"""

from __future__ import annotations

import uuid
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import Page, keyset_page
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Forbidden, NotFound, Unprocessable
from tandem_kit.privacy import participant, vault_of
from tandem_meetings.adapters import notes as repo
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.notes import Note, OpenedNote, clean_text, edited
from tandem_meetings.domain.relationships import Member
from tandem_meetings.schemas.notes import NoteCreate, NotePublic, NoteUpdate
from tandem_meetings.service import access
from tandem_meetings.service.context import Context

NOTES_ARE_THE_MEMBERS = (
    "Meeting notes are for the relationship's members only; managers see counts and "
    "states (the manager view)."
)


def _field(note_id: UUID) -> str:
    return f"note/{note_id}"


async def seal_body(session: AsyncSession, author: UUID, note_id: UUID, text: str) -> bytes:
    sealed = await vault_of(session).seal(session, participant(author), _field(note_id), text)
    assert sealed is not None
    return sealed


async def open_note(session: AsyncSession, note: Note) -> OpenedNote:
    text = await vault_of(session).open(
        session, participant(note.author_id), _field(note.id), note.body
    )
    return OpenedNote(note, text)


def _public(opened: OpenedNote, me: Member) -> NotePublic:
    note = opened.note
    assert opened.text is not None
    return NotePublic(
        id=note.id,
        meeting_id=note.meeting_id,
        relationship_id=note.relationship_id,
        author_id=note.author_id,
        mine=note.author_id == me.participant_id,
        text=opened.text,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


def _text(given: str) -> str:
    text = clean_text(given)
    if text is None:
        raise Unprocessable(
            "A note needs some text.",
            code="note_empty",
            errors=[{"loc": "body.text", "msg": "only white space", "type": "note_empty"}],
        )
    return text


async def _member(
    session: AsyncSession, principal: Principal, meeting_id: UUID, *, write: bool
) -> tuple[Meeting, Member]:
    meeting, relationship, me = await access.meeting_party(session, principal, meeting_id)
    if me is None:
        raise Forbidden(NOTES_ARE_THE_MEMBERS, code="members_only")
    if write and not relationship.active:
        raise Conflict(
            "This relationship has ended: its notes are kept as they were.",
            code="relationship_ended",
        )
    return meeting, me


async def _own_note(session: AsyncSession, meeting: Meeting, me: Member, note_id: UUID) -> Note:
    note = await repo.note_of(session, meeting.id, note_id, for_update=True)
    if note is None:
        raise NotFound("No such note of this meeting.", code="note_not_found")
    if note.author_id != me.participant_id:
        raise Forbidden("Only the note's author changes it.", code="not_the_author")
    return note


async def write_note(
    ctx: Context, principal: Principal, meeting_id: UUID, body: NoteCreate
) -> NotePublic:
    text = _text(body.text)
    async with ctx.database.transaction() as session:
        meeting, me = await _member(session, principal, meeting_id, write=True)
        now, note_id = ctx.now(), uuid.uuid4()
        note = Note(
            id=note_id,
            meeting_id=meeting.id,
            relationship_id=meeting.relationship_id,
            author_id=me.participant_id,
            body=await seal_body(session, me.participant_id, note_id, text),
            created_at=now,
            updated_at=now,
        )
        await repo.add(session, note)
        return _public(OpenedNote(note, text), me)


async def list_notes(
    ctx: Context, principal: Principal, meeting_id: UUID, *, cursor: str | None, limit: int
) -> Page[NotePublic]:
    async with ctx.database.transaction() as session:
        meeting, me = await _member(session, principal, meeting_id, write=False)
        rows = await repo.page_of_meeting(session, meeting.id, cursor, limit)
        opened = {n.id: await open_note(session, n) for n in rows[:limit]}
    # A note whose author's key is gone is unreadable and goes with the erasure; none shown.
    page = keyset_page(rows, limit, key=lambda n: (n.created_at, n.id), item=lambda n: opened[n.id])
    return Page[NotePublic](
        items=[_public(o, me) for o in page.items if o.text is not None],
        next_cursor=page.next_cursor,
    )


async def get_note(
    ctx: Context, principal: Principal, meeting_id: UUID, note_id: UUID
) -> NotePublic:
    async with ctx.database.transaction() as session:
        meeting, me = await _member(session, principal, meeting_id, write=False)
        note = await repo.note_of(session, meeting.id, note_id)
        opened = await open_note(session, note) if note is not None else None
        if opened is None or opened.text is None:
            raise NotFound("No such note of this meeting.", code="note_not_found")
        return _public(opened, me)


async def edit_note(
    ctx: Context, principal: Principal, meeting_id: UUID, note_id: UUID, body: NoteUpdate
) -> NotePublic:
    text = _text(body.text)
    async with ctx.database.transaction() as session:
        meeting, me = await _member(session, principal, meeting_id, write=True)
        note = await _own_note(session, meeting, me, note_id)
        changed = edited(
            note, await seal_body(session, me.participant_id, note.id, text), ctx.now()
        )
        await repo.save(session, changed)
        return _public(OpenedNote(changed, text), me)


async def delete_note(ctx: Context, principal: Principal, meeting_id: UUID, note_id: UUID) -> None:
    async with ctx.database.transaction() as session:
        meeting, me = await _member(session, principal, meeting_id, write=False)
        note = await _own_note(session, meeting, me, note_id)
        await repo.remove(session, note.id)
