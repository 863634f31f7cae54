"""Outbox relay throughput against raw aiokafka, in one run, on the real local broker.

Both sides send the same events (same payload, key and CloudEvents headers) with
the same producer settings (acks=all, idempotence). The raw side only sends; the
relay also reads the rows from the database and marks them sent. Prints events
per second for each and the ratio (target: the relay keeps at least 50%).

    uv run python bench/outbox_relay.py [--events 20000] [--rounds 3] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from tandem_contracts import Envelope
from tandem_kit.db.database import Database
from tandem_kit.kafka import TopicSpec, create_producer, provision_topics
from tandem_kit.outbox import OutboxRelay, add_events
from tests.kit.fixture_service.events import TEST_TOPIC, NoteAdded
from tests.kit.integration.harness import migrated_database
from tests.support.infra import (
    create_postgres_database,
    drop_postgres_database,
    ensure_kafka,
    ensure_postgres,
)


def make_events(count: int) -> list[NoteAdded]:
    programme = uuid.uuid4()
    return [
        NoteAdded(programme_id=programme, note_id=uuid.uuid4(), text=f"event {i:06d} " + "x" * 200)
        for i in range(count)
    ]


async def raw_send(bootstrap: str, events: list[NoteAdded]) -> float:
    producer = create_producer(bootstrap)
    await producer.start()
    try:
        envelopes = [Envelope.wrap(e) for e in events]
        started = time.perf_counter()
        deliveries = [
            await producer.send(
                e.topic(), value=env.data, key=env.key.encode(), headers=env.kafka_headers()
            )
            for e, env in zip(events, envelopes, strict=True)
        ]
        await asyncio.gather(*deliveries)
        return len(events) / (time.perf_counter() - started)
    finally:
        await producer.stop()


async def fill_outbox(db: Database, events: list[NoteAdded]) -> None:
    async with db.transaction() as session:
        for start in range(0, len(events), 2000):
            await add_events(session, events[start : start + 2000])


async def relay_drain(bootstrap: str, db: Database, events: int, batch: int) -> float:
    producer = create_producer(bootstrap)
    await producer.start()
    try:
        relay = OutboxRelay(db, producer, service="bench", batch_size=batch)
        started = time.perf_counter()
        published = 0
        while published < events:
            published += await relay.publish_batch()
        return events / (time.perf_counter() - started)
    finally:
        await producer.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    asyncio.run(run(args, ensure_kafka()))


async def run(args: argparse.Namespace, bootstrap: str) -> None:
    topic = f"tandem.bench.{uuid.uuid4().hex[:8]}"
    await provision_topics(bootstrap, [TopicSpec(topic, 6)])
    TEST_TOPIC.set(topic)

    raw_rates: list[float] = []
    relay_rates: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(args.rounds):
            events = make_events(args.events)
            if args.database == "sqlite":
                url = f"sqlite+aiosqlite:///{tmp}/bench-{round_no}.db"
            else:
                url = await create_postgres_database(ensure_postgres())
            db = await migrated_database(url)
            await fill_outbox(db, events)
            raw_rates.append(await raw_send(bootstrap, events))
            relay_rates.append(await relay_drain(bootstrap, db, len(events), args.batch))
            await db.dispose()
            if args.database == "postgres":
                await drop_postgres_database(ensure_postgres(), url)
            print(
                f"round {round_no + 1}: raw {raw_rates[-1]:,.0f} ev/s, "
                f"relay {relay_rates[-1]:,.0f} ev/s"
            )

    raw, relay = statistics.median(raw_rates), statistics.median(relay_rates)
    print(
        f"\noutbox relay ({args.database}, batch {args.batch}, acks=all, idempotent): "
        f"{relay:,.0f} events/s (median of {args.rounds})"
    )
    print(f"raw aiokafka (same events, same producer settings): {raw:,.0f} events/s")
    print(f"ratio relay/raw: {relay / raw:.0%} (target >= 50%)")


if __name__ == "__main__":
    main()
