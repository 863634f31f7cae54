"""Trace context in Kafka headers, and producer/consumer spans (messaging semconv).

The outbox pattern splits publishing in two: the event is *written* to the
outbox inside the request's transaction, and the relay *sends* it later, in
another task or process, outside any request. The trace must follow the event,
so the producer span is started when the row is written::

    with producer_span(topic, event.type, event.id, key=relationship_id):
        row.headers = current_traceparent_headers()   # {"traceparent": "00-…"}
        session.add(row)

and the relay puts the row's headers on the Kafka record unchanged
(``headers=kafka_headers(row.headers)``). A consumer then continues that trace::

    with consumer_span(record.topic, event.type, event.id, record.headers):
        await handler(event)

so the consumer's span is a child of the producer's span, in the same trace as
the HTTP request that wrote the event. The propagator is the API's global one
(``OTEL_PROPAGATORS``, default W3C ``traceparent``/``tracestate`` and
``baggage``).

When tracing is off (:func:`tandem_kit.telemetry.tracing.tracing_enabled` is
false) the span helpers yield a non-recording span without touching the context.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.trace import INVALID_SPAN, Span, SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue

from tandem_kit.telemetry.tracing import get_tracer, tracing_enabled

__all__ = [
    "KafkaHeaders",
    "consumer_span",
    "current_traceparent_headers",
    "extract_context",
    "inject_headers",
    "kafka_headers",
    "producer_span",
]

KafkaHeaders = Sequence[tuple[str, bytes | None]]
"""Kafka record headers as aiokafka gives and takes them."""

_TRACER_NAME = "tandem_kit.messaging"


def current_traceparent_headers(ctx: Context | None = None) -> dict[str, str]:
    """The trace context to store with an outbox row: ``{"traceparent": …}`` (or ``{}``).

    ``tracestate`` and ``baggage`` are included when present. Empty when there
    is no valid current span (tracing off, or outside any trace).
    """
    carrier: dict[str, str] = {}
    propagate.inject(carrier, context=ctx)
    return carrier


def kafka_headers(mapping: Mapping[str, str]) -> list[tuple[str, bytes]]:
    """Headers stored as text (an outbox row) to Kafka's ``(key, bytes)`` form."""
    return [(key, value.encode("utf-8")) for key, value in mapping.items()]


def inject_headers(ctx: Context | None = None) -> list[tuple[str, bytes]]:
    """Kafka headers carrying the current (or the given) trace context."""
    return kafka_headers(current_traceparent_headers(ctx))


def extract_context(headers: KafkaHeaders | None) -> Context:
    """The context carried by Kafka headers (an empty context if there is none).

    Header names are matched case-insensitively; undecodable values are ignored.
    """
    carrier: dict[str, str] = {}
    for key, value in headers or ():
        if value is None:
            continue
        try:
            carrier[key.lower()] = value.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return propagate.extract(carrier, context=Context())


def _messaging_attributes(
    operation_type: str,
    topic: str,
    event_type: str,
    event_id: str,
    key: str | None,
) -> dict[str, AttributeValue]:
    attributes: dict[str, AttributeValue] = {
        "messaging.system": "kafka",
        "messaging.operation.type": operation_type,
        "messaging.operation.name": operation_type,
        "messaging.destination.name": topic,
        "messaging.message.id": event_id,
        "cloudevents.event_id": event_id,
        "cloudevents.event_type": event_type,
    }
    if key is not None:
        # Keys are relationship or programme ids, never a person's id.
        attributes["messaging.kafka.message.key"] = key
    return attributes


@contextmanager
def _active_span(span: Span, parent: Context | None) -> Iterator[Span]:
    token = otel_context.attach(trace.set_span_in_context(span, parent))
    try:
        yield span
    except Exception as exc:
        if span.is_recording():
            span.record_exception(exc)
            span.set_attribute("error.type", type(exc).__qualname__)
            span.set_status(Status(StatusCode.ERROR, type(exc).__qualname__))
        raise
    finally:
        otel_context.detach(token)
        span.end()


@contextmanager
def producer_span(
    topic: str,
    event_type: str,
    event_id: str,
    *,
    key: str | None = None,
    operation_type: str = "publish",
) -> Iterator[Span]:
    """A ``PRODUCER`` span ``publish <topic>``, current inside the block.

    Capture :func:`current_traceparent_headers` (or :func:`inject_headers`)
    inside the block so the message carries this span as its parent.
    ``operation_type`` may be ``"create"`` for an outbox write, per the
    messaging conventions; the default follows the Kafka producer's ``publish``.
    """
    if not tracing_enabled():
        yield INVALID_SPAN
        return
    span = get_tracer(_TRACER_NAME).start_span(
        f"{operation_type} {topic}",
        kind=SpanKind.PRODUCER,
        attributes=_messaging_attributes(operation_type, topic, event_type, event_id, key),
    )
    with _active_span(span, None):
        yield span


@contextmanager
def consumer_span(
    topic: str,
    event_type: str,
    event_id: str,
    headers: KafkaHeaders | None,
    *,
    key: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    consumer_group: str | None = None,
) -> Iterator[Span]:
    """A ``CONSUMER`` span ``process <topic>`` whose parent is the context in ``headers``.

    It is current inside the block (database spans and events produced by the
    handler join the producer's trace); an exception leaving the block is
    recorded and sets the span's status to error.
    """
    if not tracing_enabled():
        yield INVALID_SPAN
        return
    parent = extract_context(headers)
    attributes = _messaging_attributes("process", topic, event_type, event_id, key)
    if partition is not None:
        attributes["messaging.destination.partition.id"] = str(partition)
    if offset is not None:
        attributes["messaging.kafka.offset"] = offset
    if consumer_group is not None:
        attributes["messaging.consumer.group.name"] = consumer_group
    span = get_tracer(_TRACER_NAME).start_span(
        f"process {topic}", context=parent, kind=SpanKind.CONSUMER, attributes=attributes
    )
    with _active_span(span, parent):
        yield span
