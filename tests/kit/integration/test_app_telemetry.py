"""The app factory's telemetry: one server span per request, whatever provider is global."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx2
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from tandem_kit.telemetry import (
    get_tracer,
    install_span_processor,
    shutdown_tracing,
    uninstall_span_processor,
)
from tests.kit.fixture_service.app import build_app, fixture_settings

UNREACHABLE_KAFKA = "127.0.0.1:9"  # nothing answers; the API does not need the broker

router = APIRouter(prefix="/v1")


@router.get("/work/{item}")
async def work(item: str) -> dict[str, str]:
    with get_tracer("tests.work").start_as_current_span("work"):
        return {"item": item}


def build(tmp_path: Path) -> FastAPI:
    settings = fixture_settings(tmp_path, UNREACHABLE_KAFKA, run_consumers=False, run_relay=False)
    return build_app(settings, routers=[router])


@pytest.fixture
def exporter(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    """Spans of the kit's provider AND of a global SDK provider, in one exporter.

    A global provider is what any third-party instrumentation (or an OTel
    distro) installs; FastAPI's native telemetry uses it when it exists.
    """
    memory = InMemorySpanExporter()
    kit_processor = SimpleSpanProcessor(memory)
    install_span_processor(kit_processor)
    global_provider = TracerProvider()
    global_provider.add_span_processor(SimpleSpanProcessor(memory))
    # The API lets a process set its global provider once; the test restores it.
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", global_provider)
    assert trace.get_tracer_provider() is global_provider
    yield memory
    uninstall_span_processor(kit_processor)
    shutdown_tracing()
    global_provider.shutdown()


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx2.AsyncClient]:
    app = build(tmp_path)
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app, raise_app_exceptions=False)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


async def test_one_request_is_one_server_span_with_our_children_only(
    client: httpx2.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    exporter.clear()

    response = await client.get("/v1/work/42")

    assert response.status_code == 200
    spans = exporter.get_finished_spans()
    assert sorted((span.name, span.kind) for span in spans) == [
        ("GET /v1/work/{item}", SpanKind.SERVER),
        ("work", SpanKind.INTERNAL),
    ]
    by_name = {span.name: span for span in spans}
    server, child = by_name["GET /v1/work/{item}"], by_name["work"]
    assert server.instrumentation_scope is not None
    assert server.instrumentation_scope.name == "tandem_kit.http"
    assert child.parent is not None
    assert child.parent.span_id == server.context.span_id
