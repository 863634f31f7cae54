"""``bench/analytics.py --part backlog``: a backlog of mixed events through the real broker.

The parent starts (or finds) the local Kafka and publishes ``--events`` events of one
programme of ``--relationships`` relationships (``bench/analytics_world.py``: real topics,
real CloudEvents envelopes, the kit's producer as the outbox relay sends). Three child
processes then consume those same events, one after the other, each with its own group
started at the topics' offsets from before the publish:

- ``aiokafka``: a bare ``AIOKafkaConsumer`` (read_committed, ``getmany``) counting
  records: the raw rate the issue's target is a share of;
- ``noop``: the kit's consumer loop as the service runs it (``run_consumers``) with
  analytics' handler set made no-ops: the envelope, the inbox row and the offsets alone;
- ``analytics``: analytics' own consumer and production handlers (batch handlers for
  its high-volume types, one transaction per poll's records of a partition), which
  then also times the dashboard on the read models it filled
  (``bench/analytics_dashboard.py``'s ``time_reads``).

The kit's children poll their inbox until every event's row is there (the effect commits
with it); each reports its rate from the first stored event to the last, its CPU time and
its own peak RSS (``VmHWM``, as ``bench/meetings_broker.py`` explains).
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer

from bench.analytics_dashboard import time_reads
from bench.analytics_world import NOW, mixed
from bench.child_process import spawn
from bench.meetings_broker import _inbox_count, _own_peak_rss_mib
from bench.meetings_broker_setup import commit_at, end_offsets, publish
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Event
from tandem_contracts.base import EVENT_TYPES
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.clock import ManualClock
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_kit.testing import isolated_settings, run_app

TOPICS = list(DEFINITION.consumes)


def _noop_handlers(runtime: Runtime[AnalyticsSettings]) -> Handlers:
    """Analytics' handler set with every handler doing nothing (the loop's own cost)."""
    real = DEFINITION.handlers(runtime) if DEFINITION.handlers is not None else Handlers()

    async def nothing(event: Event, hc: HandlerContext) -> None:
        return None

    noop = Handlers()
    for event_type in real:
        noop.on(EVENT_TYPES[event_type], nothing)
    return noop


async def _bare(job: dict[str, Any]) -> dict[str, Any]:
    """Raw aiokafka: read ``expect`` records from the group's committed offsets."""
    consumer = AIOKafkaConsumer(
        *TOPICS,
        bootstrap_servers=job["bootstrap"],
        group_id=job["group"],
        enable_auto_commit=False,
        isolation_level="read_committed",
        auto_offset_reset="earliest",
    )
    began, cpu_began = time.perf_counter(), time.process_time()
    await consumer.start()
    first: float | None = None
    seen = first_batch = 0
    try:
        while seen < job["expect"]:
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            for records in batches.values():
                seen += len(records)
            if seen and first is None:
                first, first_batch = time.perf_counter(), seen
    finally:
        done = time.perf_counter()
        await consumer.stop()
    # A batch arrives whole: the rate counts the records after the first one, over the time
    # from the first batch to the last (the kit's children count from their first row).
    figures = _figures(began, first, done, cpu_began)
    figures["counted"] = seen - first_batch
    return figures


async def _kit(job: dict[str, Any]) -> dict[str, Any]:
    folder = Path(job["folder"])
    overrides: dict[str, Any] = {
        "kafka_bootstrap_servers": job["bootstrap"],
        "run_consumers": True,
        "kafka_consumer_group": job["group"],
    }
    if job["database_url"]:
        overrides["database_url"] = job["database_url"]
    settings = isolated_settings(AnalyticsSettings, folder, **overrides)
    clock = ManualClock(NOW)
    if job["mode"] == "noop":
        app = kit_create_app(replace(DEFINITION, handlers=_noop_handlers), settings, clock=clock)
    else:
        app = create_app(settings, clock=clock)
    began, cpu_began = time.perf_counter(), time.process_time()
    first: float | None = None
    async with run_app(app, settings) as running:
        while True:
            found = await _inbox_count(running.runtime, None)
            if found and first is None:
                first = time.perf_counter()
            if found >= job["expect"]:
                break
            await asyncio.sleep(0.25)  # a count scans the inbox: not too often
        figures = _figures(began, first, time.perf_counter(), cpu_began)
        if job["mode"] == "analytics" and job["reads"]:
            programme = uuid.UUID(job["programme"])
            figures["dashboard"] = await time_reads(running, programme, job["reads"])
    return figures


def _figures(began: float, first: float | None, done: float, cpu_began: float) -> dict[str, Any]:
    return {
        "seconds_from_first": done - (first or began),
        "seconds_from_start": done - began,
        "cpu_seconds": time.process_time() - cpu_began,
        "max_rss_mib": _own_peak_rss_mib(),
    }


def backlog_child(job_json: str) -> None:
    job = json.loads(job_json)
    run = _bare if job["mode"] == "aiokafka" else _kit
    print(json.dumps(asyncio.run(run(job))))


def _spawn(job: dict[str, Any]) -> dict[str, Any]:
    return spawn("analytics.py", "backlog-child", job)


def backlog_figures(
    events: int, relationships: int, database: str, reads: int, modes: Sequence[str]
) -> dict[str, Any]:
    from tests.support.infra import create_postgres_database, ensure_kafka, ensure_postgres

    bootstrap = ensure_kafka()

    def url() -> str | None:
        if database != "postgres":
            return None
        return asyncio.run(create_postgres_database(ensure_postgres()))

    programme = uuid.uuid4()
    run = uuid.uuid4().hex[:8]
    before = asyncio.run(end_offsets(bootstrap, TOPICS))
    published = asyncio.run(publish(bootstrap, mixed(programme, relationships, events)))
    figures: dict[str, Any] = {
        "events": events,
        "relationships": relationships,
        "database": database,
        "published_s": published,
    }
    for mode in modes:
        group = f"tandem.bench-analytics-{mode}-{run}"
        asyncio.run(commit_at(bootstrap, group, before))
        with tempfile.TemporaryDirectory() as folder:
            job = {
                "mode": mode,
                "bootstrap": bootstrap,
                "group": group,
                "folder": folder,
                "database_url": url() if mode != "aiokafka" else None,
                "expect": events,
                "programme": str(programme),
                "reads": reads,
            }
            figures[mode] = _spawn(job)
    return figures
