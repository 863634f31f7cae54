"""Messages: post, reply, list, edit or delete one's own within the edit window."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, Poster, problems
from tandem_messaging.schemas.messages import MessageCreate, MessagePublic, MessageUpdate
from tandem_messaging.service import messages as use

router = APIRouter(prefix="/v1/conversations/{conversation_id}/messages", tags=["messages"])


@router.get(
    "",
    summary="Messages, newest first (members only)",
    description="Cursor-paginated backwards in time. Managers get 403: they see "
    "statistics, never content.",
    responses=problems(400, 403, 404, 410),
)
async def list_messages(
    conversation_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[MessagePublic]:
    return await use.list_messages(ctx, principal, conversation_id, cursor=cursor, limit=limit)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Post a message or a reply",
    description="Plain text or Markdown source. Emits `message.posted` (metadata "
    "only) and notifies the other members by e-mail as they chose.",
    responses=problems(403, 404, 409, 410, 413),
)
async def post_message(
    conversation_id: UUID, body: MessageCreate, principal: CurrentPrincipal, post: Poster
) -> MessagePublic:
    return await post(principal, conversation_id, body)


@router.patch(
    "/{message_id}",
    summary="Edit your own message (within the edit window)",
    responses=problems(403, 404, 409, 410, 413),
)
async def edit_message(
    conversation_id: UUID,
    message_id: UUID,
    body: MessageUpdate,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> MessagePublic:
    return await use.edit_message(ctx, principal, conversation_id, message_id, body)


@router.delete(
    "/{message_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete your own message (within the edit window)",
    description="Its text is destroyed; it shows as '[deleted]' in its place.",
    responses=problems(403, 404, 409, 410),
)
async def delete_message(
    conversation_id: UUID, message_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> Response:
    await use.delete_message(ctx, principal, conversation_id, message_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
