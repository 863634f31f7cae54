"""Meeting notes: the members' own words about a meeting (managers get a 403)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.notes import NoteCreate, NotePublic, NoteUpdate
from tandem_meetings.service import notes as use

router = APIRouter(prefix="/v1/meetings/{meeting_id}/notes", tags=["notes"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Write a note about a meeting (members)",
    description="Encrypted at rest under the author's key: the author's erasure destroys it.",
    responses=problems(403, 404, 409),
)
async def write_note(
    meeting_id: UUID, body: NoteCreate, principal: CurrentPrincipal, ctx: Ctx, response: Response
) -> NotePublic:
    note = await use.write_note(ctx, principal, meeting_id, body)
    response.headers["Location"] = f"/v1/meetings/{meeting_id}/notes/{note.id}"
    return note


@router.get(
    "",
    summary="A meeting's notes, oldest first (members)",
    responses=problems(400, 403, 404),
)
async def list_notes(
    meeting_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[NotePublic]:
    return await use.list_notes(ctx, principal, meeting_id, cursor=cursor, limit=limit)


@router.get("/{note_id}", summary="One note (members)", responses=problems(403, 404))
async def get_note(
    meeting_id: UUID, note_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> NotePublic:
    return await use.get_note(ctx, principal, meeting_id, note_id)


@router.put(
    "/{note_id}",
    summary="Rewrite one's own note (its author)",
    responses=problems(403, 404, 409),
)
async def edit_note(
    meeting_id: UUID, note_id: UUID, body: NoteUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> NotePublic:
    return await use.edit_note(ctx, principal, meeting_id, note_id, body)


@router.delete(
    "/{note_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete one's own note (its author)",
    responses=problems(403, 404),
)
async def delete_note(
    meeting_id: UUID, note_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> Response:
    await use.delete_note(ctx, principal, meeting_id, note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
