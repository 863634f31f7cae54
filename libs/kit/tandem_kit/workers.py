"""Background work every service runs the same way: one periodic loop, declared once.

:class:`PeriodicWorker` is the loop behind every periodic worker (outbox relay,
mail relay, completion, match runs, digests, retention): it calls ``tick(now)``,
calls it again at once while a tick did work (a backlog drains without waiting),
and otherwise sleeps ``interval`` seconds; :meth:`~PeriodicWorker.stop` wakes the
sleep. A tick that raises ends :meth:`~PeriodicWorker.run`: the
:class:`~tandem_kit.runtime.Supervisor` logs it and starts a fresh worker after a
backoff, the one crash policy for every worker.

A service declares its workers as :class:`WorkerSpec` entries of its
``ServiceDefinition``: what to build, with which part of the process it runs and
whether its settings switch it on. The kit decides per process; a worker that does
not run here is :class:`SwitchedOff`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from tandem_kit.clock import Clock, utc_now
from tandem_kit.runtime import Runtime, Worker
from tandem_kit.settings import ServiceSettings

log = logging.getLogger(__name__)

S = TypeVar("S", bound=ServiceSettings)

Tick = Callable[[datetime], Awaitable[int]]


class PeriodicWorker:
    """Calls ``tick(now)`` until stopped: again at once while it did work, else after a sleep.

    ``tick`` returns how much it did (0: nothing to do). Pass it, or override :meth:`tick`.
    ``on_start`` runs once before the first tick (e.g. to recover what a dead process
    left behind).
    """

    def __init__(
        self,
        name: str,
        interval: float,
        tick: Tick | None = None,
        *,
        clock: Clock = utc_now,
        on_start: Callable[[datetime], Awaitable[object]] | None = None,
    ) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self.name = name
        self.interval = interval
        self._tick = tick
        self._clock = clock
        self._on_start = on_start
        self._stopping = asyncio.Event()

    async def tick(self, now: datetime) -> int:
        if self._tick is None:
            raise NotImplementedError("pass tick= or override tick()")
        return await self._tick(now)

    async def run_once(self) -> int:
        """One tick at the clock's now (tests and the command line)."""
        return await self.tick(self._clock())

    async def run(self) -> None:
        if self._on_start is not None:
            await self._on_start(self._clock())
        while not self._stopping.is_set():
            done = await self.run_once()
            if done:
                log.debug("%s: %d done", self.name, done)
                continue
            await self.sleep(self.interval)

    def stop(self) -> None:
        """Let the tick in flight finish, then return from :meth:`run`."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        """Asked to stop: long ticks check this between their steps."""
        return self._stopping.is_set()

    async def sleep(self, seconds: float) -> None:
        """Sleep ``seconds``, or less if :meth:`stop` is called meanwhile."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)


class SwitchedOff:
    """The worker for a part this process does not run: waits to be stopped."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        await self._stopping.wait()

    def stop(self) -> None:
        self._stopping.set()


class RunsIn(StrEnum):
    """Which part of a service process a worker belongs with (see ``tandem-<svc> --help``)."""

    API = "api"  # serve and api
    RELAY = "relay"  # serve and relay: where the outbox relay runs
    CONSUMERS = "consumers"  # serve and consume
    ALWAYS = "always"  # every part


def _always(_settings: ServiceSettings) -> bool:
    return True


@dataclass(frozen=True)
class WorkerSpec(Generic[S]):
    """One background worker of a service: how to build it and when it runs.

    ``enabled`` is a predicate on the service's settings (``lambda s: s.digest_enabled``);
    the worker runs where ``runs_in`` says *and* ``enabled`` holds.
    """

    name: str
    build: Callable[[Runtime[S]], Worker]
    runs_in: RunsIn = RunsIn.ALWAYS
    enabled: Callable[[S], bool] = field(default=_always)

    def switched_on(self, settings: S) -> str | None:
        """None when it runs in a process with these settings, else why not."""
        part_runs = {
            RunsIn.API: settings.run_api,
            RunsIn.RELAY: settings.run_relay,
            RunsIn.CONSUMERS: settings.run_consumers,
            RunsIn.ALWAYS: True,
        }[self.runs_in]
        if not part_runs:
            return f"this process does not run the {self.runs_in} part"
        if not self.enabled(settings):
            return "switched off by settings"
        return None

    def worker(self, runtime: Runtime[S]) -> Worker:
        """The worker to run here: built, or :class:`SwitchedOff`."""
        reason = self.switched_on(runtime.settings)
        if reason is not None:
            return SwitchedOff(self.name, reason)
        return self.build(runtime)
