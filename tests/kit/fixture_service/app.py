"""The fixture service as an app: write a note (with its event), list what was received."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import insert, select

from tandem_kit.app import RuntimeDep, ServiceDefinition, create_app
from tandem_kit.auth import CurrentPrincipal
from tandem_kit.kafka import Handlers
from tandem_kit.outbox import add_event
from tandem_kit.runtime import Runtime
from tandem_kit.settings import ServiceSettings
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.fixture_service.tables import notes, received
from tests.kit.integration.harness import MIGRATIONS, record_note

router = APIRouter(prefix="/v1", tags=["notes"])


class NoteCreate(BaseModel):
    programme_id: uuid.UUID
    text: str


@router.post("/notes", status_code=201)
async def create_note(body: NoteCreate, runtime: RuntimeDep) -> dict[str, str]:
    note_id = uuid.uuid4()
    async with runtime.database.transaction() as session:
        await session.execute(insert(notes).values(id=str(note_id), text=body.text))
        event = NoteAdded(programme_id=body.programme_id, note_id=note_id, text=body.text)
        await add_event(session, event)
    return {"id": str(note_id)}


# Opened by a test to let a held note through (idempotency: a request still in flight).
GATE = asyncio.Event()


@router.post("/held-notes", status_code=201)
async def create_held_note(body: NoteCreate, runtime: RuntimeDep) -> dict[str, str]:
    note_id = uuid.uuid4()
    async with runtime.database.transaction() as session:
        await session.execute(insert(notes).values(id=str(note_id), text=body.text))
        await GATE.wait()
    return {"id": str(note_id)}


@router.post("/failing-notes", status_code=201)
async def create_failing_note(body: NoteCreate, runtime: RuntimeDep) -> dict[str, str]:
    """Commits its note, then fails rendering the answer (a bug after the use case)."""
    async with runtime.database.transaction() as session:
        await session.execute(insert(notes).values(id=str(uuid.uuid4()), text=body.text))
    raise RuntimeError("the answer could not be rendered")


@router.get("/received")
async def list_received(runtime: RuntimeDep) -> list[str]:
    async with runtime.database.sessions() as session:
        rows = await session.execute(select(received.c.note_id).order_by(received.c.seq))
    return list(rows.scalars())


@router.get("/me")
async def me(principal: CurrentPrincipal) -> dict[str, object]:
    return {"subject": principal.subject, "roles": sorted(principal.to_claim())}


@router.get("/visits")
async def visits(request: Request) -> int:
    """Counts on request.state: 1 every time unless request state leaks between requests."""
    request.state.visits = getattr(request.state, "visits", 0) + 1
    count: int = request.state.visits
    return count


def build_handlers(runtime: Runtime[ServiceSettings]) -> Handlers:
    return Handlers().on(NoteAdded, record_note)


def definition(
    topic: str = "tandem.test.unset", routers: Sequence[APIRouter] = (router,)
) -> ServiceDefinition[ServiceSettings]:
    """The fixture service; a test with routes of its own passes them as ``routers``."""
    return ServiceDefinition(
        name="fixture",
        title="Fixture",
        description="The kit's fixture service",
        version="0",
        migrations=MIGRATIONS,
        routers=routers,
        settings=ServiceSettings,
        consumes=[topic],
        handlers=build_handlers,
    )


def build_app(
    settings: ServiceSettings,
    topic: str = "tandem.test.unset",
    routers: Sequence[APIRouter] = (router,),
) -> FastAPI:
    return create_app(definition(topic, routers), settings)


def fixture_settings(tmp_path: Path, kafka: str, **overrides: Any) -> ServiceSettings:
    """Settings of a fixture app on its own SQLite file and signing key."""
    values: dict[str, Any] = {
        "service_name": "fixture",
        "database_url": f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        "kafka_bootstrap_servers": kafka,
        "auth": {"local_key_path": str(tmp_path / "key.pem")},
        **overrides,
    }
    return ServiceSettings(**values)
