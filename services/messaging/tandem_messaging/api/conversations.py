"""Conversations: the private space of one relationship's members."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.conversations import (
    ConversationPublic,
    ReadStatePublic,
    ReadStateUpdate,
)
from tandem_messaging.service import conversations as use
from tandem_messaging.service import messages

router = APIRouter(prefix="/v1/conversations", tags=["conversations"])


@router.get(
    "",
    summary="Your conversations, most recent activity first, with unread counts",
    description="Cursor-paginated; conversations past their retention period are not listed.",
    responses=problems(),
)
async def list_conversations(
    principal: CurrentPrincipal, ctx: Ctx, cursor: PageCursor = None, limit: PageLimit = 50
) -> Page[ConversationPublic]:
    return await use.my_conversations(ctx, principal, cursor=cursor, limit=limit)


@router.get(
    "/{conversation_id}",
    summary="One of your conversations (members only)",
    responses=problems(403, 404, 410),
)
async def get_conversation(
    conversation_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ConversationPublic:
    return await use.get_conversation(ctx, principal, conversation_id)


@router.post(
    "/{conversation_id}/read",
    summary="Mark messages read up to one message",
    description="Moves your read position forward (never back); unread counts and "
    "digests follow it.",
    responses=problems(403, 404, 410),
)
async def mark_read(
    conversation_id: UUID, body: ReadStateUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> ReadStatePublic:
    return await messages.mark_read(ctx, principal, conversation_id, body.up_to_message_id)
