"""The SQL of message facts: one row per message, its week's count, and its answer.

A message's answer is the first later message (by ``(posted_at, message_id)``) of the
same relationship by another sender. A message that arrives late falls between
others: it may answer earlier messages whose answer came after it, and its own answer
is looked up among the later ones. The result is the same for any arrival order.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.readmodels import insert_absent
from tandem_analytics.adapters.tables import rm_message_weeks, rm_messages
from tandem_analytics.domain.readmodels import MessageFact, week_of


async def record(session: AsyncSession, fact: MessageFact) -> bool:
    """Keep the message's facts; False when it was already known (nothing else to do)."""
    return await insert_absent(
        session,
        rm_messages,
        {
            "message_id": fact.message_id,
            "relationship_id": fact.relationship_id,
            "programme_id": fact.programme_id,
            "sender_id": fact.sender_id,
            "posted_at": fact.posted_at,
        },
        ["message_id"],
    )


async def count_in_week(session: AsyncSession, fact: MessageFact) -> None:
    keys = {
        "relationship_id": fact.relationship_id,
        "participant_id": fact.sender_id,
        "week": week_of(fact.posted_at),
    }
    await insert_absent(
        session,
        rm_message_weeks,
        {**keys, "programme_id": fact.programme_id, "messages": 0},
        list(keys),
    )
    t = rm_message_weeks.c
    await session.execute(
        update(rm_message_weeks)
        .where(*(t[name] == value for name, value in keys.items()))
        .values(messages=t.messages + 1)
    )


def _after(posted_at: datetime, message_id: UUID) -> ColumnElement[bool]:
    t = rm_messages.c
    return or_(t.posted_at > posted_at, and_(t.posted_at == posted_at, t.message_id > message_id))


def _before(posted_at: datetime, message_id: UUID) -> ColumnElement[bool]:
    t = rm_messages.c
    return or_(t.posted_at < posted_at, and_(t.posted_at == posted_at, t.message_id < message_id))


async def answer(session: AsyncSession, fact: MessageFact) -> None:
    """Set the answer of ``fact`` and of the earlier messages it now answers first."""
    t = rm_messages.c
    own = (
        await session.execute(
            select(t.message_id, t.sender_id, t.posted_at)
            .where(
                t.relationship_id == fact.relationship_id,
                t.sender_id != fact.sender_id,
                _after(fact.posted_at, fact.message_id),
            )
            .order_by(t.posted_at, t.message_id)
            .limit(1)
        )
    ).first()
    if own is not None:
        await session.execute(
            update(rm_messages)
            .where(t.message_id == fact.message_id)
            .values(
                answer_id=own.message_id,
                answered_by=own.sender_id,
                answered_at=own.posted_at,
                response_seconds=int((own.posted_at - fact.posted_at).total_seconds()),
            )
        )
    # Earlier messages by others whose answer (if any) comes after this one: it is theirs.
    answered = (
        await session.execute(
            select(t.message_id, t.posted_at).where(
                t.relationship_id == fact.relationship_id,
                t.sender_id != fact.sender_id,
                _before(fact.posted_at, fact.message_id),
                or_(
                    t.answer_id.is_(None),
                    t.answered_at > fact.posted_at,
                    and_(t.answered_at == fact.posted_at, t.answer_id > fact.message_id),
                ),
            )
        )
    ).all()
    for row in answered:
        await session.execute(
            update(rm_messages)
            .where(t.message_id == row.message_id)
            .values(
                answer_id=fact.message_id,
                answered_by=fact.sender_id,
                answered_at=fact.posted_at,
                response_seconds=int((fact.posted_at - row.posted_at).total_seconds()),
            )
        )


async def relabel(session: AsyncSession, participant_id: UUID, erased: UUID) -> None:
    """An erased sender's messages keep their facts under the erased id."""
    t = rm_messages.c
    await session.execute(
        update(rm_messages).where(t.sender_id == participant_id).values(sender_id=erased)
    )
    await session.execute(
        update(rm_messages).where(t.answered_by == participant_id).values(answered_by=erased)
    )
