"""Slot search against a brute-force reference, over random zones and dates that cross
daylight-saving transitions.

The reference knows nothing of the search's interval arithmetic or of its zone segments:
for every candidate start on the step grid and for every minute of the meeting it converts
the instant to each member's local time with ``zoneinfo`` and checks every rule on that
minute (weekday and wall time inside an availability window, wall time inside the meeting
hours, the minute not touching a busy interval widened by the buffer), plus notice, window
and quorum. The search must answer exactly the same set of starts.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tandem_contracts.common import Role
from tandem_meetings.domain.slots import (
    MeetingHours,
    MemberCalendar,
    Quorum,
    SlotQuery,
    WeeklyWindow,
    find_slots,
    free_starts,
)

MINUTE = timedelta(minutes=1)

# zones with odd offsets, odd shifts, southern-hemisphere DST, skipped days, negative DST
ODD_ZONES = [
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "Asia/Kolkata",
    "Australia/Eucla",
    "Australia/Adelaide",
    "America/St_Johns",
    "Asia/Tehran",
    "Pacific/Auckland",
    "America/Santiago",
    "America/Asuncion",
    "Africa/Casablanca",
    "Europe/Dublin",
    "Antarctica/Troll",
    "America/Havana",
    "Pacific/Apia",
    "Europe/Lisbon",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Gaza",
]
ALL_ZONES = sorted(available_timezones())


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta | None:
    return instant.astimezone(zone).utcoffset()


@cache
def transitions(zone_name: str, year: int) -> tuple[datetime, ...]:
    """The zone's offset changes in ``year``, to the minute (the test's own finder)."""
    zone = ZoneInfo(zone_name)
    found: list[datetime] = []
    at = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while at < end:
        later = at + timedelta(hours=6)
        if _offset(zone, at) != _offset(zone, later):
            a, b = at, later
            while b - a > MINUTE:
                middle = a + (b - a) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= a:
                    middle = a + MINUTE
                if _offset(zone, middle) == _offset(zone, a):
                    a = middle
                else:
                    b = middle
            found.append(b)
        at = later
    return tuple(found)


def _minute_of_day(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def reference_starts(query: SlotQuery) -> set[datetime]:
    """Every fitting start, minute by minute (see the module doc)."""
    step = query.step
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    earliest = max(query.window_start, query.now + query.min_notice)
    first = epoch + step * -((epoch - earliest) // step)  # the first grid start >= earliest
    minutes = int(query.duration / MINUTE)
    hours_start = _minute_of_day(query.meeting_hours.start)
    hours_end = _minute_of_day(query.meeting_hours.end) or 1440

    def in_hours(wall: int) -> bool:
        if hours_start == hours_end % 1440:
            return True
        if hours_start < hours_end:
            return hours_start <= wall < hours_end
        return wall >= hours_start or wall < hours_end

    memo: dict[tuple[int, datetime], bool] = {}

    def minute_free(index: int, member: MemberCalendar, at: datetime) -> bool:
        key = (index, at)
        if key not in memo:
            local = at.astimezone(ZoneInfo(member.time_zone))
            wall = local.hour * 60 + local.minute
            available = any(
                window.weekday == local.weekday()
                and _minute_of_day(window.start) <= wall < (_minute_of_day(window.end) or 1440)
                for window in member.availability
            )
            busy = any(
                at < end + query.buffer and at + MINUTE > start - query.buffer
                for start, end in member.busy
            )
            memo[key] = available and in_hours(wall) and not busy
        return memo[key]

    result: set[datetime] = set()
    start = first
    while start + query.duration <= query.window_end:
        free = [
            all(minute_free(i, member, start + MINUTE * m) for m in range(minutes))
            for i, member in enumerate(query.members)
        ]
        if query.quorum.min_mentees is None:
            fits = all(free)
        else:
            roles = [member.role for member in query.members]
            mentors_free = all(
                f for f, role in zip(free, roles, strict=True) if role is Role.MENTOR
            )
            mentees_free = sum(
                1 for f, role in zip(free, roles, strict=True) if f and role is Role.MENTEE
            )
            fits = mentors_free and mentees_free >= query.quorum.min_mentees
        if fits:
            result.add(start)
        start += step
    return result


zones = st.one_of(st.sampled_from(ODD_ZONES), st.sampled_from(ALL_ZONES))
minutes_of_day = st.integers(0, 1439).map(lambda m: m - m % 5)


@st.composite
def windows(draw: st.DrawFn) -> WeeklyWindow:
    start = draw(minutes_of_day)
    end = draw(st.integers(start + 5, 1440))
    end_time = time(0) if end == 1440 else time(end // 60, end % 60)
    return WeeklyWindow(draw(st.integers(0, 6)), time(start // 60, start % 60), end_time)


@st.composite
def queries(draw: st.DrawFn) -> SlotQuery:
    member_zones = draw(st.lists(zones, min_size=1, max_size=3))
    year = draw(st.integers(2024, 2036))
    # centre the window on a transition of one member's zone when it has one
    changes = transitions(draw(st.sampled_from(member_zones)), year)
    if changes:
        centre = draw(st.sampled_from(changes))
    else:
        centre = datetime(year, 1, 1, tzinfo=UTC) + timedelta(days=draw(st.integers(0, 360)))
    length = draw(st.integers(30, 3 * 24 * 60))
    window_start = centre - timedelta(minutes=draw(st.integers(0, length)))
    window_end = window_start + timedelta(minutes=length)
    duration = timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90, 120])))
    span = int((window_end - window_start) / MINUTE)

    def busy_interval(offset: int, length: int) -> tuple[datetime, datetime]:
        begin = window_start + timedelta(minutes=offset)
        return begin, begin + timedelta(minutes=length)

    members = []
    for index, zone_name in enumerate(member_zones):
        kind = draw(st.sampled_from(["all day", "daily", "daily", "random", "random"]))
        if kind == "all day":
            availability = tuple(WeeklyWindow(day, time(0), time(0)) for day in range(7))
        elif kind == "daily":  # the same broad hours every day (early and late included)
            first, last = (
                draw(minutes_of_day.filter(lambda m: m < 600)),
                draw(st.integers(900, 1439)),
            )
            availability = tuple(
                WeeklyWindow(day, time(first // 60, first % 60), time(last // 60, last % 60))
                for day in range(7)
            )
        else:
            availability = tuple(draw(st.lists(windows(), min_size=0, max_size=12)))
        busy = draw(
            st.lists(
                st.builds(busy_interval, st.integers(-120, span), st.integers(0, 240)),
                max_size=4,
            )
        )
        role = Role.MENTOR if index == 0 else Role.MENTEE
        members.append(
            MemberCalendar(
                uuid.UUID(int=index + 1),
                role,
                f"member {index}",
                zone_name,
                availability,
                tuple(busy),
            )
        )

    def hours_of(a: int, b: int) -> MeetingHours:
        return MeetingHours(time(a // 60, a % 60), time(b // 60 % 24, b % 60))

    hours = draw(
        st.one_of(
            st.just(MeetingHours(time(0), time(0))),
            # wide, the usual kind (08:00-21:00)
            st.builds(hours_of, st.integers(0, 600), st.integers(960, 1440)),
            # anything, including hours that run past midnight
            st.builds(hours_of, minutes_of_day, minutes_of_day),
        )
    )
    mentees = len(members) - 1
    quorum = draw(
        st.one_of(st.just(Quorum.everyone()), st.integers(0, mentees).map(Quorum.mentor_and))
    )
    return SlotQuery(
        members=tuple(members),
        window_start=window_start,
        window_end=window_end,
        duration=duration,
        now=window_start - timedelta(minutes=draw(st.integers(-600, 600))),
        min_notice=timedelta(minutes=draw(st.sampled_from([0, 0, 30, 240]))),
        buffer=timedelta(minutes=draw(st.sampled_from([0, 0, 10, 15, 30]))),
        meeting_hours=hours,
        quorum=quorum,
        step=timedelta(minutes=draw(st.sampled_from([15, 15, 15, 5, 10, 30]))),
        limit=draw(st.integers(1, 4)),
    )


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(queries())
def test_free_starts_equal_the_minute_by_minute_reference(query: SlotQuery) -> None:
    assert set(free_starts(query)) == reference_starts(query)


@settings(
    max_examples=120, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(queries())
def test_found_slots_are_free_apart_and_explained_when_missing(query: SlotQuery) -> None:
    free = set(free_starts(query))
    search = find_slots(query)
    starts = [slot.start for slot in search.slots]
    assert set(starts) <= free
    assert len(starts) == len(set(starts))
    assert bool(search.slots) == bool(free)
    assert bool(search.blockers) == (not free)
    if free:
        assert 1 <= len(search.slots) <= query.limit
    for slot in search.slots:
        assert slot.end - slot.start == query.duration
        assert [local.participant_id for local in slot.local] == [
            member.participant_id for member in query.members
        ]
        for local, member in zip(slot.local, query.members, strict=True):
            # timestamps, not ==: PEP 495 makes a time in a fold unequal to every other zone's
            assert local.start_local.timestamp() == slot.start.timestamp()
            assert local.end_local.timestamp() == slot.end.timestamp()
            assert str(local.start_local.tzinfo) == member.time_zone
            offset = local.start_local.utcoffset()
            assert offset is not None
            assert local.utc_offset_minutes * 60 == offset.total_seconds()
    # alternatives never overlap one another
    ordered = sorted(starts)
    for earlier, later in itertools.pairwise(ordered):
        assert later - earlier >= query.duration
