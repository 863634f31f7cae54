"""The kit's one periodic loop, its switched-off worker, and where each declared worker runs."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from tandem_kit.clock import ManualClock
from tandem_kit.runtime import Runtime, Supervisor
from tandem_kit.settings import ServiceSettings
from tandem_kit.workers import PeriodicWorker, RunsIn, SwitchedOff, WorkerSpec

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


async def test_loops_at_once_while_work_is_done_then_sleeps() -> None:
    backlog = [3]
    seen: list[datetime] = []
    clock = ManualClock(START)

    async def tick(now: datetime) -> int:
        seen.append(now)
        if backlog[0]:
            backlog[0] -= 1
            return 1
        return 0

    worker = PeriodicWorker("drain", 3600, tick, clock=clock)
    running = asyncio.create_task(worker.run())
    await asyncio.sleep(0.05)
    # Three ticks with work, one without, then asleep for an hour: not a fifth tick.
    assert len(seen) == 4
    assert seen == [START] * 4
    worker.stop()  # wakes the sleep: returns long before the hour
    await asyncio.wait_for(running, 1)


async def test_sleeps_interval_between_idle_ticks_and_reads_the_clock() -> None:
    clock = ManualClock(START)
    seen: list[datetime] = []

    async def tick(now: datetime) -> int:
        seen.append(now)
        clock.advance(minutes=1)
        return 0

    worker = PeriodicWorker("idle", 0.02, tick, clock=clock)
    running = asyncio.create_task(worker.run())
    await asyncio.sleep(0.15)
    worker.stop()
    await asyncio.wait_for(running, 1)
    assert 3 <= len(seen) <= 9
    assert seen[:3] == [START, START.replace(minute=1), START.replace(minute=2)]


async def test_on_start_runs_once_and_a_failing_tick_ends_run() -> None:
    started: list[datetime] = []

    async def on_start(now: datetime) -> None:
        started.append(now)

    async def tick(now: datetime) -> int:
        raise RuntimeError("database gone")

    worker = PeriodicWorker("fails", 0.01, tick, clock=ManualClock(START), on_start=on_start)
    with pytest.raises(RuntimeError, match="database gone"):
        await worker.run()
    assert started == [START]


async def test_a_subclass_overrides_tick_and_checks_stopping() -> None:
    class Counting(PeriodicWorker):
        count = 0

        async def tick(self, now: datetime) -> int:
            self.count += 1
            if self.count == 2:
                self.stop()
            return 1  # always busy: only stop() ends the loop

    worker = Counting("counting", 60)
    await asyncio.wait_for(worker.run(), 1)
    assert worker.count == 2
    assert worker.stopping


async def test_the_supervisor_restarts_a_crashed_periodic_worker() -> None:
    ticks: list[int] = []

    async def tick(now: datetime) -> int:
        ticks.append(1)
        if len(ticks) == 1:
            raise RuntimeError("first tick fails")
        return 0

    workers: list[PeriodicWorker] = []

    def make() -> PeriodicWorker:
        workers.append(PeriodicWorker("flaky", 0.01, tick))
        return workers[-1]

    supervisor = Supervisor(drain_timeout=2)
    supervisor.start("flaky", make)
    for _ in range(100):
        if len(workers) >= 2 and len(ticks) >= 2:
            break
        await asyncio.sleep(0.05)
    assert len(workers) == 2, "a fresh worker after the crash"
    assert supervisor.running == ["flaky"]
    await supervisor.stop()
    assert supervisor.running == []


async def test_switched_off_waits_to_be_stopped() -> None:
    off = SwitchedOff("digest", "switched off by settings")
    running = asyncio.create_task(off.run())
    await asyncio.sleep(0.02)
    assert not running.done()
    off.stop()
    await asyncio.wait_for(running, 1)


class JobSettings(ServiceSettings):
    job_enabled: bool = True


@pytest.mark.parametrize(
    ("runs_in", "parts", "enabled", "runs"),
    [
        (RunsIn.RELAY, {}, True, True),
        (RunsIn.RELAY, {"run_relay": False}, True, False),
        (RunsIn.RELAY, {}, False, False),
        (RunsIn.API, {"run_api": False}, True, False),
        (RunsIn.API, {"run_relay": False, "run_consumers": False}, True, True),
        (RunsIn.CONSUMERS, {"run_consumers": False}, True, False),
        (RunsIn.ALWAYS, {"run_api": False, "run_relay": False, "run_consumers": False}, True, True),
        (RunsIn.ALWAYS, {}, False, False),
    ],
)
async def test_the_kit_decides_where_a_declared_worker_runs(
    runs_in: RunsIn, parts: dict[str, bool], enabled: bool, runs: bool, sqlite_url: str
) -> None:
    built: list[JobSettings] = []

    def build(runtime: Runtime[JobSettings]) -> PeriodicWorker:
        built.append(runtime.settings)  # typed: no cast to reach job_enabled
        return PeriodicWorker("job", 1, lambda now: asyncio.sleep(0, 0))

    spec = WorkerSpec("job", build, runs_in=runs_in, enabled=lambda s: s.job_enabled)
    settings = JobSettings(job_enabled=enabled, database_url=sqlite_url).model_copy(update=parts)
    runtime = Runtime.from_settings(settings)
    worker = spec.worker(runtime)
    await runtime.database.dispose()
    if runs:
        assert isinstance(worker, PeriodicWorker)
        assert built == [settings]
        assert spec.switched_on(settings) is None
    else:
        assert isinstance(worker, SwitchedOff)
        assert built == []
        assert worker.reason == spec.switched_on(settings)


async def test_stop_does_not_wait_out_a_crash_backoff() -> None:
    async def tick(now: datetime) -> int:
        raise RuntimeError("always fails")

    supervisor = Supervisor(drain_timeout=20)
    supervisor.start("failing", lambda: PeriodicWorker("failing", 1, tick))
    await asyncio.sleep(0.1)  # crashed, now in its 0.5 s backoff (then 1 s, 2 s ...)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await supervisor.stop()
    assert loop.time() - started < 0.3
    assert supervisor.running == []
