"""Conversations as their members see them: members, status, unread counts."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_messaging.adapters import conversations
from tandem_messaging.domain.conversations import Conversation, ConversationStatus, Member
from tandem_messaging.schemas.conversations import ConversationPublic, MemberPublic
from tandem_messaging.service.access import conversation_member, holds
from tandem_messaging.service.context import Context


async def _view(
    session: AsyncSession, conversation: Conversation, me: Member, unread: int
) -> ConversationPublic:
    members = await conversations.members_of(session, conversation.id)
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    return ConversationPublic(
        id=conversation.id,
        relationship_id=conversation.relationship_id,
        programme_id=conversation.programme_id,
        format=conversation.format,
        status=conversation.status,
        read_only=conversation.status != ConversationStatus.OPEN,
        members=[
            MemberPublic(
                participant_id=m.participant_id,
                role=m.role,
                display_name=known[m.participant_id].contact.display_name
                if m.participant_id in known
                else None,
            )
            for m in members
        ],
        unread_count=unread,
        read_up_to_seq=me.read_up_to,
        created_at=conversation.created_at,
        last_activity_at=conversation.last_activity_at,
        retention_until=conversation.retention_until,
    )


async def my_conversations(
    ctx: Context, principal: Principal, *, cursor: str | None, limit: int
) -> Page[ConversationPublic]:
    """Most recent activity first; past their retention, conversations are gone from it."""
    async with ctx.database.transaction() as session:
        mine = await conversations.of_subject_with_unread(
            session, principal.subject, readable_at=ctx.now(), cursor=cursor, limit=limit
        )
        # Only conversations whose role the token still grants (a revoked grant hides them).
        views = [
            await _view(session, c, me, unread)
            for c, me, unread in mine[:limit]
            if holds(principal, me.role, c.programme_id)
        ]
    return Page[ConversationPublic](
        items=views,
        next_cursor=next_cursor(
            mine, limit, lambda row: (row[0].last_activity_at or row[0].created_at, str(row[0].id))
        ),
    )


async def get_conversation(
    ctx: Context, principal: Principal, conversation_id: UUID
) -> ConversationPublic:
    async with ctx.database.transaction() as session:
        conversation, me = await conversation_member(session, principal, conversation_id, ctx.now())
        unread = await conversations.unread_count(session, conversation.id, me)
        return await _view(session, conversation, me, unread)
