"""The slot search's fast paths against the code they replaced, over the property tests'
random queries (random zones and dates centred on daylight-saving transitions).

- Ranking: candidates as plain tuples sorted by themselves, the cost memoised per
  (offsets, attendees) and second of the day, the first pick taken at once. The old
  ranking (objects sorted by a key, below as it was) must choose the same slots.
- The search space's memos (a member's weekly pattern, open times and open starts per zone,
  pattern and window; ``weekly_windows`` in the service): what ``SearchSpace.of`` holds
  must equal the unmemoised computation, asked twice (the second answer from the memo),
  and a caller changing what it got must not change the next answer.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings

from tandem_contracts.common import Role
from tandem_meetings.domain.availability import AvailabilityWindow
from tandem_meetings.domain.local_time import DAY, intersect, merge, segments, wall_to_utc
from tandem_meetings.domain.slot_ranking import Ranked, _band, pain, rank
from tandem_meetings.domain.slot_records import MeetingHours, MemberCalendar, SlotQuery
from tandem_meetings.domain.slot_space import Piece, SearchSpace, open_times, to_bits, window_bounds
from tandem_meetings.domain.slots import WeeklyWindow
from tandem_meetings.service.slots import weekly_windows
from tests.meetings.unit.test_slots_properties import queries

# --- the ranking as it was -------------------------------------------------------------


@dataclass(frozen=True)
class _Old:
    start: int
    attendees: tuple[int, ...]
    missing: int
    cost: float


def old_rank(query: SlotQuery, pieces: list[Piece]) -> list[_Old]:
    candidates = _old_scored(query, pieces)
    candidates.sort(key=lambda c: (c.missing, c.cost, c.start))
    chosen: list[_Old] = []
    duration = query.duration_seconds
    while len(chosen) < query.limit:
        pick = _old_next(candidates, chosen, duration, DAY) or _old_next(
            candidates, chosen, duration, 0
        )
        if pick is None:
            break
        chosen.append(pick)
    return chosen


def _old_next(candidates: list[_Old], chosen: list[_Old], duration: int, apart: int) -> _Old | None:
    gap = max(apart, duration)
    best: _Old | None = None
    best_distance = -1
    for candidate in candidates:
        if best is not None and (candidate.missing, candidate.cost) != (best.missing, best.cost):
            break
        distance = min((abs(candidate.start - c.start) for c in chosen), default=0)
        if chosen and distance < gap:
            continue
        if best is None or distance > best_distance:
            best, best_distance = candidate, distance
        if not chosen:
            break
    return best


def _old_scored(query: SlotQuery, pieces: list[Piece]) -> list[_Old]:
    if not pieces:
        return []
    step = query.step_seconds
    duration_minutes = query.duration_seconds / 60
    band = _band(query)
    lo, hi = pieces[0][0] * step, pieces[-1][1] * step + 1
    zone_segments = [segments(member.time_zone, lo, hi) for member in query.members]
    cuts = sorted({-(-seg[0] // step) for segs in zone_segments for seg in segs[1:]})
    mentees = sum(1 for member in query.members if member.role is Role.MENTEE)
    counts_mentees = query.quorum.min_mentees is not None
    cache: dict[tuple[int, tuple[int, ...], tuple[int, ...]], float] = {}
    scored: list[_Old] = []
    for k0, k1, attendees in _old_split(pieces, cuts):
        offsets = tuple(_old_offset(zone_segments[i], k0 * step) for i in attendees)
        missing = 0
        if counts_mentees:
            present = sum(1 for i in attendees if query.members[i].role is Role.MENTEE)
            missing = mentees - present
        for k in range(k0, k1):
            start = k * step
            key = (start % DAY, offsets, attendees)
            cost = cache.get(key)
            if cost is None:
                pains = [
                    pain(((start + offset) % DAY) / 60, duration_minutes, band)
                    for offset in offsets
                ] or [0.0]
                cost = round(max(pains) + sum(pains) / len(pains), 6)
                cache[key] = cost
            scored.append(_Old(start, attendees, missing, cost))
    return scored


def _old_split(pieces: list[Piece], cuts: list[int]) -> list[Piece]:
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


def _old_offset(segs: tuple[tuple[int, int, int], ...], instant: int) -> int:
    for seg_start, seg_end, offset in segs:
        if seg_start <= instant < seg_end:
            return offset
    return segs[-1][2]


# --- the search space as it was computed -------------------------------------------------


def _old_pattern(
    member: MemberCalendar, hours: MeetingHours | None
) -> tuple[tuple[tuple[int, int], ...], ...]:
    allowed = list(hours.minute_intervals()) if hours is not None else [(0, 24 * 60)]
    return tuple(
        tuple(
            intersect(
                merge(
                    [(w.start_minute, w.end_minute) for w in member.availability if w.weekday == d]
                ),
                allowed,
            )
        )
        for d in range(7)
    )


EXAMPLES = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@EXAMPLES
@given(queries())
def test_the_ranking_chooses_what_the_old_ranking_chose(query: SlotQuery) -> None:
    for notice in (True, False):  # the blockers' what-ifs rank nothing, but more pieces
        pieces = SearchSpace.of(query).pieces(notice=notice)
        old = [(c.start, c.attendees, c.missing, c.cost) for c in old_rank(query, pieces)]
        new = [(r.start, r.attendees, r.missing, r.cost) for r in rank(query, pieces)]
        assert new == old
        assert all(isinstance(r, Ranked) for r in rank(query, pieces))


@EXAMPLES
@given(queries())
def test_the_memoised_search_space_equals_the_computation(query: SlotQuery) -> None:
    step, duration = query.step_seconds, query.duration_seconds
    bounds = window_bounds(query, notice=False)
    lo, hi = bounds
    base = -(-lo // step)
    size = max((hi - duration) // step + 1 - base, 0)
    for _ in range(2):  # computed, then from the memo
        space = SearchSpace.of(query)
        for index, member in enumerate(query.members):
            times = wall_to_utc(member.time_zone, lo, hi, _old_pattern(member, query.meeting_hours))
            assert space.open[index] == times
            starts = [(-(-f0 // step), (f1 - duration) // step + 1) for f0, f1 in times]
            assert space.open_starts[index] == to_bits(starts, base, size)
            unbounded = wall_to_utc(member.time_zone, lo, hi, _old_pattern(member, None))
            assert open_times(member, None, bounds) == unbounded
        for opened in space.open:
            opened.append((0, 1))  # a caller's change stays its own


def test_weekly_windows_are_the_profiles_windows_on_the_wall_clock() -> None:
    windows = (AvailabilityWindow(0, 9 * 60, 12 * 60), AvailabilityWindow(4, 20 * 60, 24 * 60))
    found = weekly_windows(windows)
    assert [(w.weekday, w.start_minute, w.end_minute) for w in found] == [
        (0, 540, 720),
        (4, 1200, 1440),
    ]
    assert all(isinstance(w, WeeklyWindow) for w in found)
    assert weekly_windows(tuple(windows)) is found  # the same tuple back: the memo's point
