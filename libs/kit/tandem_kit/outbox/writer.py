"""Write events into the outbox inside the caller's transaction.

The row commits or rolls back with the state change it describes: a rolled-back
use case publishes nothing, and a committed one cannot lose its event.

An event that carries someone's personal fields (a contact) is written with
``about=<person>``: its payload is sealed under that person's key, so it is never in
the database in the clear, and an erasure before the relay published it shreds it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts import Envelope, Event
from tandem_kit.db.bulk import insert_many
from tandem_kit.db.database import vault_of
from tandem_kit.db.tables import outbox_table
from tandem_kit.telemetry.propagation import current_traceparent_headers, producer_span


def _row(event: Event, event_id: UUID | None) -> dict[str, Any]:
    return _envelope_row(Envelope.wrap(event, event_id=event_id), event.topic())


def _envelope_row(envelope: Envelope, topic: str) -> dict[str, Any]:
    headers = {name: raw.decode() for name, raw in envelope.kafka_headers()}
    # The producer span belongs to the request that caused the event; its context
    # travels in the row, so the consumer's span joins that trace even though the
    # relay publishes later, from another task or process.
    with producer_span(
        topic, envelope.type, str(envelope.id), key=envelope.key, operation_type="create"
    ):
        headers.update(current_traceparent_headers())
    return {
        "event_id": str(envelope.id),
        "topic": topic,
        "key": envelope.key,
        "event_type": envelope.type,
        "payload": envelope.kafka_value(),
        "headers": headers,
        "created_at": datetime.now(UTC),
    }


def payload_field(event_id: str) -> str:
    """What a sealed payload is bound to, besides its person."""
    return f"event/{event_id}"


async def add_event(
    session: AsyncSession, event: Event, *, event_id: UUID | None = None, about: str | None = None
) -> UUID:
    """Queue one event; returns its CloudEvents id. ``about``: the person whose
    personal fields the event carries (its payload is then sealed for them)."""
    row = _row(event, event_id)
    if about is not None:
        sealed = await vault_of(session).seal(
            session, about, payload_field(row["event_id"]), row["payload"].decode()
        )
        row.update(payload=sealed, about=about)
    await session.execute(insert(outbox_table).values(row))
    return UUID(row["event_id"])


async def add_tombstone(session: AsyncSession, record: type[Event], key: str) -> UUID:
    """Queue the tombstone of a compacted record's value under ``key`` (erasure's way
    of removing it from the broker: compaction drops every earlier value of the key)."""
    envelope = Envelope.tombstone_of(record, key)
    await session.execute(insert(outbox_table).values(_envelope_row(envelope, record.topic())))
    return envelope.id


async def add_events(
    session: AsyncSession,
    events: Iterable[Event],
    *,
    about: Callable[[Event], str | None] | None = None,
) -> int:
    """Queue many events in one statement (bulk imports, match runs); ``about`` says
    whose personal fields an event carries, if anyone's (see :func:`add_event`)."""
    rows = []
    for event in events:
        row = _row(event, None)
        person = about(event) if about is not None else None
        row["about"] = person
        if person is not None:
            row["payload"] = await vault_of(session).seal(
                session, person, payload_field(row["event_id"]), row["payload"].decode()
            )
        rows.append(row)
    if rows:
        await insert_many(session, outbox_table, rows)
    return len(rows)
