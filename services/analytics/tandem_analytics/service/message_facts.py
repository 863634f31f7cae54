"""Use case: a member's message folded into the relationship's figures (metadata only)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import message_facts as repo
from tandem_analytics.adapters import readmodels
from tandem_analytics.domain.readmodels import ERASED, MessageFact
from tandem_contracts.messaging import MessagePosted


async def message_posted(session: AsyncSession, event: MessagePosted, sender: UUID) -> None:
    fact = MessageFact(
        event.message_id, event.relationship_id, event.programme_id, sender, event.posted_at
    )
    if not await repo.record(session, fact):
        return  # the same message announced again: counted once
    await repo.count_in_week(session, fact)
    await repo.answer(session, fact)
    await readmodels.member_posted(session, fact.relationship_id, sender, fact.posted_at)
    if sender != ERASED:
        await readmodels.know_participant(session, sender, fact.programme_id)
        await readmodels.participant_active(
            session, sender, contact_at=fact.posted_at, posted_at=fact.posted_at
        )
