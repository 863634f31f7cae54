"""Helpers for the kit's integration tests: a producing and a consuming fixture service."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from sqlalchemy import insert, select

from tandem_contracts import dlq_topic
from tandem_kit.db.database import Database
from tandem_kit.db.migrations import upgrade_async
from tandem_kit.db.tables import outbox_table
from tandem_kit.kafka import EventConsumer, HandlerContext, Handlers, TopicSpec, provision_topics
from tandem_kit.kafka.consumer import AfterCommitHook
from tandem_kit.outbox import add_event
from tandem_kit.testing import database_with_vault
from tests.kit.fixture_service.events import TEST_TOPIC, NoteAdded
from tests.kit.fixture_service.tables import notes, received

MIGRATIONS = Path(__file__).resolve().parents[1] / "fixture_service" / "migrations"


class SimulatedCrash(BaseException):
    """Stands for the process dying: not an Exception, so no retry loop catches it."""


async def migrated_database(url: str) -> Database:
    await upgrade_async(MIGRATIONS, url)
    return database_with_vault(url)


async def fresh_topic(bootstrap: str, consumer_name: str, partitions: int = 3) -> str:
    topic = f"tandem.test.{uuid.uuid4().hex[:12]}"
    await provision_topics(
        bootstrap, [TopicSpec(topic, partitions), TopicSpec(dlq_topic(consumer_name), 1)]
    )
    TEST_TOPIC.set(topic)
    return topic


async def add_note(db: Database, text: str) -> uuid.UUID:
    """One use case: the note and its event in one transaction."""
    note_id = uuid.uuid4()
    async with db.transaction() as session:
        await session.execute(insert(notes).values(id=str(note_id), text=text))
        await add_event(session, NoteAdded(programme_id=uuid.uuid4(), note_id=note_id, text=text))
    return note_id


async def record_note(event: NoteAdded, context: HandlerContext) -> None:
    if event.text == "poison":
        raise ValueError("this note can never be handled")
    await context.session.execute(
        insert(received).values(note_id=str(event.note_id), event_id=str(context.envelope.id))
    )


def note_consumer(
    db: Database,
    bootstrap: str,
    topic: str,
    name: str,
    dead_letters: AIOKafkaProducer,
    after_commit: AfterCommitHook | None = None,
) -> EventConsumer:
    return EventConsumer(
        name=name,
        database=db,
        bootstrap_servers=bootstrap,
        topics=[topic],
        handlers=Handlers().on(NoteAdded, record_note),
        dead_letters=dead_letters,
        max_attempts=3,
        retry_backoff=0.01,
        after_commit=after_commit,
    )


async def received_counts(db: Database) -> Counter[str]:
    async with db.sessions() as session:
        rows = (await session.execute(select(received.c.note_id))).scalars().all()
    return Counter(rows)


async def unsent_outbox_rows(db: Database) -> int:
    async with db.sessions() as session:
        rows = await session.execute(select(outbox_table.c.id))
        return len(rows.all())


async def wait_until(
    condition: Callable[[], Awaitable[bool]], timeout: float = 60.0, interval: float = 0.1
) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


async def read_topic(
    bootstrap: str, topic: str, expected: int, timeout: float = 30.0
) -> list[tuple[bytes | None, bytes | None, dict[str, bytes]]]:
    """Every record of ``topic`` from the beginning (waits for at least ``expected``)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        partitions = [
            TopicPartition(topic, p)
            for p in (consumer.partitions_for_topic(topic) or await _partitions(consumer, topic))
        ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        out: list[tuple[bytes | None, bytes | None, dict[str, bytes]]] = []
        deadline = asyncio.get_running_loop().time() + timeout
        while len(out) < expected and asyncio.get_running_loop().time() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                out.extend((r.key, r.value, dict(r.headers)) for r in records)
        # Drain anything beyond `expected` that is already there (duplicates must show).
        batch = await consumer.getmany(timeout_ms=1000)
        for records in batch.values():
            out.extend((r.key, r.value, dict(r.headers)) for r in records)
        return out
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    await consumer._client.force_metadata_update()
    return consumer.partitions_for_topic(topic) or set()
