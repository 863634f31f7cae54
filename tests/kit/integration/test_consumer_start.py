"""A consumer that starts on a fresh broker logs nothing at ERROR.

On a broker that has never had a consumer group, the offsets topic does not exist
yet: the first coordinator lookup creates it and is answered "coordinator not
available" until it is ready, which aiokafka logs at ERROR. Every new deployment
(and every `make up` on fresh volumes) started that way, so a real error looked
like the normal start.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from tandem_contracts import dlq_topic
from tandem_kit.kafka import create_producer
from tandem_kit.outbox import OutboxRelay
from tests.kit.fixture_service.events import TEST_TOPIC
from tests.kit.integration.harness import (
    add_note,
    migrated_database,
    note_consumer,
    received_counts,
    wait_until,
)
from tests.support.infra import KAFKA_SCRIPT

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def fresh_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A broker of its own, just formatted: no consumer group has ever used it."""
    port = _free_port()
    env = {
        **os.environ,
        "TANDEM_KAFKA_PORT": str(port),
        "TANDEM_KAFKA_CONTROLLER_PORT": str(_free_port()),
        "TANDEM_KAFKA_DATA": str(tmp_path_factory.mktemp("fresh-kafka")),
        "TANDEM_KAFKA_HEAP": "-Xms128m -Xmx384m",
    }

    def script(command: str) -> None:
        subprocess.run(
            ["bash", str(KAFKA_SCRIPT), command],
            env=env,
            check=True,
            timeout=300,
            capture_output=True,
        )

    script("start")
    try:
        yield f"127.0.0.1:{port}"
    finally:
        script("reset")


async def _create_topics(bootstrap: str, *names: str) -> None:
    # Created by hand, not by tandem_kit.kafka.provision: the consumer must start
    # quietly whoever made its topics.
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, 3, 1) for name in names])
    finally:
        await admin.close()


async def test_a_consumer_starting_on_a_fresh_broker_logs_no_error(
    fresh_broker: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = f"tandem.test.{uuid.uuid4().hex[:12]}"
    await _create_topics(fresh_broker, topic, dlq_topic(name))
    TEST_TOPIC.set(topic)
    source = await migrated_database(f"sqlite+aiosqlite:///{tmp_path / 'source.db'}")
    sink = await migrated_database(f"sqlite+aiosqlite:///{tmp_path / 'sink.db'}")
    producer = create_producer(fresh_broker)
    await producer.start()
    note = await add_note(source, "hello")
    await OutboxRelay(source, producer, service="test").publish_batch()

    caplog.set_level(logging.DEBUG)
    consumer = note_consumer(sink, fresh_broker, topic, name, producer)
    task = asyncio.create_task(consumer.run())
    try:

        async def handled() -> bool:
            return str(note) in await received_counts(sink)

        await wait_until(handled, timeout=60)  # it joined its group and consumed
    finally:
        consumer.stop()
        await asyncio.wait_for(task, 30)
        await producer.stop()
        await source.dispose()
        await sink.dispose()
    errors = [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
