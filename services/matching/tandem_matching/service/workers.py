"""Periodic work that runs beside the API: completing relationships at programme end."""

from __future__ import annotations

import logging
from datetime import datetime

from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_matching.service.context import Context
from tandem_matching.service.relationships import complete_due
from tandem_matching.settings import MatchingSettings

log = logging.getLogger(__name__)


class CompletionWorker(PeriodicWorker):
    """Completes active relationships once their programme has ended (no one acts).

    Each tick completes one batch in one transaction; while a batch completed some,
    the next follows at once, then it sleeps ``completion_interval_seconds``. Safe with
    several replicas: every completion is a conditional update.
    """

    def __init__(self, runtime: Runtime[MatchingSettings]) -> None:
        super().__init__(
            "relationship-completion",
            runtime.settings.completion_interval_seconds,
            clock=runtime.clock,
        )
        self._ctx = Context.of(runtime)

    async def tick(self, now: datetime) -> int:
        done = await complete_due(self._ctx, now)
        if done:
            log.info("completed %d relationships at their programme's end", done)
        return done
