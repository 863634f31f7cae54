"""The search space as interval arithmetic (pure): each member's free time in UTC, then the
candidate starts everyone (or the quorum) shares.

Per member: the wall-clock pattern (availability ∩ meeting hours, per weekday) becomes UTC
intervals through ``local_time.wall_to_utc``; a free interval ``[f0, f1)`` admits the grid
starts ``s`` with ``f0 <= s <= f1 - duration``, and a busy interval ``[b0, b1)`` widened by
the buffer forbids the starts with ``b0 - buffer - duration < s < b1 + buffer``. Each is one
range of grid indices (``s = k * step``), so a member's possible starts are computed from a
few hundred ranges, never by walking minutes, and are held as a bit set over the window's
grid (bit ``k - base``: 5,376 bits for 8 weeks of quarter hours). Members then combine by
``&``, and the blockers' what-if questions (without the notice, without someone's busy
times) cost a few big-integer operations each.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from tandem_contracts.common import Role
from tandem_meetings.domain.local_time import Interval, intersect, merge, to_seconds, wall_to_utc
from tandem_meetings.domain.slot_records import (
    MeetingHours,
    MemberCalendar,
    SlotQuery,
    WeeklyWindow,
)

# [k0, k1) grid indices, and the indices (in query.members) of who can come
Piece = tuple[int, int, tuple[int, ...]]

_RUN = re.compile("1+")


def weekly_pattern(
    member: MemberCalendar, hours: MeetingHours | None
) -> tuple[tuple[Interval, ...], ...]:
    """Per weekday, the member's available minutes of the day (within ``hours`` if given)."""
    return _pattern(member.availability, hours)


# Memoised (pure, of hashable records): a batch of kick-offs asks the same few
# availabilities over the same few windows again and again.
@lru_cache(maxsize=4096)
def _pattern(
    availability: tuple[WeeklyWindow, ...], hours: MeetingHours | None
) -> tuple[tuple[Interval, ...], ...]:
    allowed = list(hours.minute_intervals()) if hours is not None else [(0, 24 * 60)]
    pattern: list[tuple[Interval, ...]] = []
    for weekday in range(7):
        windows = [
            (window.start_minute, window.end_minute)
            for window in availability
            if window.weekday == weekday
        ]
        pattern.append(tuple(intersect(merge(windows), allowed)))
    return tuple(pattern)


def window_bounds(query: SlotQuery, *, notice: bool = True) -> Interval:
    """``[lo, hi)`` in seconds: a meeting must start at or after ``lo`` and end by ``hi``."""
    lo = to_seconds(query.window_start)
    if notice:
        lo = max(lo, to_seconds(query.now + query.min_notice))
    return math.ceil(lo), math.floor(to_seconds(query.window_end))


def open_times(
    member: MemberCalendar, hours: MeetingHours | None, bounds: Interval
) -> list[Interval]:
    """When the member's clock reads inside their availability (and ``hours``)."""
    return list(_open(member.time_zone, weekly_pattern(member, hours), bounds))


@lru_cache(maxsize=4096)
def _open(
    zone_name: str, pattern: tuple[tuple[Interval, ...], ...], bounds: Interval
) -> tuple[Interval, ...]:
    lo, hi = bounds
    return tuple(wall_to_utc(zone_name, lo, hi, pattern))


@lru_cache(maxsize=4096)
def _open_bits(
    zone_name: str,
    pattern: tuple[tuple[Interval, ...], ...],
    bounds: Interval,
    step: int,
    duration: int,
) -> int:
    """The starts whose meeting fits the open times (the bit set ``SearchSpace.of`` uses:
    ``base`` and ``size`` follow from the bounds, the step and the duration)."""
    base, size = _grid(bounds, step, duration)
    times = _open(zone_name, pattern, bounds)
    return to_bits([(-(-f0 // step), (f1 - duration) // step + 1) for f0, f1 in times], base, size)


def _grid(bounds: Interval, step: int, duration: int) -> tuple[int, int]:
    """``(base, size)``: the grid index of the window's first start, and how many starts."""
    lo, hi = bounds
    base = -(-lo // step)
    return base, max((hi - duration) // step + 1 - base, 0)


def to_bits(ranges: list[Interval], base: int, size: int) -> int:
    """Grid-index ranges as a bit set (bit ``k - base``), clipped to ``size`` bits.

    Each range is ``(1 << b) - (1 << a)``, summed: exact once the ranges are merged
    (disjoint), and cheaper than or-ing shifted masks."""
    bits = 0
    for k0, k1 in merge(ranges):
        a = k0 - base if k0 > base else 0
        b = k1 - base if k1 - base < size else size
        if a < b:
            bits += (1 << b) - (1 << a)
    return bits


def runs(bits: int, base: int) -> list[Interval]:
    """A bit set back to grid-index ranges ``[k0, k1)``, in order."""
    text = format(bits, "b")[::-1]
    return [(base + run.start(), base + run.end()) for run in _RUN.finditer(text)]


@dataclass(frozen=True, slots=True)
class SearchSpace:
    """One query's per-member sets of possible starts, computed once (see the module doc)."""

    query: SlotQuery
    base: int  # grid index of bit 0: the first start the window allows
    size: int  # bits: the starts the window allows, notice aside
    open: tuple[list[Interval], ...]  # clock inside availability and meeting hours (UTC)
    open_starts: tuple[int, ...]  # starts whose meeting fits ``open`` (busy times ignored)
    free_starts: tuple[int, ...]  # ... and touches no widened busy interval
    after_notice: int  # the starts the minimum notice allows

    @classmethod
    def of(cls, query: SlotQuery) -> SearchSpace:
        step, duration = query.step_seconds, query.duration_seconds
        bounds = window_bounds(query, notice=False)
        base, size = _grid(bounds, step, duration)
        hours = query.meeting_hours
        opened = tuple(open_times(m, hours, bounds) for m in query.members)
        open_starts = tuple(
            _open_bits(m.time_zone, weekly_pattern(m, hours), bounds, step, duration)
            for m in query.members
        )
        free_starts = tuple(
            bits & ~_busy_bits(member, query, base, size)
            for member, bits in zip(query.members, open_starts, strict=True)
        )
        first = -(-window_bounds(query)[0] // step)
        everything = (1 << size) - 1
        after_notice = everything & ~((1 << max(first - base, 0)) - 1)
        return cls(query, base, size, opened, open_starts, free_starts, after_notice)

    def starts(self, *, notice: bool = True, busy_of: Collection[int] | None = None) -> list[int]:
        """Each member's possible starts; ``busy_of`` limits whose busy times count (default
        everyone's); ``notice=False`` forgets the minimum notice."""
        result = []
        for index in range(len(self.query.members)):
            counts = busy_of is None or index in busy_of
            bits = self.free_starts[index] if counts else self.open_starts[index]
            result.append(bits & self.after_notice if notice else bits)
        return result

    def pieces(self, *, notice: bool = True, busy_of: Collection[int] | None = None) -> list[Piece]:
        """The starts the quorum shares, in pieces of constant attendance, in time order."""
        starts = self.starts(notice=notice, busy_of=busy_of)
        return combine(self.query, starts, self.base, self.size)


def _busy_bits(member: MemberCalendar, query: SlotQuery, base: int, size: int) -> int:
    step, duration, buffer = query.step_seconds, query.duration_seconds, query.buffer_seconds
    ranges = []
    for start, end in member.busy_seconds:
        b0, b1 = start - buffer, end + buffer
        if b0 < b1:  # an empty busy interval (start == end, no buffer) blocks nothing
            # starts s with s < b1 and s + duration > b0
            ranges.append(((b0 - duration) // step + 1, -(-b1 // step)))
    return to_bits(ranges, base, size)


def combine(query: SlotQuery, starts: list[int], base: int, size: int) -> list[Piece]:
    """The starts the quorum shares, from each member's bit set."""
    members = query.members
    everything = (1 << size) - 1
    needed = query.quorum.min_mentees
    if needed is None:
        common = everything
        for bits in starts:
            common &= bits
        everyone = tuple(range(len(members)))
        return [(k0, k1, everyone) for k0, k1 in runs(common, base)]
    mentors = [i for i, member in enumerate(members) if member.role is Role.MENTOR]
    mentees = [i for i, member in enumerate(members) if member.role is Role.MENTEE]
    if len(mentees) < needed:
        return []
    enough = everything & _at_least(needed, [starts[i] for i in mentees])
    for index in mentors:
        enough &= starts[index]
    if not enough:
        return []
    pieces: list[Piece] = []
    mentee_runs = [(i, runs(starts[i] & enough, base)) for i in mentees]
    for k0, k1, present in _attendance(runs(enough, base), mentee_runs):
        pieces.append((k0, k1, tuple(sorted([*mentors, *present]))))
    return pieces


def _at_least(needed: int, sets: list[int]) -> int:
    """The bits set in at least ``needed`` of ``sets`` (a bit-sliced counter)."""
    if needed <= 0:
        return -1
    # counts[j]: the bits set in at least j + 1 of the sets seen so far
    counts = [0] * needed
    for bits in sets:
        for j in range(needed - 1, 0, -1):
            counts[j] |= counts[j - 1] & bits
        counts[0] |= bits
    return counts[needed - 1]


def _attendance(enough: list[Interval], mentees: list[tuple[int, list[Interval]]]) -> list[Piece]:
    """Split the ``enough`` ranges where the set of mentees present changes (a sweep)."""
    inside = -1  # marks the ``enough`` ranges among the events
    events: list[tuple[int, int, int]] = []  # (at, +1 enter / -1 leave, who)
    for who, ranges in [(inside, enough), *mentees]:
        for k0, k1 in ranges:
            events.append((k0, 1, who))
            events.append((k1, -1, who))
    events.sort()
    active: set[int] = set()
    pieces: list[Piece] = []
    cursor = 0
    for at, change, who in events:
        if at > cursor and inside in active:
            pieces.append((cursor, at, tuple(sorted(active - {inside}))))
        cursor = at
        if change > 0:
            active.add(who)
        else:
            active.discard(who)
    return pieces
