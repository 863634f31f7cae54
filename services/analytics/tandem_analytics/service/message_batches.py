"""Use case: a run of new ``message.posted`` folded into the read models at once, leaving
exactly what ``readmodels._posted`` and ``message_facts.message_posted`` leave for each
message in turn: its relationship known, its facts kept once per message id, its week's
count, the answers it gives and gets, its sender's counts and times (``readmodel_batches``
has already kept the events and scrubbed erased people)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import message_batches as repo
from tandem_analytics.adapters.message_batches import Span
from tandem_analytics.domain.message_answers import MessageRow, fold_new
from tandem_analytics.domain.readmodels import ERASED, MessageFact, week_of
from tandem_contracts.messaging import MessagePosted, SenderRole


async def messages_posted(session: AsyncSession, posted: Sequence[MessagePosted]) -> None:
    await repo.know_relationships(session, [(e.relationship_id, e.programme_id) for e in posted])
    facts = [
        MessageFact(
            e.message_id, e.relationship_id, e.programme_id, e.sender_participant_id, e.posted_at
        )
        for e in posted
        # the manager's messages are not a member's contact
        if e.sender_participant_id is not None and e.sender_role is not SenderRole.MANAGER
    ]
    known = await repo.known_messages(session, [f.message_id for f in facts]) if facts else set()
    fresh: list[MessageFact] = []
    for fact in facts:
        if fact.message_id in known:
            continue  # the same message announced again: counted once
        known.add(fact.message_id)
        fresh.append(fact)
    if not fresh:
        return
    since = min(fact.posted_at for fact in fresh)
    rows = await repo.rows_to_answer(session, {f.relationship_id for f in fresh}, since)
    new: list[tuple[MessageFact, MessageRow]] = []
    for fact in fresh:  # in the run's order, as one by one
        row = MessageRow(fact.message_id, fact.sender_id, fact.posted_at)
        fold_new(rows.setdefault(fact.relationship_id, []), row)
        new.append((fact, row))
    await repo.add_messages(session, new)
    new_ids = {fact.message_id for fact in fresh}
    await repo.set_answers(
        session,
        [r for kept in rows.values() for r in kept if r.changed and r.message_id not in new_ids],
    )
    await _counts(session, fresh)


async def _counts(session: AsyncSession, fresh: Sequence[MessageFact]) -> None:
    weeks: dict[tuple[UUID, UUID, date], tuple[UUID, int]] = {}
    members: dict[tuple[UUID, UUID], Span] = {}
    people: dict[UUID, tuple[UUID, Span]] = {}
    for f in fresh:
        week = (f.relationship_id, f.sender_id, week_of(f.posted_at))
        programme, count = weeks.get(week, (f.programme_id, 0))
        weeks[week] = (programme, count + 1)
        member = (f.relationship_id, f.sender_id)
        span = members.get(member)
        members[member] = span.plus(f.posted_at) if span else Span(1, f.posted_at, f.posted_at)
        if f.sender_id == ERASED:
            continue
        known = people.get(f.sender_id)
        if known is None:
            people[f.sender_id] = (f.programme_id, Span(1, f.posted_at, f.posted_at))
        else:
            people[f.sender_id] = (known[0], known[1].plus(f.posted_at))
    await repo.count_in_weeks(session, weeks)
    await repo.members_posted(session, members)
    await repo.participants_posted(session, people)
