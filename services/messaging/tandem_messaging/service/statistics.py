"""Conversation statistics for managers, and "what does the manager see about me".

Both answers come from :func:`figures_of`, so a participant's view is the
manager's view, row for row, filtered to the participant.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import Page, keyset_page
from tandem_kit.auth import Principal
from tandem_messaging.adapters import conversations, messages
from tandem_messaging.domain.conversations import Conversation
from tandem_messaging.domain.statistics import ConversationFigures, about, conversation_figures
from tandem_messaging.schemas.statistics import ConversationStatisticsPublic, ManagerViewPublic
from tandem_messaging.service.access import conversation_overseer, programme_manager
from tandem_messaging.service.context import Context


async def figures_of(session: AsyncSession, conversation: Conversation) -> ConversationFigures:
    """The manager's view of one conversation: metadata only, content is never read."""
    members = await conversations.members_of(session, conversation.id)
    return conversation_figures(
        conversation_id=conversation.id,
        relationship_id=conversation.relationship_id,
        programme_id=conversation.programme_id,
        status=conversation.status,
        started_at=conversation.created_at,
        ended_at=conversation.ended_at,
        members=[(m.participant_id, m.role) for m in members],
        messages=await messages.facts(session, conversation.id),
    )


async def conversation_statistics(
    ctx: Context, principal: Principal, conversation_id: UUID
) -> ConversationStatisticsPublic:
    async with ctx.database.transaction() as session:
        conversation, _me = await conversation_overseer(session, principal, conversation_id)
        return ConversationStatisticsPublic.of(await figures_of(session, conversation))


async def programme_statistics(
    ctx: Context, principal: Principal, programme_id: UUID, *, cursor: str | None, limit: int
) -> Page[ConversationStatisticsPublic]:
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        rows = await conversations.in_programme(session, programme_id, cursor=cursor, limit=limit)
        figures = {c.id: await figures_of(session, c) for c in rows[:limit]}
    return keyset_page(
        rows,
        limit,
        key=lambda c: (c.created_at, str(c.id)),
        item=lambda c: ConversationStatisticsPublic.of(figures[c.id]),
    )


async def what_the_manager_sees_about_me(ctx: Context, principal: Principal) -> ManagerViewPublic:
    async with ctx.database.transaction() as session:
        mine = await conversations.of_subject_with_unread(session, principal.subject)
        views = [
            ConversationStatisticsPublic.of(about(await figures_of(session, c), me.participant_id))
            for c, me, _unread in mine
        ]
    return ManagerViewPublic(conversations=views)
