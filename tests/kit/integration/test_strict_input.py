"""Strict input, kit-wide: an unknown query parameter or body field is a 422 naming it.

``?stauts=withdrawn`` must not return an unfiltered list, and ``POST ?dry_run=true``
must not write: the app factory rejects both before the endpoint runs.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

import httpx2
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, Depends, FastAPI, Query
from pydantic import BaseModel, Field
from sqlalchemy import func, insert, select

from tandem_kit.api import Page, PageCursor, PageLimit, RequestModel, problems
from tandem_kit.app import RuntimeDep
from tandem_kit.db.database import Database
from tandem_kit.db.tables import outbox_table
from tandem_kit.outbox import add_event
from tests.kit.fixture_service.app import build_app, fixture_settings
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.fixture_service.tables import notes

router = APIRouter(prefix="/v1/notes", tags=["notes"])


class NoteCreate(RequestModel):
    text: str = Field(min_length=1, max_length=20)


class Filters(BaseModel):
    """A query model: its fields are accepted names too."""

    starts_with: str | None = None


def _verbose(verbose: bool = False) -> bool:  # a dependency's own query parameter
    return verbose


@router.get("", responses=problems(400))
async def list_notes(
    runtime: RuntimeDep,
    filters: Annotated[Filters, Query()],
    verbose: Annotated[bool, Depends(_verbose)],
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    status: str | None = None,
) -> Page[str]:
    async with runtime.database.sessions() as session:
        texts = list((await session.execute(select(notes.c.text))).scalars())
    return Page[str](items=[t for t in texts if t.startswith(filters.starts_with or "")])


@router.post("", status_code=201, responses=problems(409))
async def create_note(body: NoteCreate, runtime: RuntimeDep) -> dict[str, str]:
    note_id = uuid.uuid4()
    async with runtime.database.transaction() as session:
        await session.execute(insert(notes).values(id=str(note_id), text=body.text))
        await add_event(
            session, NoteAdded(programme_id=uuid.uuid4(), note_id=note_id, text=body.text)
        )
    return {"id": str(note_id)}


def build(tmp_path: Path, kafka: str) -> FastAPI:
    # run_relay off: the outbox row must stay visible to the test
    settings = fixture_settings(tmp_path, kafka, run_relay=False, run_consumers=False)
    return build_app(settings, routers=[router])


@pytest.fixture
async def client(tmp_path: Path, kafka_bootstrap: str) -> AsyncIterator[httpx2.AsyncClient]:
    async with LifespanManager(build(tmp_path, kafka_bootstrap)) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


async def _rows(tmp_path: Path) -> tuple[int, int]:
    """Notes and outbox events in the app's database, read apart from the app."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'app.db'}")
    try:
        async with database.sessions() as session:
            note_rows = await session.scalar(select(func.count()).select_from(notes))
            event_rows = await session.scalar(select(func.count()).select_from(outbox_table))
    finally:
        await database.dispose()
    return int(note_rows or 0), int(event_rows or 0)


def _unknown(response: httpx2.Response) -> list[list[str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_error"
    return [e["loc"] for e in body["errors"] if e["type"] == "extra_forbidden"]


@pytest.mark.kafka
async def test_a_misspelt_filter_is_a_422_naming_it(client: httpx2.AsyncClient) -> None:
    response = await client.get("/v1/notes", params={"stauts": "withdrawn"})
    assert _unknown(response) == [["query", "stauts"]]
    assert "query.stauts" in response.json()["detail"]
    two = await client.get("/v1/notes?stauts=a&limt=3&status=ok")
    assert _unknown(two) == [["query", "stauts"], ["query", "limt"]]


@pytest.mark.kafka
async def test_every_declared_name_is_accepted(client: httpx2.AsyncClient) -> None:
    # Its own parameters, a dependency's, a query model's fields, and an empty cursor.
    response = await client.get("/v1/notes?status=x&limit=5&cursor=&verbose=true&starts_with=a")
    assert response.status_code == 200, response.text
    assert (await client.get("/healthz")).status_code == 200
    assert _unknown(await client.get("/healthz?deep=1")) == [["query", "deep"]]


@pytest.mark.kafka
async def test_an_unknown_parameter_on_a_write_writes_nothing(
    client: httpx2.AsyncClient, tmp_path: Path
) -> None:
    refused = await client.post("/v1/notes?dry_run=true", json={"text": "hello"})
    assert _unknown(refused) == [["query", "dry_run"]]
    assert "dry_run" in refused.json()["detail"]
    misspelt = await client.post("/v1/notes", json={"text": "hello", "colour": "red"})
    assert _unknown(misspelt) == [["body", "colour"]]
    assert await _rows(tmp_path) == (0, 0)
    created = await client.post("/v1/notes", json={"text": "hello"})
    assert created.status_code == 201
    assert await _rows(tmp_path) == (1, 1)  # the same request without it does write


def test_problems_are_documented_as_problem_json_only(tmp_path: Path) -> None:
    document = build(tmp_path, "127.0.0.1:1").openapi()
    component = document["components"]["schemas"]["ProblemDetails"]
    assert set(component["properties"]) == {"type", "title", "status", "detail", "code", "errors"}
    post = document["paths"]["/v1/notes"]["post"]["responses"]
    # 401 409 422 its own; 400 (not JSON) and 413 (too large): the kit answers them too.
    assert set(post) == {"201", "400", "401", "409", "413", "422"}
    for status in ("400", "401", "409", "413", "422"):
        assert post[status]["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}
        }
