"""A partition stuck on one record shows: its lag from the broker, and /readyz turns 503.

Lag was set only after a batch had been handled, so a consumer stuck on a record
reported 0, and /readyz said 200 while nothing moved.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx2
import pytest
from aiokafka import AIOKafkaProducer
from asgi_lifespan import LifespanManager
from prometheus_client import REGISTRY

from tandem_contracts import Envelope
from tandem_kit.app import ServiceDefinition, create_app
from tandem_kit.kafka import HandlerContext, Handlers, create_producer
from tandem_kit.runtime import Runtime
from tandem_kit.settings import ServiceSettings
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.integration.harness import (
    MIGRATIONS,
    fresh_topic,
    record_note,
    wait_until,
)

pytestmark = [pytest.mark.kafka]


async def _send_notes(bootstrap: str, topic: str, texts: list[str]) -> None:
    producer: AIOKafkaProducer = create_producer(bootstrap)
    await producer.start()
    try:
        for text in texts:
            event = NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text=text)
            envelope = Envelope.wrap(event)
            # One key: every note on the one partition, in order.
            await producer.send_and_wait(
                topic, value=envelope.data, key=b"one", headers=envelope.kafka_headers()
            )
    finally:
        await producer.stop()


async def test_a_stuck_partition_shows_its_lag_and_makes_the_service_unready(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    name = f"kit-health-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    release = asyncio.Event()

    async def handle(event: NoteAdded, context: HandlerContext) -> None:
        if event.text == "stuck":
            await release.wait()  # stands for a handler hung on a lock or a remote call
        await record_note(event, context)

    def handlers(runtime: Runtime[ServiceSettings]) -> Handlers:
        return Handlers().on(NoteAdded, handle)

    definition = ServiceDefinition(
        name=name,
        title="Fixture",
        description="test",
        version="0",
        migrations=MIGRATIONS,
        routers=[],
        settings=ServiceSettings,
        consumes=[topic],
        handlers=handlers,
    )
    settings = ServiceSettings(
        service_name=name,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        kafka_bootstrap_servers=kafka_bootstrap,
        run_relay=False,
        consumer_stall_seconds=1.0,
        auth={"local_key_path": str(tmp_path / "key.pem")},
    )
    labels = {"service": name, "topic": topic, "partition": "0"}

    def lag() -> float | None:
        return REGISTRY.get_sample_value("tandem_consumer_lag", labels)

    await _send_notes(kafka_bootstrap, topic, ["stuck", "next", "next", "next"])
    app = create_app(definition, settings)
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:

            async def ready_is(status: int) -> bool:
                return (await client.get("/readyz")).status_code == status

            # Nothing was handled, so the whole backlog shows, measured from the broker.
            async def backlog_shows() -> bool:
                return lag() == 4

            await wait_until(backlog_shows, timeout=30)
            await wait_until(lambda: ready_is(503), timeout=30)
            problem = (await client.get("/readyz")).json()
            assert problem["code"] == "not_ready"
            assert f"consumer stalled on {topic} partition 0: 4 behind" in problem["detail"]
            assert lag() == 4  # still stuck: the gauge keeps the real backlog

            release.set()  # the consumer moves again

            async def caught_up() -> bool:
                return lag() == 0

            await wait_until(caught_up, timeout=30)
            await wait_until(lambda: ready_is(200), timeout=30)
            assert (await client.get("/readyz")).json()["status"] == "ready"
