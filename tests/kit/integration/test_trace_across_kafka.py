"""One request's trace crosses the outbox and Kafka: the consumer's span joins it."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator

import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from tandem_kit.kafka import create_producer
from tandem_kit.outbox import OutboxRelay
from tandem_kit.telemetry.tracing import (
    get_tracer,
    install_span_processor,
    uninstall_span_processor,
)
from tests.kit.integration.harness import (
    add_note,
    fresh_topic,
    migrated_database,
    note_consumer,
    received_counts,
    wait_until,
)

pytestmark = [pytest.mark.kafka]


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    processor = SimpleSpanProcessor(exporter)
    install_span_processor(processor)
    yield exporter
    uninstall_span_processor(processor)


async def test_consumer_span_has_the_producer_trace_id(
    kafka_bootstrap: str,
    sqlite_url_factory: Callable[[str], str],
    spans: InMemorySpanExporter,
) -> None:
    name = f"kit-test-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=1)
    source = await migrated_database(sqlite_url_factory("producer"))
    sink = await migrated_database(sqlite_url_factory("consumer"))

    with get_tracer("test.request").start_as_current_span("POST /v1/notes") as request_span:
        note_id = await add_note(source, "traced")
    request_trace = request_span.get_span_context().trace_id

    producer = create_producer(kafka_bootstrap)
    await producer.start()
    try:
        # The relay publishes outside any request: the trace must travel in the row.
        assert await OutboxRelay(source, producer, service="test").publish_batch() == 1
        consumer = note_consumer(sink, kafka_bootstrap, topic, name, producer)
        task = asyncio.create_task(consumer.run())

        async def received() -> bool:
            return str(note_id) in await received_counts(sink)

        await wait_until(received)
        consumer.stop()
        await task
    finally:
        await producer.stop()

    finished = spans.get_finished_spans()
    producer_spans = [s for s in finished if s.kind == SpanKind.PRODUCER]
    consumer_spans = [s for s in finished if s.kind == SpanKind.CONSUMER]
    assert producer_spans
    assert consumer_spans
    assert producer_spans[0].context.trace_id == request_trace
    assert consumer_spans[0].context.trace_id == request_trace
    assert consumer_spans[0].parent is not None
    assert consumer_spans[0].parent.span_id == producer_spans[0].context.span_id
    # Semantic conventions: which group read which record, to find it on the broker.
    consumed = dict(consumer_spans[0].attributes or {})
    assert consumed["messaging.consumer.group.name"] == consumer.group_id
    assert consumed["messaging.destination.partition.id"] == "0"
    assert consumed["messaging.kafka.offset"] == 0
    produced = dict(producer_spans[0].attributes or {})
    assert consumed["messaging.kafka.message.key"] == produced["messaging.kafka.message.key"]
    await source.dispose()
    await sink.dispose()
