"""The match-run worker: solves queued runs in a child process, off the request path.

One worker per service process (the ``match-runs`` worker of the service definition)
polls for queued runs and claims one with a conditional update, so replicas never
solve the same run. The engine runs in a separate process (``multiprocessing``, forkserver
where available) because a large run is seconds to minutes of CPU that would
otherwise stall the event loop serving the API. The child reports
``(phase, fraction)`` over a pipe (``compiling`` first, on a machine where the engine
was never compiled); the worker writes it to the run row at most every
``_REPORT_EVERY`` seconds together with a heartbeat, and learns there whether the run
was cancelled — then it terminates the child. A run over its time limit fails; on
shutdown the child is stopped and the run goes back to ``queued`` for the next start.
A run left ``running`` by a process that died is failed once its heartbeat is stale.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any
from uuid import UUID

from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_matching.domain.match_runs import Job, MatchRun, Solution
from tandem_matching.service import engine, run_steps
from tandem_matching.service.context import Context
from tandem_matching.service.engine import Solver
from tandem_matching.settings import MatchingSettings

log = logging.getLogger(__name__)

_REPORT_EVERY = 0.25  # seconds between progress writes (and cancel checks)


def process_context() -> ForkServerContext | SpawnContext:
    """forkserver: children fork from a clean, single-threaded server that has already
    imported the engine and loaded its compiled kernels (fast starts, no inherited
    event-loop threads); else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(
            ["tandem_matching.service.engine", "tandem_matching.service.warm_engine"]
        )
        return forkserver
    return multiprocessing.get_context("spawn")


class RunOutcome(Exception):
    """How a child ended when it did not deliver a draft."""

    def __init__(self, status: str, error: str | None = None) -> None:
        super().__init__(error or status)
        self.status = status
        self.error = error


class MatchRunWorker(PeriodicWorker):
    """Each tick claims one queued run and solves it with ``solver`` (in a child process).

    ``solver`` is a module-level function (the child imports it by name), normally
    :func:`engine.solve`; tests pass their own in code.
    """

    def __init__(self, runtime: Runtime[MatchingSettings], solver: Solver = engine.solve) -> None:
        settings = runtime.settings
        super().__init__(
            "match-runs",
            settings.match_run_poll_seconds,
            clock=runtime.clock,
            on_start=self._fail_stale,
        )
        self._ctx = Context.of(runtime)
        self._settings = settings
        self._solver = solver
        self._context = process_context()

    async def _fail_stale(self, now: dt.datetime) -> None:
        stale = dt.timedelta(seconds=self._settings.match_run_stale_seconds)
        failed = await run_steps.fail_stale(self._ctx, now - stale)
        if failed:
            log.warning("failed %d match runs left running by a stopped worker", failed)

    async def tick(self, now: dt.datetime) -> int:
        run = await run_steps.claim_next(self._ctx)
        if run is None:
            return 0
        await self._execute(run)
        return 1

    async def _execute(self, run: MatchRun) -> None:
        run_id = run.id
        try:
            job = await run_steps.load_job(self._ctx, run)
            result = await self._solve(run_id, job)
        except RunOutcome as outcome:
            if outcome.status != "cancelled":  # a cancelled run's row is already final
                await run_steps.finish(self._ctx, run_id, outcome.status, outcome.error)
            log.info("match run %s ended %s: %s", run_id, outcome.status, outcome.error)
            return
        except Exception as error:
            log.exception("match run %s failed", run_id)
            await run_steps.finish(self._ctx, run_id, "failed", f"{type(error).__name__}")
            return
        saved = await run_steps.save_draft(self._ctx, run_id, job, result)
        log.info("match run %s %s", run_id, "drafted" if saved else "was cancelled")

    async def _solve(self, run_id: UUID, job: Job) -> Solution:
        receiver, sender = self._context.Pipe(duplex=False)
        child = self._context.Process(
            target=engine.solve_in_child,
            args=(job, sender, self._solver),
            name=f"match-run-{str(run_id)[:8]}",
            daemon=True,
        )
        # Off the event loop: the first start launches the forkserver, which loads the
        # engine's kernels (seconds) before it forks, and start() waits for the fork.
        await asyncio.to_thread(child.start)
        sender.close()  # the child holds the only writer: EOF means it is gone
        try:
            return await self._follow(run_id, child, receiver)
        finally:
            if child.is_alive():
                child.terminate()
            await asyncio.to_thread(child.join, 5)
            receiver.close()

    async def _follow(self, run_id: UUID, child: BaseProcess, receiver: Connection) -> Solution:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._settings.match_run_timeout_seconds
        phase, fraction, reported = "starting", 0.0, 0.0
        while True:
            if self.stopping:
                raise RunOutcome("queued")  # shutting down: another start will solve it
            if loop.time() > deadline:
                raise RunOutcome(
                    "failed", f"timed out after {self._settings.match_run_timeout_seconds:g}s"
                )
            message = await self._receive(receiver)
            if message is not None:
                if message[0] == "done":
                    solution = message[1]
                    assert isinstance(solution, Solution)  # what engine.solve_in_child sends
                    return solution
                if message[0] == "error":
                    raise RunOutcome("failed", str(message[1]))
                phase, fraction = str(message[1]), float(message[2])
            elif not child.is_alive() and not receiver.poll():
                raise RunOutcome("failed", f"the matching process died (exit {child.exitcode})")
            if loop.time() - reported >= _REPORT_EVERY:
                reported = loop.time()
                if not await run_steps.report(self._ctx, run_id, phase, fraction):
                    raise RunOutcome("cancelled")

    @staticmethod
    async def _receive(receiver: Connection) -> tuple[Any, ...] | None:
        if not receiver.poll():
            await asyncio.sleep(0.05)
            return None
        try:
            # A draft can be megabytes: read it off the event loop.
            return tuple(await asyncio.to_thread(receiver.recv))
        except EOFError as error:  # the child exited without a result
            raise RunOutcome("failed", "the matching process died") from error
