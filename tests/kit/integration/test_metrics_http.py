"""The telemetry middleware on a small FastAPI app: /metrics, route labels, server spans."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest
from fastapi import APIRouter, FastAPI, HTTPException
from opentelemetry.context import Context
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from prometheus_client import REGISTRY
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from tandem_kit.telemetry import (
    MetricsAndTracingMiddleware,
    install_span_processor,
    metrics_route,
    shutdown_tracing,
    uninstall_span_processor,
)

THING_ID = "3f2a9c1e-7b4d-4e11-9a0f-2c5d8e6b1a77"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"


class BoomError(RuntimeError):
    pass


def build_app() -> FastAPI:
    app = FastAPI()
    things = APIRouter(prefix="/v1/things")

    @things.get("/{thing_id}")
    async def get_thing(thing_id: str) -> dict[str, str]:
        if thing_id == "missing":
            raise HTTPException(404, "no such thing")
        return {"id": thing_id}

    @things.post("/{thing_id}/fail")
    async def fail(thing_id: str) -> dict[str, str]:
        raise HTTPException(503, "unavailable")

    @things.post("/{thing_id}/crash")
    async def crash(thing_id: str) -> dict[str, str]:
        raise BoomError("unhandled")

    app.include_router(things)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    def in_mount(request: Request) -> PlainTextResponse:
        return PlainTextResponse("mounted")

    app.mount(
        "/tenants/{tenant_id}/admin",
        Starlette(routes=[Route("/items/{item_id}", in_mount)]),
    )
    app.router.routes.append(metrics_route())
    return app


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    memory = InMemorySpanExporter()
    processor = SimpleSpanProcessor(memory)
    install_span_processor(processor)
    yield memory
    uninstall_span_processor(processor)
    shutdown_tracing()


@pytest.fixture
def service() -> str:
    """A service label of its own, so counters start at zero in every test."""
    return f"test-{uuid.uuid4().hex[:8]}"


def client_for(app: ASGIApp) -> httpx2.AsyncClient:
    transport = httpx2.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx2.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture(params=["wrapped", "add_middleware"])
async def client(request: pytest.FixtureRequest, service: str) -> AsyncIterator[httpx2.AsyncClient]:
    """The app with the middleware installed either way the docs allow."""
    app = build_app()
    asgi: ASGIApp
    if request.param == "wrapped":
        asgi = MetricsAndTracingMiddleware(app, service_name=service)
    else:
        app.add_middleware(MetricsAndTracingMiddleware, service_name=service)
        asgi = app
    async with client_for(asgi) as c:
        yield c


def requests_total(service: str, method: str, route: str, status: str) -> float:
    value = REGISTRY.get_sample_value(
        "tandem_http_requests_total",
        {"service": service, "method": method, "route": route, "status": status},
    )
    return value or 0.0


def errors_total(service: str, method: str, route: str) -> float:
    value = REGISTRY.get_sample_value(
        "tandem_http_request_errors_total", {"service": service, "method": method, "route": route}
    )
    return value or 0.0


def server_spans(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.kind is SpanKind.SERVER]


async def test_metrics_endpoint_exposes_http_series_with_route_templates(
    client: httpx2.AsyncClient, service: str
) -> None:
    assert (await client.get(f"/v1/things/{THING_ID}")).status_code == 200
    assert (await client.get(f"/v1/things/{THING_ID}")).status_code == 200

    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "# TYPE tandem_http_requests_total counter" in text
    assert "# TYPE tandem_http_request_errors_total counter" in text
    assert "# TYPE tandem_http_request_duration_seconds histogram" in text
    line = (
        f'tandem_http_requests_total{{method="GET",route="/v1/things/{{thing_id}}",'
        f'service="{service}",status="200"}} 2.0'
    )
    assert line in text
    assert re.search(
        rf'tandem_http_request_duration_seconds_count\{{method="GET",'
        rf'route="/v1/things/\{{thing_id\}}",service="{service}"\}} 2\.0',
        text,
    )
    assert THING_ID not in text


async def test_route_label_is_the_template_never_the_raw_path(
    client: httpx2.AsyncClient, service: str
) -> None:
    await client.get(f"/v1/things/{THING_ID}")
    await client.get("/v1/things/missing")

    assert requests_total(service, "GET", "/v1/things/{thing_id}", "200") == 1
    assert requests_total(service, "GET", "/v1/things/{thing_id}", "404") == 1
    assert requests_total(service, "GET", f"/v1/things/{THING_ID}", "200") == 0
    labels = [
        sample.labels.get("route", "")
        for metric in REGISTRY.collect()
        if metric.name.startswith("tandem_http")
        for sample in metric.samples
        if sample.labels.get("service") == service
    ]
    assert labels
    assert not [label for label in labels if THING_ID in label or "missing" in label]


async def test_mounted_app_route_is_prefixed_by_the_mount_template(
    client: httpx2.AsyncClient, service: str
) -> None:
    response = await client.get("/tenants/t-8812/admin/items/991")

    assert response.text == "mounted"
    route = "/tenants/{tenant_id}/admin/items/{item_id}"
    assert requests_total(service, "GET", route, "200") == 1


async def test_server_errors_are_counted_as_errors(
    client: httpx2.AsyncClient, service: str
) -> None:
    route = "/v1/things/{thing_id}/fail"
    assert (await client.post(f"/v1/things/{THING_ID}/fail")).status_code == 503
    assert (await client.get("/v1/things/missing")).status_code == 404

    assert requests_total(service, "POST", route, "503") == 1
    assert errors_total(service, "POST", route) == 1
    assert errors_total(service, "GET", "/v1/things/{thing_id}") == 0  # a 404 is not an error


async def test_unhandled_exception_is_one_500_and_one_error(
    client: httpx2.AsyncClient, service: str
) -> None:
    route = "/v1/things/{thing_id}/crash"
    response = await client.post(f"/v1/things/{THING_ID}/crash")

    assert response.status_code == 500
    assert requests_total(service, "POST", route, "500") == 1
    assert errors_total(service, "POST", route) == 1


async def test_unmatched_path_is_labelled_unmatched(
    client: httpx2.AsyncClient, service: str
) -> None:
    assert (await client.get("/no/such/place/42")).status_code == 404

    assert requests_total(service, "GET", "<unmatched>", "404") == 1
    assert requests_total(service, "GET", "/no/such/place/42", "404") == 0


async def test_unknown_method_is_labelled_other(client: httpx2.AsyncClient, service: str) -> None:
    await client.request("BREW", f"/v1/things/{THING_ID}")

    assert requests_total(service, "_OTHER", "/v1/things/{thing_id}", "405") == 1


async def test_server_span_continues_the_incoming_traceparent(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    headers = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"}
    await client.get(f"/v1/things/{THING_ID}", headers=headers)

    (span,) = server_spans(exporter)
    assert format(span.context.trace_id, "032x") == TRACE_ID
    assert span.parent is not None
    assert format(span.parent.span_id, "016x") == PARENT_SPAN_ID
    assert span.name == "GET /v1/things/{thing_id}"
    attributes = dict(span.attributes or {})
    assert attributes["http.request.method"] == "GET"
    assert attributes["http.route"] == "/v1/things/{thing_id}"
    assert attributes["http.response.status_code"] == 200
    assert attributes["url.path"] == f"/v1/things/{THING_ID}"
    assert "url.query" not in attributes  # no query, no attribute
    assert span.status.status_code is StatusCode.UNSET


async def test_server_span_carries_the_query_string(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    await client.get(f"/v1/things/{THING_ID}?cursor=abc&limit=5")

    (span,) = server_spans(exporter)
    attributes = dict(span.attributes or {})
    assert attributes["url.query"] == "cursor=abc&limit=5"
    assert attributes["url.path"] == f"/v1/things/{THING_ID}"


async def test_server_span_without_traceparent_starts_a_new_trace(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    await client.get(f"/v1/things/{THING_ID}")
    await client.get(f"/v1/things/{THING_ID}")

    first, second = server_spans(exporter)
    assert first.parent is None
    assert first.context.trace_id != second.context.trace_id


async def test_server_span_status_is_error_on_5xx_only(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    await client.post(f"/v1/things/{THING_ID}/fail")
    await client.get("/v1/things/missing")
    await client.post(f"/v1/things/{THING_ID}/crash")

    by_name = {span.name: span for span in server_spans(exporter)}
    failed = by_name["POST /v1/things/{thing_id}/fail"]
    assert failed.status.status_code is StatusCode.ERROR
    assert (failed.attributes or {})["error.type"] == "503"
    assert by_name["GET /v1/things/{thing_id}"].status.status_code is StatusCode.UNSET
    crashed = by_name["POST /v1/things/{thing_id}/crash"]
    assert crashed.status.status_code is StatusCode.ERROR
    assert (crashed.attributes or {})["http.response.status_code"] == 500
    assert (crashed.attributes or {})["error.type"] == "BoomError"
    assert [event.name for event in crashed.events] == ["exception"]


async def test_unmatched_span_is_named_after_the_method_alone(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    await client.get("/no/such/place/42")

    (span,) = server_spans(exporter)
    assert span.name == "GET"
    assert "http.route" not in (span.attributes or {})


async def test_probes_and_scrapes_get_no_span_but_are_counted(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter, service: str
) -> None:
    await client.get("/healthz")
    await client.get("/metrics")

    assert server_spans(exporter) == []
    assert requests_total(service, "GET", "/healthz", "200") == 1
    assert requests_total(service, "GET", "/metrics", "200") == 1


async def test_no_span_is_recorded_when_tracing_is_off(
    client: httpx2.AsyncClient, service: str
) -> None:
    memory = InMemorySpanExporter()
    processor = SimpleSpanProcessor(memory)
    install_span_processor(processor)
    uninstall_span_processor(processor)
    shutdown_tracing()  # tracing off, as with no exporter configured

    await client.get(f"/v1/things/{THING_ID}")

    assert memory.get_finished_spans() == ()
    assert requests_total(service, "GET", "/v1/things/{thing_id}", "200") == 1


async def test_bare_asgi_app_raising_before_responding_counts_a_500(service: str) -> None:
    async def crashing(scope: Scope, receive: Receive, send: Send) -> None:
        raise BoomError("before any response")

    async with client_for(MetricsAndTracingMiddleware(crashing, service_name=service)) as c:
        response = await c.get("/anything")

    assert response.status_code == 500
    assert requests_total(service, "GET", "<unmatched>", "500") == 1
    assert errors_total(service, "GET", "<unmatched>") == 1


OPENMETRICS = {"Accept": "application/openmetrics-text; version=1.0.0"}


async def test_openmetrics_scrape_links_latency_buckets_to_traces(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter, service: str
) -> None:
    headers = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"}
    await client.get(f"/v1/things/{THING_ID}", headers=headers)
    (span,) = server_spans(exporter)

    response = await client.get("/metrics", headers=OPENMETRICS)

    assert response.headers["content-type"].startswith("application/openmetrics-text")
    buckets = [
        line
        for line in response.text.splitlines()
        if line.startswith("tandem_http_request_duration_seconds_bucket{")
        and f'service="{service}"' in line
    ]
    with_exemplar = [line for line in buckets if " # {" in line]
    assert len(with_exemplar) == 1  # the bucket the request fell in
    assert f'trace_id="{TRACE_ID}"' in with_exemplar[0]
    assert f'span_id="{format(span.context.span_id, "016x")}"' in with_exemplar[0]
    assert "_created" not in response.text


async def test_text_format_is_the_default_and_carries_no_exemplars(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter, service: str
) -> None:
    headers = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"}
    await client.get(f"/v1/things/{THING_ID}", headers=headers)

    response = await client.get("/metrics")

    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert f'service="{service}"' in response.text
    assert TRACE_ID not in response.text
    assert "_created" not in response.text


async def test_untraced_requests_leave_no_exemplar(
    client: httpx2.AsyncClient, service: str
) -> None:
    await client.get(f"/v1/things/{THING_ID}")  # tracing off: no exporter fixture

    response = await client.get("/metrics", headers=OPENMETRICS)

    lines = [line for line in response.text.splitlines() if f'service="{service}"' in line]
    assert lines
    assert not [line for line in lines if "trace_id" in line]


class RecordingProcessor(SpanProcessor):
    """Notes which spans the provider started and ended through it."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.ended: list[ReadableSpan] = []

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        self.started.append(span.name)

    def on_end(self, span: ReadableSpan) -> None:
        self.ended.append(span)


async def test_server_span_honours_the_processor_contract_and_the_sdk_limits(
    client: httpx2.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutdown_tracing()
    monkeypatch.setenv("OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", "12")  # read by the provider
    processor = RecordingProcessor()
    install_span_processor(processor)
    try:
        await client.get(f"/v1/things/{THING_ID}?cursor=abcdefghijklmnop")
    finally:
        uninstall_span_processor(processor)
        shutdown_tracing()

    assert processor.started == ["GET"]  # on_start before the route is known
    (span,) = processor.ended
    assert span.name == "GET /v1/things/{thing_id}"
    attributes = dict(span.attributes or {})
    assert attributes["url.path"] == f"/v1/things/{THING_ID}"[:12]
    assert attributes["url.query"] == "cursor=abcde"
    assert attributes["http.route"] == "/v1/things/{thing_id}"[:12]
