"""create_app runs the declared workers where they belong, with the clock it was given."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import httpx2
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, Request

from tandem_kit.app import ServiceDefinition, create_app, runtime_of
from tandem_kit.clock import ManualClock
from tandem_kit.runtime import Runtime
from tandem_kit.settings import ServiceSettings
from tandem_kit.workers import PeriodicWorker, RunsIn, WorkerSpec
from tests.kit.integration.harness import MIGRATIONS, wait_until

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class JobSettings(ServiceSettings):
    nightly_enabled: bool = True


router = APIRouter(prefix="/v1")


@router.get("/now")
async def now(request: Request) -> dict[str, object]:
    runtime = runtime_of(request, JobSettings)
    return {"now": runtime.clock().isoformat(), "nightly": runtime.settings.nightly_enabled}


def _definition(seen: dict[str, list[datetime]]) -> ServiceDefinition[JobSettings]:
    def recorder(name: str) -> WorkerSpec[JobSettings]:
        def build(runtime: Runtime[JobSettings]) -> PeriodicWorker:
            async def tick(now: datetime) -> int:
                seen.setdefault(name, []).append(now)
                return 0

            return PeriodicWorker(name, 0.05, tick, clock=runtime.clock)

        return WorkerSpec(
            name,
            build,
            runs_in=RunsIn.RELAY if name == "with-relay" else RunsIn.ALWAYS,
            enabled=(lambda s: s.nightly_enabled) if name == "nightly" else (lambda s: True),
        )

    return ServiceDefinition(
        name="fixture",
        title="Fixture",
        description="test",
        version="0",
        migrations=MIGRATIONS,
        routers=[router],
        settings=JobSettings,
        workers=[recorder("always"), recorder("with-relay"), recorder("nightly")],
    )


async def test_workers_run_by_their_spec_and_read_the_apps_clock(tmp_path: Path) -> None:
    settings = JobSettings(
        service_name="fixture",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        kafka_bootstrap_servers="127.0.0.1:1",  # no worker here needs Kafka
        run_relay=False,
        run_consumers=False,
        nightly_enabled=False,
        auth={"local_key_path": str(tmp_path / "key.pem")},
    )
    seen: dict[str, list[datetime]] = {}
    clock = ManualClock(START)
    app = create_app(_definition(seen), settings, clock=clock)
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:

            async def ticked() -> bool:
                return len(seen.get("always", [])) >= 2

            await wait_until(ticked, timeout=5, interval=0.02)
            clock.advance(hours=1)
            answer = (await client.get("/v1/now")).json()
            assert answer == {"now": START.replace(hour=10).isoformat(), "nightly": False}
            await asyncio.sleep(0.2)
    assert seen["always"][0] == START
    assert seen["always"][-1] == START.replace(hour=10)
    # Not in a process without the relay part, and not when its setting is off.
    assert set(seen) == {"always"}
