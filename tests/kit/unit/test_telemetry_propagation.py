"""Trace context through Kafka headers and the outbox, with messaging spans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode, get_current_span

from tandem_kit.telemetry import (
    configure_tracing,
    consumer_span,
    current_traceparent_headers,
    extract_context,
    get_tracer,
    inject_headers,
    kafka_headers,
    producer_span,
    shutdown_tracing,
)
from tandem_kit.telemetry.propagation import KafkaHeaders

TOPIC = "tandem.matching.relationships"
EVENT_TYPE = "tandem.matching.relationship_started.v1"
EVENT_ID = "0b7e8a52-3c4f-4a9e-8d41-5f0c2e7b9a13"


@pytest.fixture
def exporter(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    monkeypatch.delenv("OTEL_SDK_DISABLED", raising=False)
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])
    yield memory
    shutdown_tracing()


def by_kind(exporter: InMemorySpanExporter, kind: SpanKind) -> ReadableSpan:
    (span,) = [s for s in exporter.get_finished_spans() if s.kind is kind]
    return span


def test_inject_extract_round_trip_carries_the_span_context(
    exporter: InMemorySpanExporter,
) -> None:
    with get_tracer("t").start_as_current_span("request") as span:
        headers = inject_headers()

    names = [name for name, _ in headers]
    assert names == ["traceparent"]
    restored = get_current_span(extract_context(headers)).get_span_context()
    assert restored.trace_id == span.get_span_context().trace_id
    assert restored.span_id == span.get_span_context().span_id
    assert restored.is_remote


def test_tracestate_travels_too(exporter: InMemorySpanExporter) -> None:
    incoming: KafkaHeaders = [
        ("traceparent", b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ("tracestate", b"vendor=opaque"),
    ]
    with get_tracer("t").start_as_current_span("child", context=extract_context(incoming)):
        headers = dict(inject_headers())

    assert headers["traceparent"].startswith(b"00-4bf92f3577b34da6a3ce929d0e0e4736-")
    assert headers["tracestate"] == b"vendor=opaque"


def test_nothing_is_injected_outside_a_trace(exporter: InMemorySpanExporter) -> None:
    assert current_traceparent_headers() == {}
    assert inject_headers() == []


def test_extract_ignores_missing_bad_and_foreign_headers(exporter: InMemorySpanExporter) -> None:
    headers: KafkaHeaders = [
        ("ce_id", EVENT_ID.encode()),
        ("traceparent", b"\xff\xfe not utf-8"),
        ("empty", None),
    ]

    assert not get_current_span(extract_context(headers)).get_span_context().is_valid
    assert not get_current_span(extract_context(None)).get_span_context().is_valid


def test_consumer_span_continues_the_producer_trace(exporter: InMemorySpanExporter) -> None:
    with producer_span(TOPIC, EVENT_TYPE, EVENT_ID, key="rel-42"):
        headers = inject_headers()

    with consumer_span(TOPIC, EVENT_TYPE, EVENT_ID, headers, partition=3, offset=17):
        pass

    producer = by_kind(exporter, SpanKind.PRODUCER)
    consumer = by_kind(exporter, SpanKind.CONSUMER)
    assert consumer.context.trace_id == producer.context.trace_id
    assert consumer.parent is not None
    assert consumer.parent.span_id == producer.context.span_id
    assert producer.name == f"publish {TOPIC}"
    assert consumer.name == f"process {TOPIC}"
    produced = dict(producer.attributes or {})
    assert produced["messaging.system"] == "kafka"
    assert produced["messaging.operation.type"] == "publish"
    assert produced["messaging.destination.name"] == TOPIC
    assert produced["messaging.message.id"] == EVENT_ID
    assert produced["messaging.kafka.message.key"] == "rel-42"
    consumed = dict(consumer.attributes or {})
    assert consumed["messaging.operation.type"] == "process"
    assert consumed["messaging.destination.partition.id"] == "3"
    assert consumed["messaging.kafka.offset"] == 17


def test_outbox_headers_captured_in_the_request_join_the_request_trace(
    exporter: InMemorySpanExporter,
) -> None:
    # Written in the request (one task) ...
    with (
        get_tracer("t").start_as_current_span("POST /v1/relationships") as request,
        producer_span(TOPIC, EVENT_TYPE, EVENT_ID, operation_type="create"),
    ):
        row_headers = current_traceparent_headers()
    # ... relayed later, outside any trace, with the row's headers unchanged ...
    record_headers = kafka_headers(row_headers)
    assert not get_current_span().get_span_context().is_valid
    # ... and consumed elsewhere.
    with consumer_span(TOPIC, EVENT_TYPE, EVENT_ID, record_headers) as span:
        inside = get_current_span()

    assert set(row_headers) == {"traceparent"}
    producer = by_kind(exporter, SpanKind.PRODUCER)
    consumer = by_kind(exporter, SpanKind.CONSUMER)
    request_trace = request.get_span_context().trace_id
    assert producer.context.trace_id == request_trace
    assert producer.parent is not None
    assert producer.parent.span_id == request.get_span_context().span_id
    assert (producer.attributes or {})["messaging.operation.type"] == "create"
    assert consumer.context.trace_id == request_trace
    assert inside is span  # the consumer span is current while the handler runs


def test_a_failing_handler_marks_the_consumer_span(exporter: InMemorySpanExporter) -> None:
    with producer_span(TOPIC, EVENT_TYPE, EVENT_ID):
        headers = inject_headers()

    with (
        pytest.raises(LookupError),
        consumer_span(TOPIC, EVENT_TYPE, EVENT_ID, headers),
    ):
        raise LookupError("no such relationship")

    consumer = by_kind(exporter, SpanKind.CONSUMER)
    assert consumer.status.status_code is StatusCode.ERROR
    assert (consumer.attributes or {})["error.type"] == "LookupError"
    assert [event.name for event in consumer.events] == ["exception"]
    assert not get_current_span().get_span_context().is_valid  # context restored


def test_span_helpers_are_inert_when_tracing_is_off() -> None:
    shutdown_tracing()
    incoming: KafkaHeaders = [
        ("traceparent", b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    ]

    with producer_span(TOPIC, EVENT_TYPE, EVENT_ID) as produced:
        assert current_traceparent_headers() == {}
    with consumer_span(TOPIC, EVENT_TYPE, EVENT_ID, incoming) as consumed:
        assert not get_current_span().get_span_context().is_valid

    assert not produced.is_recording()
    assert not consumed.is_recording()
