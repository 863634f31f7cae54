"""Hand an event to a service exactly as its Kafka consumer would, without Kafka.

The event travels as the record the outbox relay publishes (CloudEvents headers,
key, JSON value), is decoded by the consumer's own :func:`decode_record`, and is
handled by the consumer's own :func:`handle_in_inbox`: the inbox row and the
handler's effect commit in one transaction, and a second delivery of the same
event id does nothing. Unlike the consumer, a failing handler is not retried or
dead-lettered: its exception reaches the test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from tandem_contracts import EVENT_TYPES, Envelope, Event
from tandem_kit.db.database import Database
from tandem_kit.kafka.batches import BatchStep, OneStep, Step, handle_run_in_inbox
from tandem_kit.kafka.consumer import decode_record, handle_in_inbox
from tandem_kit.kafka.handlers import EventHandler, Handlers, Tombstone, bind


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
    tombstones = handlers.tombstones if isinstance(handlers, Handlers) else {}
    wire, decoded = _decoded(consumer, handlers, record_of(event, event_id=event_id))
    return await handle_in_inbox(database, consumer, bind(handlers, tombstones, decoded), wire)


async def deliver_together(
    database: Database,
    consumer: str,
    handlers: Mapping[str, EventHandler],
    events: Sequence[Event | Envelope],
) -> int:
    """Deliver ``events`` as the consumer handles consecutive records of one partition:
    in one transaction, each run of a type with a batch handler (``Handlers.on_batch``)
    handed to it at once, every other event to its handler; how many were new."""
    tombstones = handlers.tombstones if isinstance(handlers, Handlers) else {}
    batches = handlers.batches if isinstance(handlers, Handlers) else {}
    steps: list[Step] = []
    for event in events:
        wire, decoded = _decoded(consumer, handlers, record_of(event))
        if isinstance(decoded, Tombstone) or decoded.event_type not in batches:
            steps.append(OneStep(wire, bind(handlers, tombstones, decoded)))
            continue
        last = steps[-1] if steps else None
        if isinstance(last, BatchStep) and last.envelopes[0].type == wire.type:
            steps[-1] = BatchStep(last.handle, [*last.envelopes, wire], [*last.events, decoded])
        else:
            steps.append(BatchStep(batches[wire.type], [wire], [decoded]))
    return await handle_run_in_inbox(database, consumer, steps)


def _decoded(
    consumer: str, handlers: Mapping[str, EventHandler], envelope: Envelope
) -> tuple[Envelope, Event | Tombstone]:
    """The envelope and event as the consumer decodes the relay's record of ``envelope``."""
    model = EVENT_TYPES.get(envelope.type)
    wire, decoded = decode_record(
        envelope.kafka_headers(),
        envelope.key.encode(),
        envelope.kafka_value(),
        handlers,
        topic=model.topic() if model is not None else None,
        tombstones=handlers.tombstones if isinstance(handlers, Handlers) else {},
    )
    if decoded is None:
        raise LookupError(f"{consumer} has no handler for {envelope.type}")
    return wire, decoded
