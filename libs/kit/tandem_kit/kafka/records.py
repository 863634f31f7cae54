"""One record's way in: decoded (or refused as poison), then handled beside its inbox row.

Public so that :mod:`tandem_kit.testing` hands events to a service exactly as the
consumer (:mod:`tandem_kit.kafka.consumer`) does.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from datetime import UTC, datetime

from pydantic import ValidationError
from sqlalchemy import insert, select

from tandem_contracts import Envelope, EnvelopeError, Event, compacted_topics, parse_event
from tandem_contracts.base import EVENT_TYPES, UnknownEventType
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka.handlers import BoundHandler, HandlerContext, Tombstone


class PoisonEvent(Exception):
    """The record can never be handled (not a CloudEvent, or an invalid payload)."""


def decode_record(
    headers: Sequence[tuple[str, bytes | None]],
    key: bytes | None,
    value: bytes | None,
    handled: Container[str],
    *,
    topic: str | None = None,
    tombstones: Container[str] = (),
) -> tuple[Envelope, Event | Tombstone | None]:
    """The envelope and event (or tombstone) of one record; ``None`` for a type not handled.

    ``tombstones`` are the types with a tombstone handler; a tombstone of one of them
    is accepted only from that type's own (compacted) ``topic``. Raises
    :class:`PoisonEvent` for a record that can never be handled. Public so that
    :mod:`tandem_kit.testing` hands events to a service exactly as this consumer does.
    """
    accepted = [t for t in EVENT_TYPES if t in tombstones and EVENT_TYPES[t].topic() == topic]
    # On a compacted topic a tombstone is a normal record: one of a type this consumer
    # has no handler for is skipped like any unhandled type (the segment roller's
    # markers are such tombstones); anywhere else it is not a CloudEvent.
    compacted = topic is not None and topic in compacted_topics()
    try:
        envelope = Envelope.from_kafka(
            list(headers), key, value, tombstones=_ANY_TYPE if compacted else accepted
        )
    except EnvelopeError as error:
        raise PoisonEvent(str(error)) from error
    if envelope.tombstone:
        if envelope.type not in accepted:
            return envelope, None
        return envelope, Tombstone(envelope.type, envelope.key)
    if envelope.type not in EVENT_TYPES:
        # No contract of this version declares it (forged, mistyped, or from a newer
        # producer): dead-lettered, so that it can be seen and replayed, never skipped in
        # silence. A declared type without a handler here is another consumer's business.
        raise PoisonEvent(f"unknown event type {envelope.type!r}: no contract declares it")
    if envelope.type not in handled:
        return envelope, None
    try:
        return envelope, parse_event(envelope.type, envelope.data)
    except (ValidationError, UnknownEventType) as error:
        raise PoisonEvent(f"invalid {envelope.type} payload: {error}") from error


class _AnyType:
    def __contains__(self, event_type: object) -> bool:
        return True


_ANY_TYPE = _AnyType()


async def handle_in_inbox(
    database: Database,
    consumer: str,
    handle: BoundHandler,
    envelope: Envelope,
) -> bool:
    """Write the inbox row and run ``handle`` (a handler bound to its event, see
    :func:`tandem_kit.kafka.handlers.bind`) in one transaction; ``False`` (and nothing
    runs) when ``consumer`` has already handled this event id."""
    async with database.transaction() as session:
        seen = await session.scalar(
            select(inbox_table.c.event_id).where(
                inbox_table.c.consumer == consumer,
                inbox_table.c.event_id == str(envelope.id),
            )
        )
        if seen is not None:
            return False  # delivered again: the effect already happened
        await session.execute(
            insert(inbox_table).values(
                consumer=consumer,
                event_id=str(envelope.id),
                event_type=envelope.type,
                processed_at=datetime.now(UTC),
            )
        )
        await handle(HandlerContext(session=session, envelope=envelope))
    return True
