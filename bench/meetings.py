"""Meetings benchmarks; figures printed, nothing asserted on time.

    uv run python bench/meetings.py --part slots [--searches 300] [--groups 20]

``--part slots``: slot search (``tandem_meetings.domain.slots.find_slots``) for a group of
10 members in 5 time zones (Lisbon, Athens, New York, Sydney, Kolkata: both hemispheres'
daylight-saving switches fall inside the window) over an 8-week window, each member with
200 busy intervals, 15-minute steps, the mentor and everyone required. ``--groups``
different random groups (fixed seed) are searched in turn; every search's window starts a
few minutes later than the last one's, so no per-query cache answers. Prints p50, p95 and
max per search (warm: the zones' transitions for the years are cached, as in a running
service), the first (cold) search, the slots found, and the peak memory of one search
(tracemalloc, measured in a separate run because tracing slows everything).
Target: p95 at most 20 ms.

    uv run python bench/meetings.py --part feed [--meetings 200] [--fetches 200]

``--part feed``: one person's calendar feed through the API, rendered cold, served from
the body cache and answered 304 (``bench/meetings_feed.py`` says how).

    uv run python bench/meetings.py --part broker [--relationships 10000] [--database postgres]

``--part broker``: ``relationship.started`` through the real Kafka broker, planned by the
meetings consumer beside the raw consume rate of the same events (``bench/meetings_broker.py``
says how). Target: at least 300 relationships per second.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time as clock
import tracemalloc
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.meetings_broker import broker_figures, child_main, print_broker
from bench.meetings_feed import feed_bench
from tandem_contracts.common import Role
from tandem_meetings.domain.slots import (
    MeetingHours,
    MemberCalendar,
    SlotQuery,
    WeeklyWindow,
    find_slots,
)

ZONES = ("Europe/Lisbon", "Europe/Athens", "America/New_York", "Australia/Sydney", "Asia/Kolkata")
WINDOW_START = datetime(2027, 3, 1, tzinfo=UTC)  # EU, US and Sydney switch in these 8 weeks
WEEKS = 8
BUSY_PER_MEMBER = 200


def _member(rng: random.Random, index: int) -> MemberCalendar:
    # broad days (an early start and a late end, different per member) and a quiet Sunday
    first, last = rng.choice([6, 7]), rng.choice([22, 23])
    availability = tuple(
        WeeklyWindow(day, time(first), time(last if day < 6 else 12)) for day in range(7)
    )
    span = WEEKS * 7 * 24 * 60
    busy = []
    for _ in range(BUSY_PER_MEMBER):
        start = WINDOW_START + timedelta(minutes=rng.randrange(0, span, 5))
        busy.append((start, start + timedelta(minutes=rng.choice([30, 45, 60, 90]))))
    return MemberCalendar(
        participant_id=uuid.UUID(int=rng.getrandbits(128)),
        role=Role.MENTOR if index == 0 else Role.MENTEE,
        label="the mentor" if index == 0 else f"mentee {index}",
        time_zone=ZONES[index % len(ZONES)],
        availability=availability,
        busy=tuple(sorted(busy)),
    )


def _query(members: tuple[MemberCalendar, ...], shift_minutes: int) -> SlotQuery:
    start = WINDOW_START + timedelta(minutes=shift_minutes)
    return SlotQuery(
        members=members,
        window_start=start,
        window_end=start + timedelta(weeks=WEEKS),
        duration=timedelta(hours=1),
        now=start - timedelta(days=1),
        min_notice=timedelta(hours=24),
        buffer=timedelta(minutes=15),
        meeting_hours=MeetingHours(time(6), time(23)),
    )


def slot_search_figures(searches: int = 300, groups: int = 20) -> dict[str, float]:
    """Time ``searches`` searches over ``groups`` random groups; figures in ms and MiB."""
    rng = random.Random(11)
    group_list = [tuple(_member(rng, i) for i in range(10)) for _ in range(groups)]
    began = clock.perf_counter()
    first = find_slots(_query(group_list[0], 0))
    cold_ms = (clock.perf_counter() - began) * 1000
    timings: list[float] = []
    cpu: list[float] = []
    found = empty = 0
    for n in range(searches):
        query = _query(group_list[n % groups], n % 97)
        began, began_cpu = clock.perf_counter(), clock.thread_time()
        search = find_slots(query)
        cpu.append((clock.thread_time() - began_cpu) * 1000)
        timings.append((clock.perf_counter() - began) * 1000)
        found += len(search.slots)
        empty += not search.slots
    tracemalloc.start()
    find_slots(_query(group_list[1], 3))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    cpu.sort()
    return {
        "cpu_p50_ms": statistics.median(cpu),
        "cpu_p95_ms": cpu[int(0.95 * (len(cpu) - 1))],
        "without_slot": float(empty),
        "searches": float(searches),
        "cold_ms": cold_ms,
        "p50_ms": statistics.median(timings),
        "p95_ms": timings[int(0.95 * (len(timings) - 1))],
        "max_ms": timings[-1],
        "slots_per_search": found / searches,
        "first_search_slots": float(len(first.slots)),
        "peak_mib": peak / 2**20,
    }


def _print_slots(figures: dict[str, float]) -> None:
    print("slot search, 10 members in 5 zones, 8 weeks, 200 busy intervals each, 15-min steps:")
    print(f"  searches           {int(figures['searches'])}")
    print(f"  p50                {figures['p50_ms']:.2f} ms")
    print(f"  p95                {figures['p95_ms']:.2f} ms   (target <= 20 ms)")
    print(f"  max                {figures['max_ms']:.2f} ms")
    print(
        f"  CPU time p50 / p95 {figures['cpu_p50_ms']:.2f} / {figures['cpu_p95_ms']:.2f} ms"
        "   (this thread only: what other processes on the machine do not inflate)"
    )
    print(f"  first search, cold {figures['cold_ms']:.2f} ms   (zones' transitions not cached)")
    print(f"  slots per search   {figures['slots_per_search']:.2f}")
    print(f"  searches with none {int(figures['without_slot'])} (answered with blockers)")
    print(f"  peak memory        {figures['peak_mib']:.2f} MiB per search (tracemalloc)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=["slots", "feed", "broker", "broker-child"], default="slots"
    )
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--fetches", type=int, default=200)
    parser.add_argument("--relationships", type=int, default=10_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--traced", action="store_true", help="also trace allocations (slower: rates are lower)"
    )
    parser.add_argument(
        "--profile", help="write the planned child's cProfile here (slower: rates are lower)"
    )
    parser.add_argument("--job", help=argparse.SUPPRESS)  # one consuming child's work
    arguments = parser.parse_args(argv)
    if arguments.part == "slots":
        _print_slots(slot_search_figures(arguments.searches, arguments.groups))
    elif arguments.part == "feed":
        feed_bench(arguments.meetings, arguments.fetches)
    elif arguments.part == "broker":
        print_broker(
            broker_figures(
                arguments.relationships,
                arguments.database,
                traced=arguments.traced,
                profile=arguments.profile,
            )
        )
    else:
        child_main(arguments.job)


if __name__ == "__main__":
    main()
