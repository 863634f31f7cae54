"""``start_group_at_end``: a fresh group committed at the end reads only what comes after,
against the real broker."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from tandem_kit.kafka.groups import start_group_at_end
from tests.kit.integration.harness import fresh_topic

pytestmark = pytest.mark.kafka


async def test_a_group_started_at_the_end_reads_only_what_is_produced_after(
    kafka_bootstrap: str,
) -> None:
    topic = await fresh_topic(kafka_bootstrap, f"at-end-{uuid.uuid4().hex[:6]}", partitions=2)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        for i in range(6):
            await producer.send_and_wait(topic, f"before {i}".encode(), partition=i % 2)
        group = f"tandem.test-at-end-{uuid.uuid4().hex[:8]}"
        partitions = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
        ends = await start_group_at_end(kafka_bootstrap, group, partitions)
        assert ends == {partitions[0]: 3, partitions[1]: 3}
        for i in range(2):
            await producer.send_and_wait(topic, f"after {i}".encode(), partition=i % 2)
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=group,
        auto_offset_reset="earliest",  # what the kit's consumer does for a group without offsets
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        seen: list[bytes] = []
        deadline = asyncio.get_running_loop().time() + 30
        while len(seen) < 2 and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                seen.extend(r.value or b"" for r in records)
        for records in (await consumer.getmany(timeout_ms=1000)).values():
            seen.extend(r.value or b"" for r in records)
    finally:
        await consumer.stop()
    assert sorted(seen) == [b"after 0", b"after 1"]
