"""The Prometheus metric objects of every Tandem service, and the ``/metrics`` endpoint.

Every kit module imports its metric from here, so that names, help texts and
labels are defined once. Names follow the Prometheus conventions: counters end
in ``_total``, durations are in seconds and end in ``_seconds``. Labels never
carry personal ids or other unbounded values: ``route`` is always a route
template (``/v1/programmes/{programme_id}``), ``topic`` and ``type`` come from
the contracts, ``template`` is a mail template name.

All metrics live in prometheus_client's default registry
(``prometheus_client.REGISTRY``), which is what :func:`metrics_route` serves.
No ``_created`` series are exposed (``disable_created_metrics``, for the whole
process): they would add a series per counter and histogram child that no
dashboard or alert reads.
"""

from __future__ import annotations

from prometheus_client import (
    REGISTRY,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    make_asgi_app,
)
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

__all__ = [
    "CONSUMER_LAG",
    "EVENTS_CONSUMED",
    "EVENTS_DEAD_LETTERED",
    "EVENTS_FAILED",
    "EVENTS_PRODUCED",
    "HTTP_DURATION",
    "HTTP_DURATION_BUCKETS",
    "HTTP_ERRORS",
    "HTTP_REQUESTS",
    "MAILS_FAILED",
    "MAILS_SENT",
    "METRICS_PATH",
    "OUTBOX_BACKLOG",
    "metrics_route",
]

METRICS_PATH = "/metrics"

disable_created_metrics()  # type: ignore[no-untyped-call]

# A JSON API answers in about a millisecond; the default buckets start at 5 ms.
HTTP_DURATION_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)

# --- HTTP (recorded by tandem_kit.telemetry.http.MetricsAndTracingMiddleware) ---

HTTP_REQUESTS = Counter(
    "tandem_http_requests_total",
    "HTTP requests served, by route template and response status code.",
    ["service", "method", "route", "status"],
)
HTTP_ERRORS = Counter(
    "tandem_http_request_errors_total",
    "HTTP requests that ended in a 5xx response or an unhandled exception.",
    ["service", "method", "route"],
)
# A traced request's observation carries its trace and span ids as an exemplar
# (OpenMetrics exposition only), linking a slow bucket to a trace.
HTTP_DURATION = Histogram(
    "tandem_http_request_duration_seconds",
    "Time from the start of an HTTP request to the end of its response, in seconds.",
    ["service", "method", "route"],
    buckets=HTTP_DURATION_BUCKETS,
)

# --- Events (Kafka producer, outbox relay, consumers) ---

EVENTS_PRODUCED = Counter(
    "tandem_events_produced_total",
    "Events published to Kafka (acknowledged by the broker).",
    ["service", "topic", "type"],
)
EVENTS_CONSUMED = Counter(
    "tandem_events_consumed_total",
    "Events handled successfully by a consumer.",
    ["service", "topic", "type"],
)
EVENTS_FAILED = Counter(
    "tandem_events_failed_total",
    "Event handler attempts that raised (each retry counts).",
    ["service", "topic", "type"],
)
EVENTS_DEAD_LETTERED = Counter(
    "tandem_events_dead_lettered_total",
    "Events sent to a dead-letter topic after their retries were exhausted.",
    ["service", "topic", "type"],
)
OUTBOX_BACKLOG = Gauge(
    "tandem_outbox_backlog",
    "Outbox rows written but not yet published to Kafka.",
    ["service"],
)
CONSUMER_LAG = Gauge(
    "tandem_consumer_lag",
    "Messages between a consumer's committed position and the partition's end.",
    ["service", "topic", "partition"],
)

# --- Mail ---

MAILS_SENT = Counter(
    "tandem_mails_sent_total",
    "Mails handed to the SMTP server.",
    ["service", "template"],
)
MAILS_FAILED = Counter(
    "tandem_mails_failed_total",
    "Mails the SMTP server refused or that could not be sent.",
    ["service", "template"],
)


# --- Exposition ---


class _Exposition:
    """prometheus_client's ASGI app as an object, so Starlette's ``Route`` serves it as is.

    (A plain ``async def`` endpoint would be called as a request/response function.)
    """

    def __init__(self) -> None:
        self._app = make_asgi_app(REGISTRY)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def metrics_route() -> Route:
    """``GET /metrics``: the default registry, kept out of the OpenAPI schema.

    Served by prometheus_client's ASGI app, which negotiates the format: the
    Prometheus text format by default, OpenMetrics (with the trace-id exemplars
    of ``tandem_http_request_duration_seconds``) when the scraper's ``Accept``
    asks for ``application/openmetrics-text``; gzip when accepted.
    ``app.router.routes.append(metrics_route())`` installs it on a FastAPI or
    Starlette app.
    """
    return Route(
        METRICS_PATH,
        endpoint=_Exposition(),
        methods=["GET"],
        name="metrics",
        include_in_schema=False,
    )
