"""Hand an event to a service exactly as its Kafka consumer would, without Kafka.

The event travels as the record the outbox relay publishes (CloudEvents headers,
key, JSON value), is decoded by the consumer's own :func:`decode_record`, and is
handled by the consumer's own :func:`handle_in_inbox`: the inbox row and the
handler's effect commit in one transaction, and a second delivery of the same
event id does nothing. Unlike the consumer, a failing handler is not retried or
dead-lettered: its exception reaches the test.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from tandem_contracts import EVENT_TYPES, Envelope, Event
from tandem_kit.db.database import Database
from tandem_kit.kafka.consumer import decode_record, handle_in_inbox
from tandem_kit.kafka.handlers import EventHandler, Handlers, bind


def record_of(event: Event | Envelope, *, event_id: UUID | None = None) -> Envelope:
    """The envelope the relay would publish for ``event`` (an envelope is kept as it is)."""
    if isinstance(event, Envelope):
        if event_id is not None and event_id != event.id:
            raise ValueError("an envelope carries its own id; do not pass event_id with it")
        return event
    return Envelope.wrap(event, event_id=event_id)


async def deliver(
    database: Database,
    consumer: str,
    handlers: Mapping[str, EventHandler],
    event: Event | Envelope,
    *,
    event_id: UUID | None = None,
) -> bool:
    """Deliver one event to ``consumer``'s handlers; ``False`` when its inbox already held
    the event id (nothing ran). A type with no handler is an error here, not a skip:
    a test that delivers it has a mistake in it. A tombstone is delivered as its
    envelope (``Envelope.tombstone_of(Record, key)``), from its type's own topic."""
    envelope = record_of(event, event_id=event_id)
    model = EVENT_TYPES.get(envelope.type)
    tombstones = handlers.tombstones if isinstance(handlers, Handlers) else {}
    wire, decoded = decode_record(
        envelope.kafka_headers(),
        envelope.key.encode(),
        envelope.kafka_value(),
        handlers,
        topic=model.topic() if model is not None else None,
        tombstones=tombstones,
    )
    if decoded is None:
        raise LookupError(f"{consumer} has no handler for {envelope.type}")
    return await handle_in_inbox(database, consumer, bind(handlers, tombstones, decoded), wire)
