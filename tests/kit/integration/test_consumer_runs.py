"""Consecutive records of a partition share one inbox transaction, with no batch handler:
each event is handled once and in order, each in its own CONSUMER span under its own
producer's span, and a poison record among them rolls the shared transaction back and
reaches the dead letters alone."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from aiokafka import AIOKafkaProducer
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from sqlalchemy import func, insert, select

from tandem_contracts import Envelope, dlq_topic
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka import EventConsumer, HandlerContext, Handlers, create_producer
from tandem_kit.telemetry.propagation import inject_headers, producer_span
from tandem_kit.telemetry.tracing import install_span_processor, uninstall_span_processor
from tests.conftest import UrlFactory
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.fixture_service.tables import received
from tests.kit.integration.harness import fresh_topic, migrated_database, read_topic, wait_until

pytestmark = [pytest.mark.kafka]


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    processor = SimpleSpanProcessor(exporter)
    install_span_processor(processor)
    yield exporter
    uninstall_span_processor(processor)


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    yield producer
    await producer.stop()


class Transactions:
    """A one-by-one handler that notes which transaction each event was handled in."""

    def __init__(self) -> None:
        self.markers: list[object] = []  # kept alive, so that no two markers share an id

    async def __call__(self, event: NoteAdded, hc: HandlerContext) -> None:
        if event.text == "poison":
            raise ValueError("this note can never be handled")
        self.markers.append(hc.session.info.setdefault("test-transaction", object()))
        await hc.session.execute(
            insert(received).values(note_id=str(event.note_id), event_id=str(hc.envelope.id))
        )

    def largest(self) -> int:
        counts: dict[int, int] = {}
        for marker in self.markers:
            counts[id(marker)] = counts.get(id(marker), 0) + 1
        return max(counts.values())


async def _send(producer: AIOKafkaProducer, topic: str, envelope: Envelope) -> int:
    """Publish in a producer span of its own; that span's id (the consumer's parent)."""
    with producer_span(topic, envelope.type, str(envelope.id), key=envelope.key) as span:
        headers = [*envelope.kafka_headers(), *inject_headers()]
    await (
        await producer.send(topic, value=envelope.data, key=envelope.key.encode(), headers=headers)
    )
    return span.get_span_context().span_id


async def test_records_share_a_transaction_and_a_poison_one_fails_alone(
    kafka_bootstrap: str,
    url_factory: UrlFactory,
    producer: AIOKafkaProducer,
    spans: InMemorySpanExporter,
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    sink = await migrated_database(await url_factory("consumer"))
    notes = [
        NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text=f"n{i}") for i in range(40)
    ]
    envelopes = [Envelope.wrap(note) for note in notes]
    poison = Envelope.wrap(
        NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text="poison")
    )
    parents: dict[str, set[int]] = {}
    # one note delivered twice within a poll, the poison among the good ones
    for envelope in [*envelopes[:10], envelopes[3], *envelopes[10:20], poison, *envelopes[20:]]:
        parents.setdefault(str(envelope.id), set()).add(await _send(producer, topic, envelope))
    handler = Transactions()
    consumer = EventConsumer(
        name=name,
        database=sink,
        bootstrap_servers=kafka_bootstrap,
        topics=[topic],
        handlers=Handlers().on(NoteAdded, handler),
        dead_letters=producer,
        max_attempts=2,
        retry_backoff=0.01,
        batch_size=50,
    )
    task = asyncio.create_task(consumer.run())

    async def all_good() -> bool:
        async with sink.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(received)) or 0) >= 40

    await wait_until(all_good)
    dead = await read_topic(kafka_bootstrap, dlq_topic(name), expected=1)
    consumer.stop()
    await task

    async with sink.sessions() as session:
        rows = await session.execute(select(received.c.note_id).order_by(received.c.seq))
        got = [str(note_id) for note_id in rows.scalars()]
        inbox = await session.scalar(
            select(func.count()).select_from(inbox_table).where(inbox_table.c.consumer == name)
        )
    assert got == [str(note.note_id) for note in notes]  # each once, in the partition's order
    assert inbox == 40
    assert [value for _, value, _ in dead] == [poison.data]
    assert handler.largest() > 1  # records did share a transaction
    consumed = [s for s in spans.get_finished_spans() if s.kind is SpanKind.CONSUMER]
    for envelope in envelopes:  # each event's own span, a child of its own producer span
        kept = [
            s
            for s in consumed
            if s.attributes is not None
            and s.attributes["cloudevents.event_id"] == str(envelope.id)
            and s.status.status_code is not StatusCode.ERROR
        ]
        assert kept, f"no consumer span for {envelope.id}"
        assert all(
            s.parent is not None and s.parent.span_id in parents[str(envelope.id)] for s in kept
        )
    await sink.dispose()
