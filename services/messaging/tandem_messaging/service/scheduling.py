"""Periodic jobs as kit workers (run by the app's supervisor, stopped on shutdown)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

log = logging.getLogger(__name__)


class PeriodicJob:
    """Runs ``job(now)`` every ``interval`` seconds until stopped; ``clock`` is injectable."""

    def __init__(
        self,
        name: str,
        interval: float,
        job: Callable[[datetime], Awaitable[int]],
        clock: Callable[[], datetime],
    ) -> None:
        self.name = name
        self._interval = interval
        self._job = job
        self._clock = clock
        self._stopping = asyncio.Event()

    async def run_once(self) -> int:
        return await self._job(self._clock())

    async def run(self) -> None:
        while not self._stopping.is_set():
            try:
                done = await self.run_once()
                if done:
                    log.info("%s: %d done", self.name, done)
            except Exception:
                # A failing round is retried next round; the supervisor restarts only crashes.
                log.exception("%s round failed", self.name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)

    def stop(self) -> None:
        self._stopping.set()


class Idle:
    """A worker for a part this process does not run: returns at once (a clean stop)."""

    async def run(self) -> None:
        return None

    def stop(self) -> None:
        return None
