"""``Handlers.observed``: every kind of handler is kept and observed, none dropped."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from tandem_contracts import Envelope, Event
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.messaging import MessagePosted, SenderRole
from tandem_kit.kafka import Handlers
from tandem_kit.kafka.handlers import BatchContext, HandlerContext, Tombstone


def posted() -> MessagePosted:
    return MessagePosted(
        programme_id=uuid.uuid4(),
        relationship_id=uuid.uuid4(),
        conversation_id=uuid.uuid4(),
        message_id=uuid.uuid4(),
        sender_participant_id=uuid.uuid4(),
        sender_role=SenderRole.MENTEE,
        posted_at=datetime.now(UTC),
        length=3,
    )


async def test_one_by_one_batch_and_tombstone_handlers_survive_observation() -> None:
    ran: list[str] = []
    seen: list[tuple[uuid.UUID, uuid.UUID]] = []

    async def one(event: MessagePosted, hc: HandlerContext) -> None:
        ran.append("one")

    async def many(events: Sequence[MessagePosted], bc: BatchContext) -> None:
        ran.append(f"batch of {len(events)}")

    async def gone(tombstone: Tombstone, hc: HandlerContext) -> None:
        ran.append("tombstone")

    def note(event: Event, envelope: Envelope) -> None:
        assert isinstance(event, MessagePosted)
        seen.append((event.message_id, envelope.id))

    handlers = (
        Handlers()
        .on(MessagePosted, one)
        .on_batch(MessagePosted, many)
        .on_tombstone(ParticipantContact, gone)
    )
    observed = handlers.observed(note)
    assert set(observed) == set(handlers)
    assert set(observed.batches) == set(handlers.batches) == {MessagePosted.event_type}
    assert observed.tombstones == handlers.tombstones

    session = None  # the wrappers never touch the session: the wrapped handlers own it
    single = posted()
    single_envelope = Envelope.wrap(single)
    await observed[MessagePosted.event_type](
        single,
        HandlerContext(session, single_envelope),  # type: ignore[arg-type]
    )
    batch = [posted(), posted()]
    envelopes = [Envelope.wrap(e) for e in batch]
    await observed.batches[MessagePosted.event_type](
        batch,
        BatchContext(session, envelopes),  # type: ignore[arg-type]
    )
    assert ran == ["one", "batch of 2"]
    assert seen == [(single.message_id, single_envelope.id)] + [
        (e.message_id, env.id) for e, env in zip(batch, envelopes, strict=True)
    ]


async def test_a_failed_handler_is_not_observed() -> None:
    seen: list[Event] = []

    async def broken(event: MessagePosted, hc: HandlerContext) -> None:
        raise RuntimeError("handler failed")

    observed = Handlers().on(MessagePosted, broken).observed(lambda e, _env: seen.append(e))
    event = posted()
    with pytest.raises(RuntimeError):
        await observed[MessagePosted.event_type](
            event,
            HandlerContext(None, Envelope.wrap(event)),  # type: ignore[arg-type]
        )
    assert seen == []
