"""Telemetry for every Tandem service: Prometheus metrics, OpenTelemetry traces, JSON logs.

- :mod:`~tandem_kit.telemetry.metrics`: the metric objects every kit module
  records into, and the ``/metrics`` endpoint.
- :mod:`~tandem_kit.telemetry.tracing`: ``configure_tracing`` from the
  standard ``OTEL_*`` environment.
- :mod:`~tandem_kit.telemetry.http`: the ASGI middleware (HTTP metrics and
  server spans).
- :mod:`~tandem_kit.telemetry.propagation`: trace context in Kafka headers,
  producer and consumer spans.
- :mod:`~tandem_kit.telemetry.database`: SQL client spans.
- :mod:`~tandem_kit.telemetry.logging`: ``configure_logging``, JSON lines with
  trace and span ids.
"""

from tandem_kit.telemetry.database import instrument_engine, uninstrument_engine
from tandem_kit.telemetry.http import (
    UNMATCHED_ROUTE,
    UNTRACED_PATHS,
    MetricsAndTracingMiddleware,
)
from tandem_kit.telemetry.logging import JsonFormatter, configure_logging
from tandem_kit.telemetry.metrics import (
    CONSUMER_LAG,
    EVENTS_CONSUMED,
    EVENTS_DEAD_LETTERED,
    EVENTS_FAILED,
    EVENTS_PRODUCED,
    HTTP_DURATION,
    HTTP_ERRORS,
    HTTP_REQUESTS,
    MAILS_FAILED,
    MAILS_SENT,
    METRICS_PATH,
    OUTBOX_BACKLOG,
    metrics_route,
)
from tandem_kit.telemetry.propagation import (
    KafkaHeaders,
    consumer_span,
    current_traceparent_headers,
    extract_context,
    inject_headers,
    kafka_headers,
    producer_span,
)
from tandem_kit.telemetry.tracing import (
    configure_tracing,
    configured_exporters,
    get_tracer,
    get_tracer_provider,
    install_span_processor,
    shutdown_tracing,
    tracing_enabled,
    uninstall_span_processor,
)

__all__ = [
    "CONSUMER_LAG",
    "EVENTS_CONSUMED",
    "EVENTS_DEAD_LETTERED",
    "EVENTS_FAILED",
    "EVENTS_PRODUCED",
    "HTTP_DURATION",
    "HTTP_ERRORS",
    "HTTP_REQUESTS",
    "MAILS_FAILED",
    "MAILS_SENT",
    "METRICS_PATH",
    "OUTBOX_BACKLOG",
    "UNMATCHED_ROUTE",
    "UNTRACED_PATHS",
    "JsonFormatter",
    "KafkaHeaders",
    "MetricsAndTracingMiddleware",
    "configure_logging",
    "configure_tracing",
    "configured_exporters",
    "consumer_span",
    "current_traceparent_headers",
    "extract_context",
    "get_tracer",
    "get_tracer_provider",
    "inject_headers",
    "install_span_processor",
    "instrument_engine",
    "kafka_headers",
    "metrics_route",
    "producer_span",
    "shutdown_tracing",
    "tracing_enabled",
    "uninstall_span_processor",
    "uninstrument_engine",
]
