"""The kit's Prometheus metrics: exact names, types, labels, and their exposition."""

from __future__ import annotations

import uuid

import httpx2
import pytest
from prometheus_client import REGISTRY, Counter, Gauge, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette

from tandem_kit.telemetry import metrics
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
    OUTBOX_BACKLOG,
    metrics_route,
)

ROUTE = ("service", "method", "route")
EVENT = ("service", "topic", "type")
EXPECTED: list[tuple[Counter | Gauge | Histogram, str, str, tuple[str, ...]]] = [
    # (metric, type, name of the exposed series, labels)
    (HTTP_REQUESTS, "counter", "tandem_http_requests_total", (*ROUTE, "status")),
    (HTTP_ERRORS, "counter", "tandem_http_request_errors_total", ROUTE),
    (HTTP_DURATION, "histogram", "tandem_http_request_duration_seconds", ROUTE),
    (EVENTS_PRODUCED, "counter", "tandem_events_produced_total", EVENT),
    (EVENTS_CONSUMED, "counter", "tandem_events_consumed_total", EVENT),
    (EVENTS_FAILED, "counter", "tandem_events_failed_total", EVENT),
    (EVENTS_DEAD_LETTERED, "counter", "tandem_events_dead_lettered_total", EVENT),
    (OUTBOX_BACKLOG, "gauge", "tandem_outbox_backlog", ("service",)),
    (CONSUMER_LAG, "gauge", "tandem_consumer_lag", ("service", "topic", "partition")),
    (MAILS_SENT, "counter", "tandem_mails_sent_total", ("service", "template")),
    (MAILS_FAILED, "counter", "tandem_mails_failed_total", ("service", "template")),
]


@pytest.mark.parametrize(("metric", "kind", "series", "labels"), EXPECTED)
def test_exposed_name_type_and_labels(
    metric: Counter | Gauge | Histogram, kind: str, series: str, labels: tuple[str, ...]
) -> None:
    service = f"test-{uuid.uuid4().hex[:8]}"
    values = {name: service if name == "service" else "x" for name in labels}
    child = metric.labels(**values)  # only the labels declared, by name
    if isinstance(child, Histogram):
        child.observe(0.01)
    elif isinstance(child, Gauge):
        child.set(1)
    else:
        child.inc()

    text = generate_latest(REGISTRY).decode()

    assert f"# TYPE {series} {kind}\n" in text
    sample = f"{series}_bucket" if kind == "histogram" else series
    rendered = ",".join(f'{name}="{values[name]}"' for name in sorted(labels))
    if kind == "histogram":
        rendered = rendered.replace('method="x"', 'le="0.01",method="x"')
    assert f"{sample}{{{rendered}}} 1.0" in text
    with pytest.raises(ValueError, match="Incorrect label"):
        metric.labels(**values, person_id="p-1")


def test_every_metric_is_exported_by_the_module() -> None:
    exported = {getattr(metrics, name) for name in metrics.__all__ if name.isupper()}
    assert {id(metric) for metric, *_ in EXPECTED} <= {id(value) for value in exported}


def test_exposition_has_prometheus_names_after_use() -> None:
    service = f"test-{uuid.uuid4().hex[:8]}"
    EVENTS_PRODUCED.labels(service, "tandem.matching.relationships", "started.v1").inc()
    EVENTS_DEAD_LETTERED.labels(service, "tandem.matching.relationships", "started.v1").inc(2)
    OUTBOX_BACKLOG.labels(service).set(7)
    CONSUMER_LAG.labels(service, "tandem.matching.relationships", "0").set(3)
    MAILS_SENT.labels(service, "welcome").inc()
    HTTP_DURATION.labels(service, "GET", "/v1/things/{thing_id}").observe(0.002)

    body = generate_latest(REGISTRY)
    families = {f.name: f for f in text_string_to_metric_families(body.decode())}

    assert families["tandem_events_produced"].type == "counter"
    assert families["tandem_outbox_backlog"].type == "gauge"
    assert families["tandem_http_request_duration_seconds"].type == "histogram"
    text = body.decode()
    assert (
        f'tandem_events_dead_lettered_total{{service="{service}",'
        f'topic="tandem.matching.relationships",type="started.v1"}} 2.0'
    ) in text
    assert f'tandem_outbox_backlog{{service="{service}"}} 7.0' in text
    assert (
        f'tandem_http_request_duration_seconds_bucket{{le="0.0025",method="GET",'
        f'route="/v1/things/{{thing_id}}",service="{service}"}} 1.0'
    ) in text


async def test_metrics_route_serves_the_registry_without_created_series() -> None:
    service = f"test-{uuid.uuid4().hex[:8]}"
    MAILS_FAILED.labels(service, "reminder").inc()
    HTTP_DURATION.labels(service, "GET", "/v1/things/{thing_id}").observe(0.002)
    app = Starlette(routes=[metrics_route()])

    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
        text_format = await client.get("/metrics")
        openmetrics = await client.get(
            "/metrics", headers={"Accept": "application/openmetrics-text; version=1.0.0"}
        )
        posted = await client.post("/metrics")

    assert text_format.status_code == 200
    assert text_format.headers["content-type"].startswith("text/plain; version=")
    assert openmetrics.headers["content-type"].startswith("application/openmetrics-text")
    assert openmetrics.text.endswith("# EOF\n")
    assert posted.status_code == 405
    for response in (text_format, openmetrics):
        line = f'tandem_mails_failed_total{{service="{service}",template="reminder"}} 1.0'
        assert line in response.text
        # A counter or histogram child would add a tandem_..._created series each.
        assert "_created" not in response.text
