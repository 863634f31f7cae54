"""The SQL of analytics' own store of what it consumed (``consumed_events``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.readmodels import insert_absent
from tandem_analytics.adapters.tables import consumed_event_people, consumed_events
from tandem_analytics.domain.event_store import StoredEvent
from tandem_kit.db.bulk import insert_many


async def append(session: AsyncSession, stored: StoredEvent, people: Iterable[UUID]) -> bool:
    """Keep one consumed event (once per id) and index the people it names."""
    new = await insert_absent(
        session,
        consumed_events,
        {
            "event_id": stored.event_id,
            "event_type": stored.event_type,
            "source": stored.source,
            "key": stored.key,
            "time": stored.time,
            "data": stored.data,
        },
        ["event_id"],
    )
    if new:
        for person in people:
            await insert_absent(
                session,
                consumed_event_people,
                {"participant_id": person, "event_id": stored.event_id},
                ["participant_id", "event_id"],
            )
    return new


async def append_many(
    session: AsyncSession, stored: Sequence[tuple[StoredEvent, Iterable[UUID]]]
) -> list[bool]:
    """:func:`append` for a run, in order: whether each event is new (an id already
    stored, or earlier in the run, is not)."""
    ids = [event.event_id for event, _ in stored]
    seen = set(
        await session.scalars(
            select(consumed_events.c.event_id).where(consumed_events.c.event_id.in_(ids))
        )
    )
    new: list[bool] = []
    events: list[dict[str, object]] = []
    people: dict[tuple[UUID, UUID], None] = {}  # ordered and without duplicates
    for event, named in stored:
        new.append(event.event_id not in seen)
        if event.event_id in seen:
            continue
        seen.add(event.event_id)
        events.append(
            {
                "event_id": event.event_id,
                "event_type": event.event_type,
                "source": event.source,
                "key": event.key,
                "time": event.time,
                "data": event.data,
            }
        )
        people.update(dict.fromkeys((person, event.event_id) for person in named))
    await insert_many(session, consumed_events, events)
    rows = [{"participant_id": person, "event_id": event_id} for person, event_id in people]
    await insert_many(session, consumed_event_people, rows)
    return new


async def naming(session: AsyncSession, participant_id: UUID) -> list[tuple[UUID, bytes]]:
    """The stored events that name the participant: their ids and JSON."""
    t = consumed_events.c
    rows = await session.execute(
        select(t.event_id, t.data)
        .join(consumed_event_people, consumed_event_people.c.event_id == t.event_id)
        .where(consumed_event_people.c.participant_id == participant_id)
    )
    return [(row.event_id, bytes(row.data)) for row in rows]


async def rewrite(session: AsyncSession, event_id: UUID, data: bytes) -> None:
    await session.execute(
        update(consumed_events).where(consumed_events.c.event_id == event_id).values(data=data)
    )


async def forget_person(session: AsyncSession, participant_id: UUID) -> None:
    await session.execute(
        delete(consumed_event_people).where(
            consumed_event_people.c.participant_id == participant_id
        )
    )


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(consumed_events)) or 0)


async def stored_bytes(session: AsyncSession) -> int:
    """The bytes of the stored JSON (the payloads; row overhead comes on top)."""
    total = await session.scalar(select(func.sum(func.length(consumed_events.c.data))))
    return int(total or 0)


async def in_order(session: AsyncSession, *, batch: int = 500) -> AsyncIterator[StoredEvent]:
    """Every stored event by event time, then by arrival (for a rebuild)."""
    t = consumed_events.c
    after: tuple[datetime, int] | None = None
    while True:
        query = select(t.seq, t.event_id, t.event_type, t.source, t.key, t.time, t.data)
        if after is not None:
            query = query.where((t.time > after[0]) | ((t.time == after[0]) & (t.seq > after[1])))
        rows = (await session.execute(query.order_by(t.time, t.seq).limit(batch))).all()
        if not rows:
            return
        for row in rows:
            yield StoredEvent(
                row.event_id, row.event_type, row.source, row.key, row.time, bytes(row.data)
            )
        after = (rows[-1].time, rows[-1].seq)
