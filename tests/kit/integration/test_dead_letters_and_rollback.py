"""Poison events are dead-lettered with their origin; rolled-back work publishes nothing."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import insert

from tandem_contracts import Envelope, dlq_topic
from tandem_kit.kafka import create_producer
from tandem_kit.outbox import OutboxRelay, add_event
from tests.conftest import UrlFactory
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.fixture_service.tables import notes
from tests.kit.integration.harness import (
    add_note,
    fresh_topic,
    migrated_database,
    note_consumer,
    read_topic,
    received_counts,
    unsent_outbox_rows,
    wait_until,
)

pytestmark = [pytest.mark.kafka]


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    yield producer
    await producer.stop()


async def test_poison_events_are_dead_lettered_and_the_next_good_event_is_processed(
    kafka_bootstrap: str,
    url_factory: UrlFactory,
    producer: AIOKafkaProducer,
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    source = await migrated_database(await url_factory("producer"))
    sink = await migrated_database(await url_factory("consumer"))

    # 1. Not a CloudEvent at all.
    await (await producer.send(topic, value=b"garbage", key=b"k"))
    # 1b. CloudEvent headers with a null ce_id, and a tombstone (no value at all): the
    # decoder once crashed on the first, so the consumer restarted on it for ever.
    null_id = [
        (n, None if n == "ce_id" else v)
        for n, v in Envelope.wrap(
            NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text="x")
        ).kafka_headers()
    ]
    await (await producer.send(topic, value=b"{}", key=b"k", headers=null_id))
    await (await producer.send(topic, value=None, key=b"k"))
    # 2. A CloudEvent whose payload does not match its type.
    bad = Envelope.wrap(NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text="x"))
    await (
        await producer.send(topic, value=b'{"note_id": 1}', key=b"k", headers=bad.kafka_headers())
    )
    # 3. A valid event the handler can never handle (it raises every time).
    await add_note(source, "poison")
    # 4. A good event after all of them.
    good = await add_note(source, "good")
    relay = OutboxRelay(source, producer, service="test")
    while await relay.publish_batch():
        pass

    consumer = note_consumer(sink, kafka_bootstrap, topic, name, producer)
    task = asyncio.create_task(consumer.run())

    async def good_received() -> bool:
        return str(good) in await received_counts(sink)

    await wait_until(good_received)
    consumer.stop()
    await task

    assert await received_counts(sink) == {str(good): 1}
    dead = await read_topic(kafka_bootstrap, dlq_topic(name), expected=5)
    assert len(dead) == 5
    for _key, _value, headers in dead:
        assert headers["dlq_original_topic"] == topic.encode()
        assert headers["dlq_original_partition"] == b"0"
        assert int(headers["dlq_original_offset"]) in {0, 1, 2, 3, 4}
        assert headers["dlq_error"]
    offsets = sorted(int(h["dlq_original_offset"]) for _, _, h in dead)
    assert offsets == [0, 1, 2, 3, 4]
    errors = [h["dlq_error"].decode() for _, _, h in dead]
    assert any("not a CloudEvent" in e for e in errors)
    assert any("ce_id is null" in e for e in errors)
    assert any("tombstone" in e for e in errors)
    assert any("invalid tandem.test.note.added.v1 payload" in e for e in errors)
    assert any("can never be handled" in e for e in errors)
    await source.dispose()
    await sink.dispose()


async def test_a_rolled_back_transaction_publishes_nothing(
    kafka_bootstrap: str, url_factory: UrlFactory, producer: AIOKafkaProducer
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    source = await migrated_database(await url_factory("producer"))

    class UseCaseFailed(Exception):
        pass

    async def doomed_use_case() -> None:
        async with source.transaction() as session:
            note_id = uuid.uuid4()
            await session.execute(insert(notes).values(id=str(note_id), text="doomed"))
            await add_event(
                session, NoteAdded(programme_id=uuid.uuid4(), note_id=note_id, text="doomed")
            )
            raise UseCaseFailed

    with pytest.raises(UseCaseFailed):
        await doomed_use_case()
    assert await unsent_outbox_rows(source) == 0
    relay = OutboxRelay(source, producer, service="test")
    assert await relay.publish_batch() == 0
    committed = await add_note(source, "committed")
    assert await relay.publish_batch() == 1
    records = await read_topic(kafka_bootstrap, topic, expected=1)
    assert len(records) == 1
    assert str(committed).encode() in (records[0][1] or b"")
    await source.dispose()
