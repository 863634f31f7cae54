"""The SQL of a run of new messages folded at once (``service/message_batches.py``): a
handful of statements for the run instead of a dozen per message.

Each write is what ``adapters/message_facts`` and ``adapters/readmodels`` do per message,
summed per row first: counts add up, first and last times move by min()/max() in the
UPDATE itself (so concurrent writers still both hold), answers are worked out in memory
(``domain/message_answers``) on the rows a step can read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.readmodels import earliest, insert_absent_many, latest
from tandem_analytics.adapters.tables import (
    rm_members,
    rm_message_weeks,
    rm_messages,
    rm_participants,
    rm_relationships,
)
from tandem_analytics.domain.message_answers import MessageRow
from tandem_analytics.domain.readmodels import MessageFact
from tandem_kit.db.bulk import insert_many


@dataclass(frozen=True)
class Span:
    """How many new messages a row counts, and their first and last times."""

    count: int
    first: datetime
    last: datetime

    def plus(self, at: datetime) -> Span:
        return Span(self.count + 1, min(self.first, at), max(self.last, at))


async def know_relationships(session: AsyncSession, known: Sequence[tuple[UUID, UUID]]) -> None:
    """(relationship, programme) pairs, in order: the first programme of a new one wins."""
    rows = [{"relationship_id": r, "programme_id": p} for r, p in known]
    await insert_absent_many(session, rm_relationships, rows, ["relationship_id"])


async def known_messages(session: AsyncSession, message_ids: Iterable[UUID]) -> set[UUID]:
    ids = list(set(message_ids))
    found = await session.scalars(
        select(rm_messages.c.message_id).where(rm_messages.c.message_id.in_(ids))
    )
    return set(found)


async def rows_to_answer(
    session: AsyncSession, relationships: Iterable[UUID], since: datetime
) -> dict[UUID, list[MessageRow]]:
    """The relationships' rows a new message at or after ``since`` can read or change:
    the ones posted since, and the ones whose answer is missing or came since."""
    t = rm_messages.c
    result = await session.execute(
        select(
            t.relationship_id,
            t.message_id,
            t.sender_id,
            t.posted_at,
            t.answer_id,
            t.answered_by,
            t.answered_at,
            t.response_seconds,
        ).where(
            t.relationship_id.in_(list(set(relationships))),
            or_(t.posted_at >= since, t.answer_id.is_(None), t.answered_at >= since),
        )
    )
    rows: dict[UUID, list[MessageRow]] = {}
    for r in result:
        rows.setdefault(r.relationship_id, []).append(
            MessageRow(
                r.message_id,
                r.sender_id,
                r.posted_at,
                r.answer_id,
                r.answered_by,
                r.answered_at,
                r.response_seconds,
            )
        )
    return rows


async def add_messages(
    session: AsyncSession, new: Sequence[tuple[MessageFact, MessageRow]]
) -> None:
    """The new messages' rows, their answers already worked out."""
    await insert_many(
        session,
        rm_messages,
        [
            {
                "message_id": fact.message_id,
                "relationship_id": fact.relationship_id,
                "programme_id": fact.programme_id,
                "sender_id": fact.sender_id,
                "posted_at": fact.posted_at,
                "answer_id": row.answer_id,
                "answered_by": row.answered_by,
                "answered_at": row.answered_at,
                "response_seconds": row.response_seconds,
            }
            for fact, row in new
        ],
    )


async def set_answers(session: AsyncSession, rows: Sequence[MessageRow]) -> None:
    if not rows:
        return
    t = rm_messages.c
    await session.execute(
        update(rm_messages)
        .where(t.message_id == bindparam("b_message"))
        .values(
            answer_id=bindparam("b_answer", type_=t.answer_id.type),
            answered_by=bindparam("b_by", type_=t.answered_by.type),
            answered_at=bindparam("b_at", type_=t.answered_at.type),
            response_seconds=bindparam("b_seconds", type_=t.response_seconds.type),
        ),
        [
            {
                "b_message": r.message_id,
                "b_answer": r.answer_id,
                "b_by": r.answered_by,
                "b_at": r.answered_at,
                "b_seconds": r.response_seconds,
            }
            for r in rows
        ],
    )


async def count_in_weeks(
    session: AsyncSession, weeks: dict[tuple[UUID, UUID, date], tuple[UUID, int]]
) -> None:
    """(relationship, sender, week) -> (programme of its first message, new messages)."""
    if not weeks:
        return
    rows = [
        {"relationship_id": r, "participant_id": s, "week": w, "programme_id": p, "messages": 0}
        for (r, s, w), (p, _) in weeks.items()
    ]
    keys = ["relationship_id", "participant_id", "week"]
    await insert_absent_many(session, rm_message_weeks, rows, keys)
    t = rm_message_weeks.c
    await session.execute(
        update(rm_message_weeks)
        .where(
            t.relationship_id == bindparam("b_relationship"),
            t.participant_id == bindparam("b_participant"),
            t.week == bindparam("b_week", type_=t.week.type),
        )
        .values(messages=t.messages + bindparam("b_count")),
        [
            {"b_relationship": r, "b_participant": s, "b_week": w, "b_count": n}
            for (r, s, w), (_, n) in weeks.items()
        ],
    )


async def members_posted(session: AsyncSession, members: dict[tuple[UUID, UUID], Span]) -> None:
    """(relationship, sender) -> its new messages: each member's count and times."""
    if not members:
        return
    rows = [{"relationship_id": r, "participant_id": s, "messages": 0} for r, s in members]
    await insert_absent_many(session, rm_members, rows, ["relationship_id", "participant_id"])
    t = rm_members.c
    first = bindparam("b_first", type_=t.first_message_at.type)
    last = bindparam("b_last", type_=t.last_message_at.type)
    await session.execute(
        update(rm_members)
        .where(
            t.relationship_id == bindparam("b_relationship"),
            t.participant_id == bindparam("b_participant"),
        )
        .values(
            messages=t.messages + bindparam("b_count"),
            first_message_at=earliest(t.first_message_at, first),
            last_message_at=latest(t.last_message_at, last),
        ),
        [
            {
                "b_relationship": r,
                "b_participant": s,
                "b_count": span.count,
                "b_first": span.first,
                "b_last": span.last,
            }
            for (r, s), span in members.items()
        ],
    )


async def participants_posted(session: AsyncSession, people: dict[UUID, tuple[UUID, Span]]) -> None:
    """participant -> (programme of their first message, their new messages)."""
    if not people:
        return
    rows = [
        {"participant_id": p, "programme_id": programme} for p, (programme, _) in people.items()
    ]
    await insert_absent_many(session, rm_participants, rows, ["participant_id"])
    t = rm_participants.c
    first = bindparam("b_first", type_=t.first_posted_at.type)
    last = bindparam("b_last", type_=t.last_contact_at.type)
    await session.execute(
        update(rm_participants)
        .where(t.participant_id == bindparam("b_participant"))
        .values(
            last_contact_at=latest(t.last_contact_at, last),
            first_posted_at=earliest(t.first_posted_at, first),
        ),
        [
            {"b_participant": p, "b_first": span.first, "b_last": span.last}
            for p, (_, span) in people.items()
        ],
    )
