"""A run of events of one type in one inbox transaction (``Handlers.on_batch``).

The consumer hands a batch handler consecutive records of one partition whose type has
one: their inbox rows are written together (an event id already there, or twice in the
run, is dropped, as one by one), the handler gets the events that are new, in order, and
everything commits at once. Cheaper per event than one transaction each (one inbox read,
one insert, one commit), and the handler can read and write for the whole run at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from tandem_contracts import Envelope, Event
from tandem_kit.db.bulk import insert_many
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka.handlers import BatchContext, BatchHandler


async def handle_batch_in_inbox(
    database: Database,
    consumer: str,
    handle: BatchHandler,
    envelopes: Sequence[Envelope],
    events: Sequence[Event],
) -> int:
    """Write the inbox rows of the events ``consumer`` has not handled and run ``handle``
    on those events, in one transaction; how many were new (nothing runs for none)."""
    ids = [str(envelope.id) for envelope in envelopes]
    async with database.transaction() as session:
        seen = set(
            await session.scalars(
                select(inbox_table.c.event_id).where(
                    inbox_table.c.consumer == consumer, inbox_table.c.event_id.in_(ids)
                )
            )
        )
        fresh: list[tuple[Envelope, Event]] = []
        for event_id, envelope, event in zip(ids, envelopes, events, strict=True):
            if event_id in seen:
                continue  # delivered again (or twice in this run): the effect happened
            seen.add(event_id)
            fresh.append((envelope, event))
        if not fresh:
            return 0
        now = datetime.now(UTC)
        await insert_many(
            session,
            inbox_table,
            [
                {
                    "consumer": consumer,
                    "event_id": str(envelope.id),
                    "event_type": envelope.type,
                    "processed_at": now,
                }
                for envelope, _ in fresh
            ],
        )
        await handle(
            [event for _, event in fresh],
            BatchContext(session=session, envelopes=tuple(envelope for envelope, _ in fresh)),
        )
    return len(fresh)
