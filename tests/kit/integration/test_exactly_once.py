"""The spine's delivery guarantees, against a real Kafka broker and real databases.

An event written with its state change reaches a consumer, and the effect
happens exactly once even when the consumer dies between its database commit
and its offset commit, and when the relay dies between publishing and marking
rows sent. Run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from aiokafka import AIOKafkaProducer

from tandem_contracts import Envelope
from tandem_kit.db.database import Database
from tandem_kit.kafka import create_producer
from tandem_kit.outbox import OutboxRelay
from tests.conftest import UrlFactory
from tests.kit.integration.harness import (
    SimulatedCrash,
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


async def _two_databases(url_factory: UrlFactory) -> tuple[Database, Database]:
    return (
        await migrated_database(await url_factory("producer")),
        await migrated_database(await url_factory("consumer")),
    )


async def test_effect_happens_once_when_consumer_dies_after_db_commit(
    kafka_bootstrap: str, url_factory: UrlFactory, producer: AIOKafkaProducer
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name)
    source, sink = await _two_databases(url_factory)
    note_ids = [await add_note(source, f"note {i}") for i in range(12)]
    relay = OutboxRelay(source, producer, service="test")
    while await relay.publish_batch():
        pass
    assert await unsent_outbox_rows(source) == 0

    handled: list[Envelope] = []

    async def die_on_fifth(envelope: Envelope) -> None:
        handled.append(envelope)
        if len(handled) == 5:
            raise SimulatedCrash  # database committed, offset not

    first = note_consumer(sink, kafka_bootstrap, topic, name, producer, after_commit=die_on_fifth)
    with pytest.raises(SimulatedCrash):
        await first.run()
    # The records of one poll commit in one inbox transaction, so the crash after the
    # fifth's commit may find later ones of its poll committed too; none of the offsets is.
    assert len(await received_counts(sink)) >= 5

    redelivered: list[Envelope] = []

    async def note_redelivery(envelope: Envelope) -> None:
        redelivered.append(envelope)

    second = note_consumer(
        sink, kafka_bootstrap, topic, name, producer, after_commit=note_redelivery
    )
    task = asyncio.create_task(second.run())

    async def all_received() -> bool:
        return len(await received_counts(sink)) == len(note_ids)

    await wait_until(all_received)
    second.stop()
    await task

    counts = await received_counts(sink)
    assert counts == {str(n): 1 for n in note_ids}
    first_ids = {e.id for e in handled}
    assert first_ids & {e.id for e in redelivered}, "the crash should have caused a redelivery"
    await source.dispose()
    await sink.dispose()


async def test_effect_happens_once_when_relay_dies_after_publishing(
    kafka_bootstrap: str, url_factory: UrlFactory, producer: AIOKafkaProducer
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name)
    source, sink = await _two_databases(url_factory)
    note_ids = [await add_note(source, f"note {i}") for i in range(8)]

    class DiesBeforeMarking(OutboxRelay):
        async def _publish(self, rows):  # type: ignore[no-untyped-def]
            await super()._publish(rows)
            raise SimulatedCrash  # published and acknowledged, never marked sent

    with pytest.raises(SimulatedCrash):
        await DiesBeforeMarking(source, producer, service="test").publish_batch()
    assert await unsent_outbox_rows(source) == len(note_ids)

    relay = OutboxRelay(source, producer, service="test")
    while await relay.publish_batch():
        pass
    assert await unsent_outbox_rows(source) == 0
    records = await read_topic(kafka_bootstrap, topic, expected=2 * len(note_ids))
    assert len(records) == 2 * len(note_ids), "the broker holds every event twice"

    consumer = note_consumer(sink, kafka_bootstrap, topic, name, producer)
    task = asyncio.create_task(consumer.run())

    async def all_received() -> bool:
        return len(await received_counts(sink)) == len(note_ids)

    await wait_until(all_received)
    await asyncio.sleep(1.0)  # give the duplicates time to arrive (and be dropped)
    consumer.stop()
    await task
    assert await received_counts(sink) == {str(n): 1 for n in note_ids}
    await source.dispose()
    await sink.dispose()
