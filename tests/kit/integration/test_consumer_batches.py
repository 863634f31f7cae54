"""Batch handlers (``Handlers.on_batch``): runs of one type in one transaction, each event
once and in its partition's order; a poison event in a batch fails alone."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import func, insert, select

from tandem_contracts import Envelope, dlq_topic
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka import BatchContext, EventConsumer, Handlers, create_producer
from tests.conftest import UrlFactory
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.fixture_service.tables import received
from tests.kit.integration.harness import (
    fresh_topic,
    migrated_database,
    read_topic,
    record_note,
    wait_until,
)

pytestmark = [pytest.mark.kafka]


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    yield producer
    await producer.stop()


class Recorder:
    """A batch handler that records what it got, and refuses a batch with a poison note."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    async def __call__(self, events: Sequence[NoteAdded], bc: BatchContext) -> None:
        self.sizes.append(len(events))
        await bc.session.execute(
            insert(received),
            [
                {"note_id": str(e.note_id), "event_id": str(envelope.id)}
                for e, envelope in zip(events, bc.envelopes, strict=True)
            ],
        )
        if any(e.text == "poison" for e in events):
            raise ValueError("this batch holds a note that can never be handled")


def batch_consumer(
    db: Database, bootstrap: str, topic: str, name: str, producer: AIOKafkaProducer, rec: Recorder
) -> EventConsumer:
    handlers = Handlers().on(NoteAdded, record_note).on_batch(NoteAdded, rec)
    return EventConsumer(
        name=name,
        database=db,
        bootstrap_servers=bootstrap,
        topics=[topic],
        handlers=handlers,
        dead_letters=producer,
        max_attempts=2,
        retry_backoff=0.01,
        batch_size=50,
    )


async def _send(producer: AIOKafkaProducer, topic: str, envelope: Envelope) -> None:
    await (
        await producer.send(
            topic,
            value=envelope.data,
            key=envelope.key.encode(),
            headers=envelope.kafka_headers(),
        )
    )


async def _received(db: Database) -> list[str]:
    async with db.sessions() as session:
        rows = await session.execute(select(received.c.note_id).order_by(received.c.seq))
        return [str(r) for r in rows.scalars()]


def _note(text: str) -> NoteAdded:
    return NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text=text)


async def test_a_batch_keeps_order_drops_redeliveries_and_dead_letters_only_the_poison(
    kafka_bootstrap: str, url_factory: UrlFactory, producer: AIOKafkaProducer
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    sink = await migrated_database(await url_factory("consumer"))
    notes = [_note(f"n{i}") for i in range(60)]
    envelopes = [Envelope.wrap(note) for note in notes]
    first, second = envelopes[:30], envelopes[30:]
    poison = Envelope.wrap(_note("poison"))
    # 60 good notes, one of them delivered three times (twice in a batch), and a poison
    # note among them; then, in a later batch, one already handled delivered again.
    for envelope in [*first[:10], first[3], *first[10:], poison, first[3], *second]:
        await _send(producer, topic, envelope)
    recorder = Recorder()
    consumer = batch_consumer(sink, kafka_bootstrap, topic, name, producer, recorder)
    task = asyncio.create_task(consumer.run())

    async def all_good() -> bool:
        return len(await _received(sink)) >= 60

    await wait_until(all_good)
    await _send(producer, topic, second[5])
    await asyncio.sleep(2)  # time for the redelivery to be read (and dropped)
    consumer.stop()
    await task

    good = [str(note.note_id) for note in notes]
    assert await _received(sink) == good  # each once, in the partition's order
    assert max(recorder.sizes) > 1  # batches did happen
    dead = await read_topic(kafka_bootstrap, dlq_topic(name), expected=1)
    assert [value for _, value, _ in dead] == [poison.data]
    async with sink.sessions() as session:
        inbox = await session.scalar(
            select(func.count()).select_from(inbox_table).where(inbox_table.c.consumer == name)
        )
    assert inbox == 60
    await sink.dispose()


def test_a_batch_handler_needs_the_one_by_one_handler_first() -> None:
    with pytest.raises(ValueError, match="first"):
        Handlers().on_batch(NoteAdded, Recorder())
    handlers = Handlers().on(NoteAdded, record_note).on_batch(NoteAdded, Recorder())
    with pytest.raises(ValueError, match="is registered"):
        handlers.on_batch(NoteAdded, Recorder())
