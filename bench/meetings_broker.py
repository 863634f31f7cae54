"""``bench/meetings.py --part broker``: relationship.started through the real broker.

The parent process starts (or finds) the local Kafka, publishes a programme and
``2 × relationships`` participants (``bench/meetings_broker_setup.py``), lets the meetings
app's own consumer take them in (its production path: runs of contacts and of profiles in
one transaction each, ``service/participants.py``; timed apart, not in the figure), then
publishes ``relationships``
``relationship.started`` events (real topics, real CloudEvents envelopes). Two child
processes then consume those same events with the kit's consumer loop as the service runs
it (``run_consumers``): the meetings handlers (``planned``: relationship, plan, the
kick-off's three proposals, their mail, the mentee's goals) and the same handler set made
no-ops (``raw``: the loop, the envelope, the inbox row and the offsets alone). Both take the
starts in batches (``Handlers.on_batch``, up to ``consumer_batch_size`` per transaction:
the raw run's no-op batch handler keeps its inbox transactions the planned run's). Each
child polls its database until every start's inbox row is there (the effect commits with
it), and reports the rate from its first stored start to the last, its CPU time and its
own peak RSS (``VmHWM``: ``ru_maxrss`` keeps the forked parent's high-water mark across
``exec`` on Linux, so it reported the parent's). ``--profile FILE`` writes the planned
child's cProfile (slower).
"""

from __future__ import annotations

import asyncio
import json
import resource
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import func, select

from bench.child_process import spawn
from bench.meetings_broker_setup import (
    NOW,
    commit_at,
    end_offsets,
    people,
    programme_created,
    publish,
    starts,
)
from tandem_contracts import Event
from tandem_contracts.base import EVENT_TYPES
from tandem_contracts.matching import RelationshipStarted
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.clock import ManualClock
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka import BatchContext, HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_kit.testing import isolated_settings, run_app
from tandem_meetings.adapters.tables import plan_proposals
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.settings import MeetingsSettings

NOW_CLOCK = ManualClock(NOW)
STARTED = RelationshipStarted.event_type


# --- one consuming process -------------------------------------------------------------------


def _noop_handlers(runtime: Runtime[MeetingsSettings]) -> Handlers:
    """The meetings handler set with every handler doing nothing (the raw consume rate)."""
    real = DEFINITION.handlers(runtime) if DEFINITION.handlers is not None else Handlers()

    async def nothing(event: Event, hc: HandlerContext) -> None:
        return None

    async def nothing_at_all(events: Sequence[Event], bc: BatchContext) -> None:
        return None

    noop = Handlers()
    for event_type in real:
        noop.on(EVENT_TYPES[event_type], nothing)
    # batched as the real ones are: the same inbox transactions, so the same loop cost
    for event_type in real.batches:
        noop.on_batch(EVENT_TYPES[event_type], nothing_at_all)
    return noop


async def _inbox_count(runtime: Runtime[Any], event_type: str | None) -> int:
    query = select(func.count()).select_from(inbox_table)
    if event_type is not None:
        query = query.where(inbox_table.c.event_type == event_type)
    async with runtime.database.transaction() as session:
        return int(await session.scalar(query) or 0)


async def consume(job: dict[str, Any]) -> dict[str, Any]:
    """Run the app's consumer until ``job['expect']`` inbox rows (of ``job['type']``) exist."""
    folder = Path(job["folder"])
    overrides: dict[str, Any] = {
        "kafka_bootstrap_servers": job["bootstrap"],
        "run_consumers": True,
        "kafka_consumer_group": job["group"],
    }
    if job["database_url"]:
        overrides["database_url"] = job["database_url"]
    settings = isolated_settings(MeetingsSettings, folder, **overrides)
    app = _raw_app(settings) if job["mode"] == "raw" else create_app(settings, clock=NOW_CLOCK)
    if job["traced"]:
        tracemalloc.start()
    began = time.perf_counter()
    cpu_began = time.process_time()
    first: float | None = None
    async with run_app(app, settings) as running:
        while True:
            found = await _inbox_count(running.runtime, job["type"])
            if found and first is None:
                first = time.perf_counter()
            if found >= job["expect"]:
                break
            # a count scans the inbox, on the consumer's own database: not too often
            await asyncio.sleep(0.25)
        done = time.perf_counter()
        cpu = time.process_time() - cpu_began
        proposals = 0
        if job["mode"] == "planned":
            async with running.runtime.database.transaction() as session:
                counted = await session.scalar(select(func.count()).select_from(plan_proposals))
                proposals = int(counted or 0)
    peak_traced = tracemalloc.get_traced_memory()[1] if job["traced"] else 0
    return {
        "seconds_from_first": done - (first or began),
        "seconds_from_start": done - began,
        "cpu_seconds": cpu,
        "proposals": proposals,
        "max_rss_mib": _own_peak_rss_mib(),
        "traced_peak_mib": peak_traced / 2**20,
    }


def _raw_app(settings: MeetingsSettings) -> FastAPI:
    return kit_create_app(replace(DEFINITION, handlers=_noop_handlers), settings, clock=NOW_CLOCK)


def _own_peak_rss_mib() -> float:
    """This process's own peak RSS. ``ru_maxrss`` survives ``exec`` on Linux (the kernel
    keeps the forked copy of the parent's high-water mark), so a child started from a big
    parent would report the parent's peak; ``VmHWM`` belongs to this address space only."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_main(job_json: str) -> None:
    job = json.loads(job_json)
    if not job.get("profile"):
        print(json.dumps(asyncio.run(consume(job))))
        return
    import cProfile

    profiler = cProfile.Profile()
    figures = profiler.runcall(asyncio.run, consume(job))
    profiler.dump_stats(job["profile"])
    print(json.dumps(figures))


def _spawn(job: dict[str, Any]) -> dict[str, Any]:
    return spawn("meetings.py", "broker-child", job)


# --- the parent ------------------------------------------------------------------------------


def broker_figures(
    relationships: int, database: str, *, traced: bool = False, profile: str | None = None
) -> dict[str, Any]:
    from tests.support.infra import create_postgres_database, ensure_kafka, ensure_postgres

    bootstrap = ensure_kafka()
    n = relationships

    def url() -> str | None:
        if database != "postgres":
            return None
        return asyncio.run(create_postgres_database(ensure_postgres()))

    programme = uuid.uuid4()
    people_events, members = people(programme, 2 * n)
    started = starts(programme, members, n)
    run = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as raw_folder, tempfile.TemporaryDirectory() as folder:
        before_people = asyncio.run(end_offsets(bootstrap))
        world = [programme_created(programme), *people_events]
        people_seconds = asyncio.run(publish(bootstrap, world))
        before_starts = asyncio.run(end_offsets(bootstrap))
        planned_group = f"tandem.bench-planned-{run}"
        asyncio.run(commit_at(bootstrap, planned_group, before_people))
        planned_url = url()
        base = {"bootstrap": bootstrap, "traced": traced}
        # The programme and its people first (not timed), in the database the planned run uses.
        setup = _spawn(
            {
                **base,
                "mode": "planned",
                "folder": folder,
                "database_url": planned_url,
                "group": planned_group,
                "type": None,
                "expect": 1 + len(people_events),
                "traced": False,
            }
        )
        starts_seconds = asyncio.run(publish(bootstrap, started))
        raw_group = f"tandem.bench-raw-{run}"
        asyncio.run(commit_at(bootstrap, raw_group, before_starts))
        raw = _spawn(
            {
                **base,
                "mode": "raw",
                "folder": raw_folder,
                "database_url": url(),
                "group": raw_group,
                "type": STARTED,
                "expect": n,
            }
        )
        planned = _spawn(
            {
                **base,
                "mode": "planned",
                "folder": folder,
                "database_url": planned_url,
                "group": planned_group,
                "type": STARTED,
                "expect": n,
                "profile": profile,
            }
        )
    return {
        "relationships": n,
        "database": database,
        "published_people_s": people_seconds,
        "published_starts_s": starts_seconds,
        "people_consumed_s": setup["seconds_from_start"],
        "setup": setup,
        "raw": raw,
        "planned": planned,
    }


def print_broker(f: dict[str, Any]) -> None:
    n = f["relationships"]
    raw, planned = f["raw"], f["planned"]
    raw_rate = n / raw["seconds_from_first"]
    rate = n / planned["seconds_from_first"]
    print(f"relationship.started through the real broker, {n} pairs, {f['database']}:")
    print(
        f"  published: {2 * n} participants (contacts + profiles) in "
        f"{f['published_people_s']:.1f} s, {n} starts in {f['published_starts_s']:.1f} s;"
        f" people consumed in {f['people_consumed_s']:.1f} s, CPU {f['setup']['cpu_seconds']:.1f} s"
        " (not in the figures)"
    )
    for label, run, figure in (("raw (no-op handlers)", raw, raw_rate), ("planned", planned, rate)):
        print(
            f"  {label:22} {figure:8.0f} /s   {run['seconds_from_first']:6.1f} s from the first "
            f"stored start ({run['seconds_from_start']:.1f} s with start-up and group join), "
            f"CPU {run['cpu_seconds']:.1f} s ({run['cpu_seconds'] / n * 1000:.2f} ms each), "
            f"peak RSS {run['max_rss_mib']:.0f} MiB"
            + (f", tracemalloc {run['traced_peak_mib']:.0f} MiB" if run["traced_peak_mib"] else "")
        )
    print(f"  planned / raw          {rate / raw_rate:8.2f}   (target: planned >= 300 /s)")
    print(f"  kick-offs with 3 proposals: {planned['proposals'] / 3 / n:.0%}")
