"""Kafka restarted while the relay is publishing: nothing is lost once it is back.

Restarts the shared local broker, so it runs in its own folder (tests/chaos) at
the end of the suite; the broker is up again when the test returns.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable

import pytest

from tandem_kit.kafka import create_producer
from tandem_kit.outbox import OutboxRelay
from tandem_kit.runtime import Supervisor
from tests.kit.integration.harness import (
    add_note,
    fresh_topic,
    migrated_database,
    read_topic,
    unsent_outbox_rows,
    wait_until,
)
from tests.support.infra import restart_kafka, start_kafka

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


async def test_nothing_is_lost_when_kafka_restarts_mid_publish(
    kafka_bootstrap: str, sqlite_url_factory: Callable[[str], str]
) -> None:
    name = f"chaos-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=3)
    source = await migrated_database(sqlite_url_factory("producer"))
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    # As in a service: a batch that fails while the broker is away ends the relay, and
    # the supervisor starts a fresh one after a backoff.
    supervisor = Supervisor(healthy_after=5)
    supervisor.start(
        "outbox-relay",
        lambda: OutboxRelay(source, producer, service="chaos", batch_size=20, poll_interval=0.05),
    )
    written: list[uuid.UUID] = []
    try:
        for i in range(100):
            written.append(await add_note(source, f"before {i}"))
        # The broker goes away while rows are still being published and written.
        await asyncio.to_thread(restart_kafka, True)
        for i in range(100):
            written.append(await add_note(source, f"during {i}"))
        assert await unsent_outbox_rows(source) > 0, "the outage should leave a backlog"
        await asyncio.to_thread(start_kafka)
        for i in range(50):
            written.append(await add_note(source, f"after {i}"))

        async def drained() -> bool:
            return await unsent_outbox_rows(source) == 0

        await wait_until(drained, timeout=180)
    finally:
        await supervisor.stop()
        await producer.stop()
        await asyncio.to_thread(start_kafka)

    records = await read_topic(kafka_bootstrap, topic, expected=len(written), timeout=60)
    delivered = {json.loads(value or b"{}")["note_id"] for _, value, _ in records}
    assert delivered == {str(n) for n in written}
    await source.dispose()
