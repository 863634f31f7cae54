"""Local wall clocks as exact UTC arithmetic, for every IANA zone (pure).

Instants are integer seconds since the Unix epoch (UTC). A zone is read as a list of
*segments*: stretches of real time during which its UTC offset is constant. Knowing the
segments, "the instants at which a member's wall clock reads 09:00–12:00 on Monday" is a
subtraction per segment, exact whatever the offset (+05:45, +12:45, -03:30) and whatever
the shift (one hour, Lord Howe's thirty minutes, Samoa's skipped day).

The one rule for gaps and folds (documented once, applied everywhere): **an instant belongs
to a local window iff the member's wall clock at that instant reads a time inside it.**
So a wall time that does not exist (the spring-forward gap) is never read and a window that
starts inside the gap starts at the transition itself: 02:30–05:00 on the day New York
jumps from 02:00 to 03:00 is 07:00–09:00 UTC, two real hours, and 09:00–12:00 across a
gap is as many real hours as the clock shows. A wall time that repeats (the fall-back
fold) is read twice, and both passes belong to the window: 00:30–01:30 on the day New York
repeats 01:00–02:00 is 05:30–06:30 UTC plus 06:00–06:30 UTC, which merge into one hour and a
half. This is exactly what a person checking their own clock minute by minute would say.

Transitions are found once per zone and year by sampling the offset every three hours and
bisecting each change to the second (cached): tzdata never changes a zone's offset twice
within three hours.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

DAY = 86_400
_SAMPLE = 3 * 3_600
_EPOCH_WEEKDAY = 3  # 1970-01-01 was a Thursday (Monday = 0)

Interval = tuple[int, int]  # [start, end) in seconds since the epoch


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The zone called ``name`` (``ZoneInfoNotFoundError``, a ``KeyError``, if unknown)."""
    return ZoneInfo(name)


def offset_at(zone_name: str, instant: int) -> int:
    """The zone's UTC offset, in seconds, at ``instant``."""
    offset = datetime.fromtimestamp(instant, zone(zone_name)).utcoffset()
    assert offset is not None  # a ZoneInfo always has an offset
    return int(offset.total_seconds())


@lru_cache(maxsize=8192)
def _transitions_in_year(zone_name: str, year: int) -> tuple[tuple[int, int], ...]:
    """``(instant, offset after)`` for every offset change during the UTC year ``year``."""
    lo = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    hi = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    found: list[tuple[int, int]] = []
    # from one sample before the year, so that a change at its very first second is seen
    before = lo - _SAMPLE
    previous = offset_at(zone_name, before)
    for sample in range(lo, hi + _SAMPLE, _SAMPLE):
        at = min(sample, hi)
        current = offset_at(zone_name, at)
        if current != previous:
            # bisect to the first second with the new offset
            a, b = before, at
            while b - a > 1:
                middle = (a + b) // 2
                if offset_at(zone_name, middle) == previous:
                    a = middle
                else:
                    b = middle
            if lo <= b < hi:
                found.append((b, current))
            previous = current
        before = at
    return tuple(found)


@lru_cache(maxsize=4096)
def segments(zone_name: str, lo: int, hi: int) -> tuple[tuple[int, int, int], ...]:
    """``(start, end, offset)`` stretches of constant offset covering ``[lo, hi)``."""
    if hi <= lo:
        return ()
    first_year = datetime.fromtimestamp(lo, UTC).year
    last_year = datetime.fromtimestamp(hi, UTC).year
    changes = [
        change
        for year in range(first_year, last_year + 1)
        for change in _transitions_in_year(zone_name, year)
        if lo < change[0] < hi
    ]
    result: list[tuple[int, int, int]] = []
    start, offset = lo, offset_at(zone_name, lo)
    for at, after in changes:
        result.append((start, at, offset))
        start, offset = at, after
    result.append((start, hi, offset))
    return tuple(result)


def weekday_of_day(day: int) -> int:
    """Monday = 0 for the day number ``day`` (days since 1970-01-01)."""
    return (day + _EPOCH_WEEKDAY) % 7


def wall_to_utc(
    zone_name: str,
    lo: int,
    hi: int,
    wall_minutes_by_weekday: tuple[tuple[Interval, ...], ...],
) -> list[Interval]:
    """The instants in ``[lo, hi)`` whose wall clock reads inside the weekly pattern.

    ``wall_minutes_by_weekday[w]`` holds ``[a, b)`` minute-of-day intervals (0..1440) for
    weekday ``w``. The result is sorted and merged (touching intervals join, so a window
    ending at 24:00 and the next day's starting at 00:00 are one stretch).
    """
    pieces: list[Interval] = []
    for seg_start, seg_end, offset in segments(zone_name, lo, hi):
        wall_lo, wall_hi = seg_start + offset, seg_end + offset
        for day in range(wall_lo // DAY, (wall_hi - 1) // DAY + 1):
            midnight = day * DAY
            for a, b in wall_minutes_by_weekday[weekday_of_day(day)]:
                start = max(midnight + a * 60, wall_lo)
                end = min(midnight + b * 60, wall_hi)
                if start < end:
                    pieces.append((start - offset, end - offset))
    return merge(pieces)


def merge(intervals: list[Interval]) -> list[Interval]:
    """Sorted, disjoint, with touching and overlapping intervals joined."""
    intervals.sort()
    merged: list[Interval] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def subtract(base: list[Interval], holes: list[Interval]) -> list[Interval]:
    """``base`` minus ``holes`` (both sorted and merged)."""
    result: list[Interval] = []
    j = 0
    for start, end in base:
        while j < len(holes) and holes[j][1] <= start:
            j += 1
        k = j
        cursor = start
        while k < len(holes) and holes[k][0] < end:
            if holes[k][0] > cursor:
                result.append((cursor, holes[k][0]))
            cursor = max(cursor, holes[k][1])
            k += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """The instants in both ``a`` and ``b`` (both sorted and merged)."""
    result: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return result


def to_seconds(moment: datetime) -> float:
    """An aware datetime as seconds since the epoch (a naive one is refused)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone: times must be aware")
    return moment.timestamp()


def from_seconds(instant: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=instant)
