"""``bench/analytics.py --part dashboard``: a programme's dashboard read, as the read models grow.

One programme of ``--relationships`` relationships (``bench/analytics_world.py``) is
written into analytics' read models up to each of ``--dashboard-events`` (100,000, then
1,000,000), and after each size GET /v1/programmes/{id}/dashboard is timed ``--reads``
times through the real ASGI app with a manager's token (after a few untimed warm-up
reads). The read models are written IN-PROCESS, not through the broker: a million events
through Kafka and the consumer loop take longer than this bench may. Each event goes to
analytics' own production handler (``consumers.build_handlers``, the one the consumer
loop calls: the event kept, the read models folded), ``FILL_BATCH`` events per
transaction and without the inbox row (the loop's own cost, measured by ``--part
backlog``, which also times the dashboard after its broker-filled 100,000 events).
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.analytics_world import NOW, mixed
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import parse_event
from tandem_kit.clock import ManualClock
from tandem_kit.kafka import HandlerContext
from tandem_kit.testing import RunningApp, isolated_settings, run_app

FILL_BATCH = 1000
WARM_UP = 5


async def time_reads(
    running: RunningApp[AnalyticsSettings], programme: uuid.UUID, reads: int
) -> dict[str, Any]:
    """``reads`` timed GETs of the programme's dashboard (ms): p50, p99, max and the body's
    relationship count (a check that the figures cover the programme)."""
    headers = running.bearer("bench-manager", manager=[programme])
    path = f"/v1/programmes/{programme}/dashboard"
    body: dict[str, Any] = {}
    for _ in range(WARM_UP):
        response = await running.client.get(path, headers=headers)
        response.raise_for_status()
        body = response.json()
    took = []
    for _ in range(reads):
        began = time.perf_counter()
        response = await running.client.get(path, headers=headers)
        took.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
    took.sort()
    return {
        "p50_ms": statistics.median(took),
        "p99_ms": took[min(len(took) - 1, round(0.99 * (len(took) - 1)))],
        "max_ms": took[-1],
        "relationships": body.get("relationships"),
        "weeks": len(body.get("messages_per_week", [])),
    }


async def _fill(
    running: RunningApp[AnalyticsSettings],
    programme: uuid.UUID,
    r: int,
    span: int,
    events: range,
) -> int:
    """The stream's ``events`` through analytics' own handlers, in-process."""
    written = 0
    batch = []
    for envelope in mixed(programme, r, span, skip=events.start, stop=events.stop):
        batch.append(envelope)
        if len(batch) >= FILL_BATCH:
            written += await _apply(running, batch)
            batch = []
    return written + await _apply(running, batch)


async def _apply(running: RunningApp[AnalyticsSettings], batch: list[Any]) -> int:
    async with running.runtime.database.transaction() as session:
        for envelope in batch:
            event = parse_event(envelope.type, envelope.data)
            await running.handlers[envelope.type](event, HandlerContext(session, envelope))
    return len(batch)


async def dashboard_figures(
    relationships: int, sizes: list[int], reads: int, database_url: str | None
) -> dict[str, Any]:
    programme = uuid.uuid4()
    span = max(sizes)
    steps = []
    with tempfile.TemporaryDirectory() as folder:
        overrides = {"database_url": database_url} if database_url else {}
        settings = isolated_settings(AnalyticsSettings, Path(folder), **overrides)
        app = create_app(settings, clock=ManualClock(NOW))
        async with run_app(app, settings, definition=DEFINITION) as running:
            done = 0
            for size in sorted(sizes):
                began = time.perf_counter()
                done += await _fill(running, programme, relationships, span, range(done, size))
                filled = time.perf_counter() - began
                steps.append(
                    {
                        "events": done,
                        "fill_s": filled,
                        **await time_reads(running, programme, reads),
                    }
                )
    return {"relationships": relationships, "reads": reads, "steps": steps}
