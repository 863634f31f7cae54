"""Analytics benchmarks (issue 12); figures printed, nothing asserted on time.

    uv run python bench/analytics.py [--part backlog|dashboard|e2e|all]

``--part backlog [--events 100000] [--relationships 10000] [--database sqlite|postgres]``:
a backlog of one programme's mixed events (registrations, starts, agreements, messages,
meetings scheduled and attended, goals, a few ends: ``bench/analytics_world.py``) through
the real broker into analytics' read models, beside raw aiokafka and the kit's loop with
no-op handlers consuming the same events in the same run (``bench/analytics_backlog.py``).
Target: analytics at least 50 % of the raw rate. The run then times the dashboard on the
read models the broker filled.

``--part dashboard [--dashboard-events 100000,1000000] [--reads 200]``: GET
/v1/programmes/{id}/dashboard through the ASGI app for a programme of 10,000
relationships after each event count; the read models are written in-process through
analytics' own handlers, not through the broker (``bench/analytics_dashboard.py``).
Target: p99 at most 50 ms, and no growth with the event count.

``--part e2e [--rate 100] [--seconds 30]``: messages posted over HTTP to messaging (its
relay on) until analytics, consuming in its own process, counts them
(``bench/analytics_e2e.py``). Target: p99 at most 1 s.

Every figure is printed with the machine's load average (``os.getloadavg``): the bench
shares its cores, and the targets that are ratios are measured within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.analytics_backlog import backlog_child, backlog_figures
from bench.analytics_dashboard import dashboard_figures
from bench.analytics_e2e import analytics_child, e2e_figures


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} cores"


def _reads(d: dict[str, Any]) -> str:
    return (
        f"p50 {d['p50_ms']:6.1f} ms  p99 {d['p99_ms']:6.1f} ms  max {d['max_ms']:6.1f} ms"
        f"  ({d['relationships']} relationships, {d['weeks']} weeks of messages)"
    )


def print_backlog(f: dict[str, Any]) -> None:
    n = f["events"]
    print(
        f"backlog: {n} mixed events, one programme of {f['relationships']} relationships, "
        f"{f['database']}, through the real broker ({_load()}):"
    )
    print(f"  published in {f['published_s']:.1f} s with the kit's producer")
    labels = {
        "aiokafka": "raw aiokafka",
        "noop": "kit loop, no-op handlers",
        "analytics": "analytics",
    }
    rates = {}
    for mode, label in labels.items():
        if mode not in f:
            continue
        run = f[mode]
        rates[mode] = run.get("counted", n) / run["seconds_from_first"]
        print(
            f"  {label:26} {rates[mode]:8.0f} /s  {run['seconds_from_first']:6.1f} s from the "
            f"first event ({run['seconds_from_start']:.1f} s with start-up and group join), "
            f"CPU {run['cpu_seconds']:.1f} s ({run['cpu_seconds'] / n * 1000:.2f} ms each), "
            f"peak RSS {run['max_rss_mib']:.0f} MiB"
        )
    if "analytics" in rates:
        for base in ("aiokafka", "noop"):
            # a run too small to time (every event in one fetch) has no rate to divide by
            if rates.get(base):
                print(
                    f"  analytics / {labels[base]:18} {rates['analytics'] / rates[base]:8.4f}"
                    + ("   (target: >= 0.50)" if base == "aiokafka" else "")
                )
        if "dashboard" in f["analytics"]:
            print(f"  dashboard after these {n} events: {_reads(f['analytics']['dashboard'])}")


def print_dashboard(f: dict[str, Any]) -> None:
    print(
        f"dashboard: one programme of {f['relationships']} relationships, {f['reads']} reads "
        "each through the ASGI app; read models written IN-PROCESS through analytics' own "
        f"handlers, not the broker ({_load()}):"
    )
    for step in f["steps"]:
        print(
            f"  after {step['events']:8} events (+{step['fill_s']:.0f} s to write): {_reads(step)}"
        )
    first, last = f["steps"][0], f["steps"][-1]
    print(
        f"  p99 growth {first['events']} -> {last['events']}: "
        f"{last['p99_ms'] / first['p99_ms']:.2f}x   (target: p99 <= 50 ms, no growth)"
    )


def print_e2e(f: dict[str, Any]) -> None:
    took = f["latencies_ms"]
    print(
        f"end to end: {f['messages']} messages posted to messaging at {f['rate']:.0f} /s "
        f"(took {f['posting_s']:.1f} s) until analytics counts them ({_load()}):"
    )
    if f["failed"]:
        print(f"  {f['failed']} posts failed (not 201): messaging did not keep up")
    if not took:
        print("  none counted")
        return
    p50, p99 = took[len(took) // 2], took[min(len(took) - 1, round(0.99 * (len(took) - 1)))]
    print(
        f"  counted {f['counted']} of {f['messages']}: p50 {p50:.0f} ms  p99 {p99:.0f} ms  "
        f"max {took[-1]:.0f} ms   (target: p99 <= 1000 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parts = ["backlog", "dashboard", "e2e", "all", "backlog-child", "e2e-child"]
    parser.add_argument("--part", choices=parts, default="all")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--relationships", type=int, default=10_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--dashboard-events", default="100000,1000000")
    parser.add_argument("--reads", type=int, default=200)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--job", help="(internal) a child's job, as JSON")
    args = parser.parse_args()
    if args.part == "backlog-child":
        backlog_child(args.job)
        return
    if args.part == "e2e-child":
        asyncio.run(analytics_child(args.job))
        return
    if args.part in ("backlog", "all"):
        modes = ("aiokafka", "noop", "analytics")
        print_backlog(
            backlog_figures(args.events, args.relationships, args.database, args.reads, modes)
        )
    if args.part in ("dashboard", "all"):
        sizes = [int(size) for size in args.dashboard_events.split(",")]
        url = None
        if args.database == "postgres":
            from tests.support.infra import create_postgres_database, ensure_postgres

            url = asyncio.run(create_postgres_database(ensure_postgres()))
        print_dashboard(asyncio.run(dashboard_figures(args.relationships, sizes, args.reads, url)))
    if args.part in ("e2e", "all"):
        from tests.support.infra import ensure_kafka  # before the loop: it runs one itself

        print_e2e(asyncio.run(e2e_figures(ensure_kafka(), args.rate, args.seconds)))


if __name__ == "__main__":
    main()
