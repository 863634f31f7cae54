"""Idempotency-Key on the fixture service: a retry after a lost response acts once.

The crash is injected at the ASGI level, outside the kit's middleware: the server's
``send`` fails on the response's first message, after the request's transaction
committed, as when the process dies or the connection drops between the commit and
the answer. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tandem_kit.app import create_app
from tandem_kit.clock import ManualClock
from tandem_kit.db.tables import idempotency_table
from tandem_kit.idempotency import HEADER, cleanup_worker
from tandem_kit.settings import ServiceSettings
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.conftest import UrlFactory
from tests.kit.fixture_service import app as fixture
from tests.kit.fixture_service.tables import notes


class ResponseLost(Exception):
    """The answer never reached the client (the connection dropped after the commit)."""


class LoseNextResponse:
    """Outermost middleware: while armed, the response's first message fails to send."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.armed = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.armed:
            await self.app(scope, receive, send)
            return
        self.armed = False

        async def lose(message: Message) -> None:
            raise ResponseLost(message["type"])

        await self.app(scope, receive, lose)


@pytest.fixture
async def running(
    url_factory: UrlFactory, tmp_path: Path
) -> AsyncIterator[tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock]]:
    settings = isolated_settings(
        ServiceSettings, tmp_path, database_url=await url_factory("idempotency")
    )
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    app = create_app(fixture.definition(), settings, clock=clock)
    app.add_middleware(LoseNextResponse)
    async with run_app(app, settings) as started:
        lose = started.app.middleware_stack
        while not isinstance(lose, LoseNextResponse):
            lose = lose.app  # type: ignore[union-attr]
        yield started, lose, clock


async def note_count(running: RunningApp[ServiceSettings]) -> int:
    async with running.runtime.database.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(notes)) or 0)


def note(text: str = "hello") -> dict[str, str]:
    return {"programme_id": str(uuid.UUID(int=1)), "text": text}


async def test_a_retry_after_the_lost_response_gets_the_first_answer_and_acts_once(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, lose, _ = running
    key = {HEADER: str(uuid.uuid4())}
    lose.armed = True
    with pytest.raises(ResponseLost):
        await app.client.post("/v1/notes", json=note(), headers=key)
    assert await note_count(app) == 1  # committed before the answer was lost
    retried = await app.client.post("/v1/notes", json=note(), headers=key)
    assert retried.status_code == 201
    assert retried.headers["idempotent-replayed"] == "true"
    assert retried.headers["content-type"] == "application/json"
    again = await app.client.post("/v1/notes", json=note(), headers=key)
    assert again.json() == retried.json()
    assert await note_count(app) == 1
    assert len(await app.outbox()) == 1
    # Without a key nothing changes: each POST acts.
    await app.client.post("/v1/notes", json=note())
    assert await note_count(app) == 2


async def test_the_same_key_with_another_body_is_422(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, _ = running
    key = {HEADER: "order-17"}
    assert (await app.client.post("/v1/notes", json=note("a"), headers=key)).status_code == 201
    reused = await app.client.post("/v1/notes", json=note("b"), headers=key)
    assert_problem(reused, 422, "idempotency_key_reused")
    assert await note_count(app) == 1
    # Another path is another scope: the key is free there.
    fixture.GATE.set()
    other = await app.client.post("/v1/held-notes", json=note("b"), headers=key)
    assert other.status_code == 201
    assert await note_count(app) == 2


@pytest.mark.parametrize("key", ["", " ", "k" * 256])
async def test_an_empty_or_overlong_key_is_400(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock], key: str
) -> None:
    app, _, _ = running
    refused = await app.client.post("/v1/notes", json=note(), headers={HEADER: key})
    assert_problem(refused, 400, "idempotency_key_invalid")
    assert await note_count(app) == 0
    longest = await app.client.post("/v1/notes", json=note(), headers={HEADER: "k" * 255})
    assert longest.status_code == 201


async def test_an_error_is_not_stored_and_the_retry_runs_again(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, _ = running
    key = {HEADER: "fix-and-retry"}
    bad = await app.client.post("/v1/notes", json={"text": "no programme"}, headers=key)
    assert bad.status_code == 422
    fixed = await app.client.post("/v1/notes", json=note(), headers=key)
    assert fixed.status_code == 201
    assert "idempotent-replayed" not in fixed.headers
    assert await note_count(app) == 1


async def test_the_use_case_transaction_joins_the_request_and_rolls_back_with_it(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, _ = running
    key = {HEADER: "fails-after-its-transaction"}
    with pytest.raises(RuntimeError):
        await app.client.post("/v1/failing-notes", json=note(), headers=key)
    # The use case's own transaction had ended, but it was part of the request's: no
    # answer could be stored, so its effect is not kept either.
    assert await note_count(app) == 0
    async with app.runtime.database.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(idempotency_table)) == 0
    # Without a key the use case commits on its own, as before.
    with pytest.raises(RuntimeError):
        await app.client.post("/v1/failing-notes", json=note())
    assert await note_count(app) == 1


async def test_the_same_key_while_the_first_request_runs_is_409(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, _ = running
    key = {HEADER: "double-click"}
    fixture.GATE.clear()
    first = asyncio.create_task(app.client.post("/v1/held-notes", json=note(), headers=key))
    for _ in range(200):  # until the first one holds its key
        await asyncio.sleep(0.01)
        if first.done():
            break
        second = await app.client.post("/v1/held-notes", json=note(), headers=key)
        if second.status_code == 409:
            break
    assert_problem(second, 409, "idempotency_key_in_flight")
    fixture.GATE.set()
    assert (await first).status_code == 201
    replayed = await app.client.post("/v1/held-notes", json=note(), headers=key)
    assert (replayed.status_code, replayed.json()) == (201, (await first).json())
    assert await note_count(app) == 1


async def test_answers_expire_after_the_retention_and_are_cleaned_up(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, clock = running
    key = {HEADER: "yesterday"}
    assert (await app.client.post("/v1/notes", json=note("a"), headers=key)).status_code == 201
    retention = app.settings.idempotency_retention_seconds
    assert retention == 86_400  # the default: 24 hours
    clock.advance(timedelta(seconds=retention - 1))
    assert_problem(
        await app.client.post("/v1/notes", json=note("b"), headers=key),
        422,
        "idempotency_key_reused",
    )
    clock.advance(timedelta(seconds=2))
    worker = cleanup_worker(app.runtime.database, retention, 60, clock)
    await worker.run_once()
    async with app.runtime.database.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(idempotency_table)) == 0
    # Expired: the key is new again.
    assert (await app.client.post("/v1/notes", json=note("b"), headers=key)).status_code == 201
    assert await note_count(app) == 2


async def test_every_post_operation_documents_the_header(
    running: tuple[RunningApp[ServiceSettings], LoseNextResponse, ManualClock],
) -> None:
    app, _, _ = running
    document = app.app.openapi()
    posts = [ops["post"] for ops in document["paths"].values() if "post" in ops]
    assert posts
    for operation in posts:
        [parameter] = [p for p in operation["parameters"] if p["name"] == HEADER]
        assert parameter["in"] == "header"
        assert parameter["schema"]["maxLength"] == 255
    assert app.app.openapi() == document  # documented once, however often it is asked
