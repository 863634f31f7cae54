"""What messaging does when a relationship starts or ends (from matching's events).

Both run in the consumer's transaction, beside its inbox row: an event
delivered twice is dropped by the inbox, and a second ``relationship.started``
under another event id finds the conversation's unique relationship key taken.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat
from tandem_contracts.matching import RelationshipEnded, RelationshipStarted
from tandem_kit import directory
from tandem_messaging.adapters import agreements, conversations, forums, programmes
from tandem_messaging.domain.conversations import Conversation, ConversationStatus, Member
from tandem_messaging.domain.forums import Forum
from tandem_messaging.service import agreements as agreement_cases
from tandem_messaging.service import notifications
from tandem_messaging.service.context import Context
from tandem_messaging.service.programmes import ensure_programme, group_forum_id

log = logging.getLogger(__name__)


async def open_conversation(
    session: AsyncSession, ctx: Context, event: RelationshipStarted
) -> bool:
    """Create the private conversation with exactly the relationship's members (once)."""
    await ensure_programme(session, ctx, event.programme_id)
    now = ctx.now()
    conversation_id = uuid4()
    conversation = Conversation(
        id=conversation_id,
        relationship_id=event.relationship_id,
        programme_id=event.programme_id,
        format=event.format.value,
        status=ConversationStatus.OPEN,
        wrapped_key=ctx.keyring.new_wrapped_key("conversation", conversation_id),
        message_seq=0,
        created_at=now,
        ended_at=None,
        retention_until=None,
        last_activity_at=None,
    )
    if not await conversations.add_if_new(session, conversation):
        log.info("relationship %s already has its conversation", event.relationship_id)
        return False
    erased = await directory.erased_among(session, [m.participant_id for m in event.members])
    members = [
        Member(m.participant_id, m.subject, m.role.value)
        for m in {m.participant_id: m for m in event.members}.values()
        if m.participant_id not in erased
    ]
    await conversations.add_members(session, conversation_id, members)
    if event.format is MentoringFormat.GROUP:
        forum_id = group_forum_id(event.relationship_id)
        await forums.add_if_new(
            session,
            Forum(
                id=forum_id,
                programme_id=event.programme_id,
                relationship_id=event.relationship_id,
                title="Group forum",
                wrapped_key=ctx.keyring.new_wrapped_key("forum", forum_id),
                thread_count=0,
                created_at=now,
            ),
        )
    await agreement_cases.draft(session, ctx, conversation)
    await notifications.introduce(session, ctx, conversation)
    return True


async def close_conversation(session: AsyncSession, ctx: Context, event: RelationshipEnded) -> None:
    """Read-only from now on; readable by its members for the programme's retention period."""
    await ensure_programme(session, ctx, event.programme_id)
    programme = await programmes.by_id(session, event.programme_id)
    days = (programme.retention_days if programme else None) or ctx.settings.default_retention_days
    now = ctx.now()
    closed = await conversations.close(
        session, event.relationship_id, now, now + timedelta(days=days)
    )
    if closed is None:
        # Same key, same partition: started always comes first, unless it was dead-lettered.
        log.warning("relationship %s ended but has no conversation", event.relationship_id)
        return
    await agreements.close(session, event.relationship_id)
