"""SQL client spans from a real aiosqlite engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx2
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from tandem_kit.telemetry import (
    MetricsAndTracingMiddleware,
    configure_tracing,
    get_tracer,
    instrument_engine,
    shutdown_tracing,
    uninstrument_engine,
)

SECRET = "mentee.private@example.org"


@pytest.fixture
def exporter(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    monkeypatch.delenv("OTEL_SDK_DISABLED", raising=False)
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])
    yield memory
    shutdown_tracing()


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'spans.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT)"))
    instrument_engine(engine, "matching")
    yield engine
    uninstrument_engine(engine)
    await engine.dispose()


def client_spans(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.kind is SpanKind.CLIENT]


async def test_statements_become_client_spans_under_the_current_span(
    engine: AsyncEngine, exporter: InMemorySpanExporter
) -> None:
    with get_tracer("t").start_as_current_span("GET /v1/people/{person_id}") as request:
        async with engine.begin() as connection:
            await connection.execute(
                text("INSERT INTO people (id, email) VALUES (:id, :email)"),
                {"id": 1, "email": SECRET},
            )
            await connection.execute(
                text("  select email from people where email = :email"), {"email": SECRET}
            )

    spans = client_spans(exporter)
    assert [span.name for span in spans] == ["INSERT", "SELECT"]
    for span in spans:
        attributes = dict(span.attributes or {})
        assert attributes["db.system.name"] == "sqlite"
        assert span.parent is not None
        assert span.parent.span_id == request.get_span_context().span_id
        assert span.context.trace_id == request.get_span_context().trace_id
        assert SECRET not in repr(attributes)  # never the parameters
        assert "db.query.text" not in attributes  # nor the statement, unless asked
    assert [dict(s.attributes or {})["db.operation.name"] for s in spans] == ["INSERT", "SELECT"]


async def test_executemany_records_the_batch_size(
    engine: AsyncEngine, exporter: InMemorySpanExporter
) -> None:
    with get_tracer("t").start_as_current_span("request"):
        async with engine.begin() as connection:
            await connection.execute(
                text("INSERT INTO people (id, email) VALUES (:id, :email)"),
                [{"id": i, "email": f"p{i}@example.org"} for i in range(3)],
            )

    (span,) = client_spans(exporter)
    assert (span.attributes or {})["db.operation.batch.size"] == 3


async def test_a_failing_statement_ends_its_span_as_an_error(
    engine: AsyncEngine, exporter: InMemorySpanExporter
) -> None:
    with get_tracer("t").start_as_current_span("request"):
        async with engine.connect() as connection:
            with pytest.raises(sa_exc.OperationalError):
                await connection.execute(text("SELECT * FROM no_such_table"))

    (span,) = client_spans(exporter)
    assert span.status.status_code is StatusCode.ERROR
    assert (span.attributes or {})["error.type"] == "OperationalError"
    assert span.end_time is not None


async def test_statements_outside_any_span_are_not_traced(
    engine: AsyncEngine, exporter: InMemorySpanExporter
) -> None:
    async with engine.connect() as connection:  # e.g. the outbox relay polling
        await connection.execute(text("SELECT 1"))

    assert client_spans(exporter) == []


async def test_root_statements_can_be_traced_and_include_the_statement(
    tmp_path: Path, exporter: InMemorySpanExporter
) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'root.db'}")
    instrument_engine(engine, "matching", require_parent=False, include_statement=True)
    instrument_engine(engine, "matching")  # idempotent: still one span per statement
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT :n"), {"n": 41})
    finally:
        uninstrument_engine(engine)
        await engine.dispose()

    (span,) = client_spans(exporter)
    assert span.parent is None
    assert (span.attributes or {})["db.query.text"] == "SELECT ?"


async def test_no_spans_when_tracing_is_off(engine: AsyncEngine) -> None:
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])
    shutdown_tracing()

    with get_tracer("t").start_as_current_span("request"):
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    assert memory.get_finished_spans() == ()


async def test_queries_in_a_request_nest_under_its_server_span(
    engine: AsyncEngine, exporter: InMemorySpanExporter
) -> None:
    app = FastAPI()

    @app.get("/v1/people/{person_id}")
    async def get_person(person_id: int) -> dict[str, int]:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT email FROM people WHERE id = :id"), {"id": 1})
        return {"id": person_id}

    transport = httpx2.ASGITransport(app=MetricsAndTracingMiddleware(app, service_name="matching"))
    async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/v1/people/7")).status_code == 200

    (query,) = client_spans(exporter)
    (server,) = [s for s in exporter.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert query.parent is not None
    assert query.parent.span_id == server.context.span_id
    assert query.context.trace_id == server.context.trace_id
