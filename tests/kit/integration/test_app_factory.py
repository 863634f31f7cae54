"""The app factory every service is built with: health, readiness, problems, metrics."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx2
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from tandem_kit.errors import NotFound
from tests.kit.fixture_service.app import build_app, fixture_settings

router = APIRouter(prefix="/v1")


class NoteCreate(BaseModel):
    text: str = Field(min_length=1, max_length=20)


@router.get("/notes/{note_id}")
async def get_note(note_id: uuid.UUID) -> dict[str, str]:
    raise NotFound(f"No note {note_id}.", code="note_not_found")


@router.post("/notes", status_code=201)
async def create_note(body: NoteCreate) -> dict[str, str]:
    return {"text": body.text}


@router.get("/boom")
async def boom() -> dict[str, str]:
    raise RuntimeError("bug")


def build(tmp_path: Path, kafka: str) -> FastAPI:
    return build_app(fixture_settings(tmp_path, kafka, run_consumers=False), routers=[router])


@pytest.fixture
async def client(tmp_path: Path, kafka_bootstrap: str) -> AsyncIterator[httpx2.AsyncClient]:
    app = build(tmp_path, kafka_bootstrap)
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app, raise_app_exceptions=False)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


@pytest.mark.kafka
async def test_health_and_readiness(client: httpx2.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    for _ in range(50):  # the producer connects in the background
        ready = await client.get("/readyz")
        if ready.status_code == 200:
            break
        import asyncio

        await asyncio.sleep(0.2)
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "database": "ok", "kafka": "ok"}


async def test_not_ready_when_kafka_is_unreachable(tmp_path: Path) -> None:
    app = build(tmp_path, "127.0.0.1:1")
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
            ready = await client.get("/readyz")
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert ready.json()["code"] == "not_ready"
    assert "kafka" in ready.json()["detail"]


@pytest.mark.kafka
async def test_errors_are_problem_details(client: httpx2.AsyncClient) -> None:
    missing = await client.get(f"/v1/notes/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["code"] == "note_not_found"
    invalid = await client.post("/v1/notes", json={"text": ""})
    assert invalid.status_code == 422
    assert invalid.json()["code"] == "validation_error"
    assert invalid.json()["errors"][0]["loc"] == ["body", "text"]
    unknown = await client.get("/nowhere")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "not_found"


@pytest.mark.kafka
async def test_metrics_follow_prometheus_naming_without_personal_ids(
    client: httpx2.AsyncClient,
) -> None:
    note_id = uuid.uuid4()
    await client.get(f"/v1/notes/{note_id}")
    await client.post("/v1/notes", json={"text": "hello"})
    await client.get("/v1/boom")
    text = (await client.get("/metrics")).text
    for name in (
        "tandem_http_requests_total",
        "tandem_http_request_errors_total",
        "tandem_http_request_duration_seconds_bucket",
        "tandem_outbox_backlog",
    ):
        assert re.search(rf"^{name}\{{", text, re.M), name
    for family in (
        "events_produced",
        "events_consumed",
        "events_failed",
        "events_dead_lettered",
        "consumer_lag",
    ):
        assert f"# TYPE tandem_{family}" in text, family
    assert 'route="/v1/notes/{note_id}"' in text
    assert str(note_id) not in text
    assert re.search(r'tandem_http_request_errors_total\{[^}]*route="/v1/boom"[^}]*\} 1\.0', text)
    for line in text.splitlines():
        # The sample's name ends at its labels, or at the value when it has none.
        name = re.split(r"[{ ]", line, maxsplit=1)[0]
        if line.startswith("tandem_") and "_total" in name:
            assert name.endswith("_total"), line
