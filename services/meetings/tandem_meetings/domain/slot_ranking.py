"""Ranking free starts: fair to every member's local clock, then spread over the window.

**Discomfort of a slot.** For each attendee, on their own clock (the offset at the start):

- ``outside`` = minutes of the meeting outside their comfortable hours (the query's
  ``comfortable_hours``, by default the meeting hours less one hour at each end, e.g.
  09:00–20:00 for 08:00–21:00);
- ``drift`` = minutes between the meeting's middle and the middle of those hours;
- ``pain = outside + drift / 4`` (a minute outside weighs four minutes of drift).

``cost = max(pain) + mean(pain)`` over the attendees: the worst-off member counts most
(weight ``1 + 1/n``, everyone else ``1/n``), so a time that is lovely for four people and
07:00 for the fifth loses to one that is a little late for everyone. ``Slot.score`` is
``-cost`` (0 is perfect: everyone at the middle of their comfortable hours).

**Order.** With a quorum of k mentees, fewer missing mentees always ranks first; then lower
cost; then earlier. **Choice of ``limit`` slots**, greedily: the next slot is the best
remaining one that overlaps no chosen slot and starts at least a day from each (relaxed
to "overlaps none" only when nothing a day apart is left); among equally good ones it takes
the one farthest from those already chosen (ties: the earliest). So three equally good
14:00s come out as the window's first, last and middle day, not three adjacent quarter
hours. Deterministic: no randomness, ties broken by time.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from tandem_contracts.common import Role
from tandem_meetings.domain.local_time import DAY, segments
from tandem_meetings.domain.slot_records import MINUTES_PER_DAY, SlotQuery
from tandem_meetings.domain.slot_space import Piece


@dataclass(frozen=True, slots=True)
class Ranked:
    """A chosen start (seconds) with who can come and its cost (see the module doc)."""

    start: int
    attendees: tuple[int, ...]
    missing: int
    cost: float


def _band(query: SlotQuery) -> tuple[float, float]:
    """The comfortable hours as ``[c0, c1)`` minutes, ``c1`` past 1440 when they wrap."""
    intervals = query.comfort.minute_intervals()
    if len(intervals) == 2:
        return float(intervals[1][0]), float(MINUTES_PER_DAY + intervals[0][1])
    return float(intervals[0][0]), float(intervals[0][1])


def pain(local_minute: float, duration: float, band: tuple[float, float]) -> float:
    """One member's pain for a meeting starting ``local_minute`` after their midnight."""
    c0, c1 = band
    end = local_minute + duration
    inside = 0.0
    for shift in (-MINUTES_PER_DAY, 0, MINUTES_PER_DAY):
        inside += max(0.0, min(end, c1 + shift) - max(local_minute, c0 + shift))
    middle = local_minute + duration / 2
    centre = (c0 + c1) / 2
    drift = min(abs(middle - (centre + shift)) for shift in (-MINUTES_PER_DAY, 0, MINUTES_PER_DAY))
    return (duration - inside) + drift / 4


# A candidate while ranking: (missing, cost, start, attendees). Plain tuples sort in the
# ranking's order by themselves (starts are unique), far cheaper than objects and a key.
Candidate = tuple[int, float, int, tuple[int, ...]]


def rank(query: SlotQuery, pieces: list[Piece]) -> list[Ranked]:
    """The ``query.limit`` best starts of ``pieces``, best first."""
    candidates = _scored(query, pieces)
    candidates.sort()
    chosen: list[Candidate] = []
    duration = query.duration_seconds
    while len(chosen) < query.limit:
        pick = _next(candidates, chosen, duration, DAY) or _next(candidates, chosen, duration, 0)
        if pick is None:
            break
        chosen.append(pick)
    return [Ranked(start, attendees, missing, cost) for missing, cost, start, attendees in chosen]


def _next(
    candidates: list[Candidate], chosen: list[Candidate], duration: int, apart: int
) -> Candidate | None:
    """The best candidate at least ``apart`` seconds (and one meeting) from every chosen."""
    if not chosen:
        return candidates[0] if candidates else None  # simply the best and earliest
    gap = max(apart, duration)
    taken = [c[2] for c in chosen]
    best: Candidate | None = None
    best_distance = -1
    for candidate in candidates:
        if best is not None and (candidate[0], candidate[1]) != (best[0], best[1]):
            break  # sorted: the rest are worse
        start = candidate[2]
        distance = min(abs(start - t) for t in taken)
        if distance < gap:
            continue
        if distance > best_distance:
            best, best_distance = candidate, distance
    return best


def _scored(query: SlotQuery, pieces: list[Piece]) -> list[Candidate]:
    """Every start of ``pieces`` with its cost; the cost is computed once per
    (UTC time of day, every attendee's offset, attendees), not once per start."""
    if not pieces:
        return []
    step = query.step_seconds
    duration_minutes = query.duration_seconds / 60
    band = _band(query)
    lo, hi = pieces[0][0] * step, pieces[-1][1] * step + 1
    zone_segments = [segments(member.time_zone, lo, hi) for member in query.members]
    # grid indices where some member's offset changes: pieces split there
    cuts = sorted({-(-seg[0] // step) for segs in zone_segments for seg in segs[1:]})
    mentees = sum(1 for member in query.members if member.role is Role.MENTEE)
    counts_mentees = query.quorum.min_mentees is not None
    # per (offsets, attendees): the cost by UTC second of the day
    cache: dict[tuple[tuple[int, ...], tuple[int, ...]], dict[int, float]] = {}
    scored: list[Candidate] = []
    for k0, k1, attendees in _split(pieces, cuts):
        offsets = tuple(_offset(zone_segments[i], k0 * step) for i in attendees)
        missing = 0
        if counts_mentees:
            present = sum(1 for i in attendees if query.members[i].role is Role.MENTEE)
            missing = mentees - present
        costs = cache.setdefault((offsets, attendees), {})
        for start in range(k0 * step, k1 * step, step):
            of_day = start % DAY
            cost = costs.get(of_day)
            if cost is None:
                cost = costs[of_day] = _cost(of_day, offsets, duration_minutes, band)
            scored.append((missing, cost, start, attendees))
    return scored


# Memoised across searches too (pure): the kick-offs of a batch meet the same times of
# day, offsets and band again and again, and ``pain`` is most of a small search's ranking.
@lru_cache(maxsize=65_536)
def _cost(
    of_day: int, offsets: tuple[int, ...], duration_minutes: float, band: tuple[float, float]
) -> float:
    """``max(pain) + mean(pain)`` of a start ``of_day`` seconds after UTC midnight."""
    pains = [pain(((of_day + offset) % DAY) / 60, duration_minutes, band) for offset in offsets]
    if not pains:
        return 0.0  # nobody attends: nothing hurts
    return round(max(pains) + sum(pains) / len(pains), 6)


def _split(pieces: list[Piece], cuts: list[int]) -> list[Piece]:
    result: list[Piece] = []
    for k0, k1, attendees in pieces:
        start = k0
        for cut in cuts[bisect_left(cuts, k0 + 1) :]:
            if cut >= k1:
                break
            result.append((start, cut, attendees))
            start = cut
        result.append((start, k1, attendees))
    return result


def _offset(segs: tuple[tuple[int, int, int], ...], instant: int) -> int:
    for seg_start, seg_end, offset in segs:
        if seg_start <= instant < seg_end:
            return offset
    return segs[-1][2]
