"""Periodic work that runs beside the API: completing relationships at programme end."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from tandem_kit.runtime import Runtime, Worker
from tandem_matching.service.relationships import complete_due
from tandem_matching.settings import MatchingSettings

log = logging.getLogger(__name__)


class Idle:
    """A worker switched off by settings: waits to be stopped."""

    def __init__(self) -> None:
        self._stop = asyncio.Event()

    async def run(self) -> None:
        await self._stop.wait()

    def stop(self) -> None:
        self._stop.set()


class CompletionWorker:
    """Completes active relationships once their programme has ended (no one acts).

    Each pass completes everything due, in batches of one transaction each, then
    sleeps ``completion_interval_seconds``. Safe with several replicas: every
    completion is a conditional update.
    """

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        self._settings: MatchingSettings = runtime.settings  # type: ignore[assignment]
        self._stop = asyncio.Event()

    async def run(self) -> None:
        while not self._stop.is_set():
            total = 0
            while not self._stop.is_set():
                done = await complete_due(self._runtime.database, self._settings.today())
                total += done
                if done == 0:
                    break
            if total:
                log.info("completed %d relationships at their programme's end", total)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self._stop.wait(), self._settings.completion_interval_seconds
                )

    def stop(self) -> None:
        self._stop.set()


def completion_worker(runtime: Runtime) -> Worker:
    settings: MatchingSettings = runtime.settings  # type: ignore[assignment]
    return CompletionWorker(runtime) if settings.completion_enabled else Idle()
