"""The match-run worker's edges: progress, cancel, crash, error, timeout, shutdown, stale runs."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import insert, select

from tandem_kit.db import Database
from tandem_matching.adapters.tables import match_runs, proposals
from tests.matching.integration import solvers
from tests.matching.integration.helpers import (
    Api,
    mentee_body,
    mentor_body,
    running_app,
    settings_for,
)


@asynccontextmanager
async def worker_app(url: str, key_path: str, solver: str, **overrides: Any) -> AsyncIterator[Api]:
    """The app with the match-run worker solving with ``solvers.<solver>`` (a code seam)."""
    values: dict[str, Any] = {"migrate_on_start": False, "match_runs_enabled": True, **overrides}
    settings = settings_for(url, key_path, **values)
    async with running_app(settings, solver=getattr(solvers, solver)) as api:
        yield api


async def queued_run(api: Api) -> tuple[str, str]:
    pid = await api.programme()
    await api.register(pid, mentor_body("m"))
    await api.register(pid, mentee_body("e"))
    run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", api.tokens.manager(pid), 202)
    return pid, str(run["id"])


async def until(api: Api, pid: str, run_id: str, check: Any, timeout: float = 60) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        run = await api.call(
            "GET", f"/v1/programmes/{pid}/match-runs/{run_id}", api.tokens.manager(pid)
        )
        if check(run):
            return run
        assert asyncio.get_running_loop().time() < deadline, run
        await asyncio.sleep(0.1)


async def run_row(url: str, run_id: str) -> dict[str, Any]:
    database = Database(url)
    try:
        async with database.sessions() as session:
            row = (
                (
                    await session.execute(
                        select(match_runs).where(match_runs.c.id == uuid.UUID(run_id))
                    )
                )
                .mappings()
                .one()
            )
            return dict(row)
    finally:
        await database.dispose()


async def test_progress_then_cancel_stops_the_child(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "slow") as api:
        pid, run_id = await queued_run(api)
        running = await until(
            api,
            pid,
            run_id,
            lambda r: r["status"] == "running" and r["phase"] == "solving" and r["progress"] > 0,
        )
        assert running["started_at"]
        cancelled = await api.call(
            "POST", f"/v1/programmes/{pid}/match-runs/{run_id}/cancel", api.tokens.manager(pid)
        )
        assert cancelled["status"] == "cancelled"
        await asyncio.sleep(1.0)  # the worker notices within a report interval
        run = await until(api, pid, run_id, lambda r: True)
        assert run["status"] == "cancelled"
        assert run["summary"] is None
        # The slot is free: a new run can start at once.
        await api.call("POST", f"/v1/programmes/{pid}/match-runs", api.tokens.manager(pid), 202)


async def test_crashing_child_fails_the_run(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "crash") as api:
        pid, run_id = await queued_run(api)
        run = await until(api, pid, run_id, lambda r: r["status"] == "failed")
        assert "died" in run["error"]


async def test_solver_error_fails_the_run(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "boom") as api:
        pid, run_id = await queued_run(api)
        run = await until(api, pid, run_id, lambda r: r["status"] == "failed")
        assert run["error"] == "ValueError: the solver gave up"


async def test_timeout_fails_the_run(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "slow", match_run_timeout_seconds=2) as api:
        pid, run_id = await queued_run(api)
        run = await until(api, pid, run_id, lambda r: r["status"] == "failed")
        assert "timed out" in run["error"]


async def test_shutdown_requeues_and_next_start_solves(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "slow") as api:
        pid, run_id = await queued_run(api)
        await until(api, pid, run_id, lambda r: r["status"] == "running")
    row = await run_row(matching_db_url, run_id)
    assert (row["status"], row["phase"], row["started_at"]) == ("queued", "queued", None)
    async with worker_app(matching_db_url, key_path, "boom") as api:
        run = await until(api, pid, run_id, lambda r: r["status"] == "failed")
        assert "gave up" in run["error"]


async def test_stale_running_run_is_failed_on_start(matching_db_url: str, key_path: str) -> None:
    async with worker_app(matching_db_url, key_path, "boom", match_runs_enabled=False) as api:
        pid = await api.programme()
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    stale_run = uuid.uuid4()
    database = Database(matching_db_url)
    async with database.transaction() as session:
        await session.execute(
            insert(match_runs).values(
                id=stale_run,
                programme_id=uuid.UUID(pid),
                status="running",
                phase="solving",
                progress=0.5,
                requested_by="m",
                cancel_requested=False,
                created_at=long_ago,
                started_at=long_ago,
                heartbeat_at=long_ago,
            )
        )
    await database.dispose()
    async with worker_app(matching_db_url, key_path, "boom") as api:
        run = await until(api, pid, str(stale_run), lambda r: r["status"] == "failed")
        assert "stopped unexpectedly" in run["error"]
        await api.call("POST", f"/v1/programmes/{pid}/match-runs", api.tokens.manager(pid), 202)


async def test_no_proposals_written_for_a_cancelled_draft(api_with_runs: Api) -> None:
    api = api_with_runs
    pid, run_id = await queued_run(api)
    await until(api, pid, run_id, lambda r: r["status"] == "draft")
    cancelled = await api.call(
        "POST", f"/v1/programmes/{pid}/match-runs/{run_id}/cancel", api.tokens.manager(pid)
    )
    assert cancelled["status"] == "cancelled"
    async with api.database.sessions() as session:
        statuses = set(
            await session.scalars(
                select(proposals.c.status).where(proposals.c.run_id == uuid.UUID(run_id))
            )
        )
    assert statuses == {"discarded"}
