"""Slot search, rule by rule, the ranking, and every blocker's reason.

All members here are in UTC or in a zone whose offset is fixed in the week used, so each
expected time can be read straight off the wall clock; daylight saving is the business of
test_slots_four_cities.py and test_slots_properties.py.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, time, timedelta

import pytest

from tandem_contracts.common import Role
from tandem_meetings.domain.slots import (
    MeetingHours,
    MemberCalendar,
    Quorum,
    SlotQuery,
    SlotQueryError,
    WeeklyWindow,
    find_slots,
    free_starts,
)

MENTOR, ANA, BEN, CARA = (uuid.UUID(int=n) for n in range(1, 5))
MONDAY = datetime(2027, 6, 7, tzinfo=UTC)  # a Monday; no zone used here changes that week
WEEKDAYS = range(5)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour, minutes=minute)


def _windows(
    start: time, end: time, days: range | list[int] = WEEKDAYS
) -> tuple[WeeklyWindow, ...]:
    return tuple(WeeklyWindow(day, start, end) for day in days)


def member(
    pid: uuid.UUID,
    label: str,
    zone: str = "UTC",
    availability: tuple[WeeklyWindow, ...] = _windows(time(9), time(17)),
    busy: tuple[tuple[datetime, datetime], ...] = (),
    role: Role = Role.MENTEE,
) -> MemberCalendar:
    return MemberCalendar(pid, role, label, zone, availability, busy)


def mentor(**changes: object) -> MemberCalendar:
    base = member(MENTOR, "the mentor", role=Role.MENTOR)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def query(*members: MemberCalendar, **changes: object) -> SlotQuery:
    base = SlotQuery(
        members=members,
        window_start=MONDAY,
        window_end=MONDAY + timedelta(days=7),
        duration=timedelta(hours=1),
        now=MONDAY - timedelta(days=1),
        min_notice=timedelta(0),
        buffer=timedelta(0),
        meeting_hours=MeetingHours(time(0), time(0)),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _hhmm(starts: tuple[datetime, ...], day: int = 0) -> list[str]:
    wanted = (MONDAY + timedelta(days=day)).date()
    return [f"{s:%H:%M}" for s in starts if s.date() == wanted]


def _quarters(first: str, last: str) -> list[str]:
    h0, m0 = map(int, first.split(":"))
    h1, m1 = map(int, last.split(":"))
    return [f"{m // 60:02d}:{m % 60:02d}" for m in range(h0 * 60 + m0, h1 * 60 + m1 + 1, 15)]


# --- the rules -------------------------------------------------------------------------


def test_a_meeting_lies_wholly_inside_a_window() -> None:
    starts = free_starts(query(mentor()))
    assert _hhmm(starts) == _quarters("09:00", "16:00")
    assert _hhmm(starts, day=5) == []  # Saturday: no window


def test_windows_are_read_on_each_members_own_clock() -> None:
    # Kolkata (+05:30): 09:00–17:00 local is 03:30–11:30Z; Kathmandu (+05:45): 03:15–11:15Z
    kolkata = member(ANA, "Ana", "Asia/Kolkata")
    assert _hhmm(free_starts(query(kolkata))) == _quarters("03:30", "10:30")
    both = query(kolkata, member(BEN, "Ben", "Asia/Kathmandu"))
    assert _hhmm(free_starts(both)) == _quarters("03:30", "10:15")


def test_touching_windows_join_even_across_midnight() -> None:
    evening = (WeeklyWindow(0, time(20), time(0)), WeeklyWindow(1, time(0), time(1)))
    starts = free_starts(query(member(ANA, "Ana", availability=evening)))
    assert _hhmm(starts) == _quarters("20:00", "23:45")
    assert _hhmm(starts, day=1) == ["00:00"]
    split_day = (WeeklyWindow(2, time(9), time(10)), WeeklyWindow(2, time(10), time(11)))
    assert _hhmm(free_starts(query(member(ANA, "Ana", availability=split_day))), 2) == _quarters(
        "09:00", "10:00"
    )


def test_meeting_hours_apply_on_each_members_clock() -> None:
    # 08:00–12:00 local: in UTC 09:00–12:00; in Chatham (+12:45 in June) 08:00–12:00 local
    # is 19:15–23:15Z the day before
    hours = MeetingHours(time(8), time(12))
    everyday = _windows(time(0), time(0), range(7))
    assert _hhmm(free_starts(query(mentor(), meeting_hours=hours))) == _quarters("09:00", "11:00")
    chatham = member(ANA, "Ana", "Pacific/Chatham", availability=everyday)
    assert _hhmm(free_starts(query(chatham, meeting_hours=hours))) == _quarters("19:15", "22:15")


def test_busy_times_widened_by_the_buffer_on_both_sides() -> None:
    busy = ((_at(0, 12), _at(0, 13)),)
    starts = free_starts(query(mentor(busy=busy), buffer=timedelta(minutes=15)))
    # busy 11:45–13:15 with the buffer: a meeting may end at 11:45 or start at 13:15
    assert _hhmm(starts) == [*_quarters("09:00", "10:45"), *_quarters("13:15", "16:00")]
    assert _hhmm(free_starts(query(mentor(busy=busy)))) == [
        *_quarters("09:00", "11:00"),
        *_quarters("13:00", "16:00"),
    ]


def test_minimum_notice_and_the_window_bound_the_starts() -> None:
    q = query(mentor(), now=_at(0, 8, 50), min_notice=timedelta(hours=2))  # earliest 10:50
    assert _hhmm(free_starts(q)) == _quarters("11:00", "16:00")
    q = query(mentor(), window_start=_at(1, 10, 5), window_end=_at(1, 15, 30))
    starts = free_starts(q)
    assert _hhmm(starts, 1) == _quarters("10:15", "14:30")
    assert {s.date() for s in starts} == {_at(1, 0).date()}


def test_starts_sit_on_the_utc_step_grid() -> None:
    q = query(mentor(), step=timedelta(minutes=30), duration=timedelta(minutes=45))
    # a 45-minute meeting ending by 17:00 starts by 16:15: the last half hour is 16:00
    assert _hhmm(free_starts(q)) == [f"{h:02d}:{m:02d}" for h in range(9, 17) for m in (0, 30)][:-1]


def test_quorum_of_k_mentees_lets_the_others_miss() -> None:
    morning, afternoon = _windows(time(9), time(12)), _windows(time(13), time(17))
    group = (
        mentor(),
        member(ANA, "Ana", availability=morning),
        member(BEN, "Ben", availability=afternoon),
        member(CARA, "Cara", availability=(*morning, *afternoon)),
    )
    assert free_starts(query(*group)) == ()
    one = query(*group, quorum=Quorum.mentor_and(1))
    assert _hhmm(free_starts(one)) == [*_quarters("09:00", "11:00"), *_quarters("13:00", "16:00")]
    two = query(*group, quorum=Quorum.mentor_and(2))
    assert _hhmm(free_starts(two)) == _hhmm(free_starts(one))  # Cara is always there
    search = find_slots(query(*group, quorum=Quorum.mentor_and(1)))
    for slot in search.slots:
        assert MENTOR in slot.attendees
        assert CARA in slot.attendees
        assert (ANA in slot.attendees) != (BEN in slot.attendees)
        assert len(slot.local) == 4  # every member's clock, attending or not


def test_a_slot_with_more_mentees_ranks_first() -> None:
    group = (
        mentor(availability=_windows(time(9), time(17), [0, 1])),
        member(ANA, "Ana", availability=_windows(time(9), time(17), [1])),
        member(BEN, "Ben"),
    )
    search = find_slots(query(*group, quorum=Quorum.mentor_and(1), limit=2))
    assert [slot.start.date() for slot in search.slots] == [_at(1, 0).date(), _at(0, 0).date()]
    assert search.slots[0].attendees == (MENTOR, ANA, BEN)
    assert search.slots[1].attendees == (MENTOR, BEN)


# --- ranking ---------------------------------------------------------------------------


def test_the_fairest_time_wins_and_the_worst_off_member_counts_most() -> None:
    # Lisbon (UTC+1 in June) and New York (UTC-4), both 07:00–21:00 local, meeting hours
    # 07:00–21:00, so comfortable hours 08:00–20:00 with their middle at 14:00.
    # Common: 11:00–20:00Z. A start at h (UTC) has its middle at h+1:30 in Lisbon and
    # h-3:30 in New York: drifts |h-12:30| and |h-17:30|, pains 15 and 15 per hour of drift
    # (drift / 4), nobody outside 08–20 between 12:00Z and 18:00Z. The sum of pains is the
    # same from 12:30Z to 17:30Z; the worst-off member's is least at 15:00Z, where both
    # drift 2h30: pain 37.5 each, cost = max 37.5 + mean 37.5 = 75.
    hours = MeetingHours(time(7), time(21))
    everyday = _windows(time(7), time(21), range(7))
    pair = (
        mentor(time_zone="Europe/Lisbon", availability=everyday),
        member(ANA, "Ana", "America/New_York", availability=everyday),
    )
    search = find_slots(query(*pair, meeting_hours=hours, limit=1))
    (best,) = search.slots
    assert f"{best.start:%H:%M}" == "15:00"
    clocks = {local.participant_id: f"{local.start_local:%H:%M}" for local in best.local}
    assert clocks == {MENTOR: "16:00", ANA: "11:00"}
    assert best.score == -75.0
    # a window ending at 15:45Z: the best is a quarter earlier, drifts 2h15 and 2h45,
    # pains 33.75 and 41.25, cost = max 41.25 + mean 37.5
    (earlier,) = find_slots(
        query(*pair, meeting_hours=hours, limit=1, window_end=_at(0, 15, 45))
    ).slots
    assert f"{earlier.start:%H:%M}" == "14:45"
    assert earlier.score == -78.75


def test_the_chosen_slots_spread_over_the_window_on_different_days() -> None:
    search = find_slots(query(mentor()))
    starts = [slot.start for slot in search.slots]
    # every weekday's 11:30 is equally good (comfortable hours = the whole day, middle 12:00
    # ⇒ a one-hour meeting centred on 12:00 starts at 11:30): first, last, then the middle
    assert [f"{s:%a %H:%M}" for s in starts] == ["Mon 11:30", "Fri 11:30", "Wed 11:30"]
    assert [slot.score for slot in search.slots] == [0.0, 0.0, 0.0]


def test_the_search_is_deterministic() -> None:
    q = query(mentor(busy=((_at(2, 11), _at(2, 12)),)), member(ANA, "Ana", "Asia/Kolkata"))
    assert find_slots(q) == find_slots(q)


# --- blockers --------------------------------------------------------------------------


def _only(q: SlotQuery) -> tuple[str, tuple[uuid.UUID, ...], str]:
    search = find_slots(q)
    assert search.slots == ()
    (blocker,) = search.blockers
    return blocker.code, blocker.participant_ids, blocker.reason


def test_blocker_window_shorter_than_the_meeting() -> None:
    q = query(mentor(), window_end=MONDAY + timedelta(minutes=30))
    assert _only(q) == ("window_too_short", (), "the window is shorter than 60 minutes")


def test_blocker_the_window_ends_before_the_minimum_notice() -> None:
    q = query(mentor(), now=MONDAY, min_notice=timedelta(days=8))
    assert _only(q) == (
        "minimum_notice",
        (),
        "the window ends before the minimum notice (192 hours from now)",
    )


def test_blocker_a_member_without_availability() -> None:
    assert _only(query(mentor(), member(ANA, "Ana", availability=()))) == (
        "no_availability",
        (ANA,),
        "Ana has not given any availability",
    )
    weekend = _windows(time(9), time(17), [5, 6])
    q = query(mentor(), member(ANA, "Ana", availability=weekend), window_end=_at(4, 23))
    assert _only(q) == ("no_availability", (ANA,), "Ana has no availability in the window")


def test_blocker_availability_outside_the_meeting_hours() -> None:
    early = member(ANA, "Ana", availability=_windows(time(5), time(7)))
    q = query(mentor(), early, meeting_hours=MeetingHours(time(8), time(21)))
    assert _only(q) == (
        "outside_meeting_hours",
        (ANA,),
        "Ana has no availability inside the programme's meeting hours",
    )


def test_blocker_no_stretch_long_enough() -> None:
    short = member(ANA, "Ana", availability=_windows(time(9), time(9, 45)))
    assert _only(query(mentor(), short)) == (
        "availability_too_short",
        (ANA,),
        "none of Ana's availability inside the meeting hours lasts 60 minutes",
    )


def test_blocker_no_overlap_between_two_members() -> None:
    # Sydney (+10 in June) 09:00–17:00 = 23:00–07:00Z, the mentor 09:00–17:00Z
    q = query(mentor(), member(ANA, "Ana", "Australia/Sydney"))
    assert _only(q) == (
        "no_overlap",
        (MENTOR, ANA),
        "no overlap between the mentor's and Ana's availability on weekdays",
    )


def test_blocker_overlap_too_short() -> None:
    late = member(ANA, "Ana", availability=_windows(time(16, 30), time(20)))
    assert _only(query(mentor(), late)) == (
        "overlap_too_short",
        (MENTOR, ANA),
        "the mentor's and Ana's availability overlap for less than 60 minutes at a time",
    )


def test_blocker_no_common_time_names_a_minimal_set() -> None:
    # every pair overlaps, the three never together; Cara is not part of the cause
    q = query(
        mentor(availability=_windows(time(9), time(13))),
        member(ANA, "Ana", availability=_windows(time(11), time(15))),
        member(CARA, "Cara"),
        member(
            BEN, "Ben", availability=(*_windows(time(7), time(10)), *_windows(time(14), time(17)))
        ),
    )
    # mentor–Ben 09:00–10:00, Ana–Ben 14:00–15:00, mentor–Ana 11:00–13:00: no time for all three
    assert _only(q) == (
        "no_common_time",
        (MENTOR, ANA, BEN),
        "there is no time when the mentor, Ana and Ben are all available",
    )


def test_blocker_every_common_time_before_the_minimum_notice() -> None:
    q = query(
        mentor(),
        member(ANA, "Ana", availability=_windows(time(9), time(17), [0])),
        now=_at(0, 8),
        min_notice=timedelta(hours=9),
    )
    assert _only(q) == (
        "minimum_notice",
        (),
        "every common time is before the minimum notice (9 hours from now)",
    )


def test_blocker_every_common_time_busy_for_one_member() -> None:
    busy = tuple((_at(day, 9), _at(day, 17)) for day in WEEKDAYS)
    q = query(mentor(busy=busy), member(ANA, "Ana"))
    assert _only(q) == ("busy", (MENTOR,), "every common time is busy for the mentor")


def test_blocker_busy_together() -> None:
    mornings = tuple((_at(day, 9), _at(day, 13)) for day in WEEKDAYS)
    afternoons = tuple((_at(day, 12, 30), _at(day, 17)) for day in WEEKDAYS)
    q = query(mentor(busy=mornings), member(ANA, "Ana", busy=afternoons), member(BEN, "Ben"))
    assert _only(q) == (
        "busy",
        (MENTOR, ANA),
        "every common time is busy for one or another of the mentor and Ana",
    )


def test_blocker_fewer_than_k_mentees() -> None:
    group = (
        mentor(),
        member(ANA, "Ana", availability=_windows(time(9), time(12))),
        member(BEN, "Ben", availability=_windows(time(13), time(17))),
        member(CARA, "Cara", "Australia/Sydney"),
    )
    search = find_slots(query(*group, quorum=Quorum.mentor_and(2)))
    assert search.slots == ()
    assert [(b.code, b.participant_ids, b.reason) for b in search.blockers] == [
        (
            "no_overlap",
            (MENTOR, CARA),
            "no overlap between the mentor's and Cara's availability on weekdays",
        ),
        (
            "quorum",
            (ANA, BEN, CARA),
            "fewer than 2 mentees can join at any time within the mentor's availability",
        ),
    ]
    # with Cara able to come, two mentees are never there together with the mentor
    cara_here = dataclasses.replace(group[3], time_zone="UTC")
    busy_ana = dataclasses.replace(group[1], availability=_windows(time(9), time(10)))
    cara_late = dataclasses.replace(cara_here, availability=_windows(time(15), time(17)))
    q = query(group[0], busy_ana, group[2], cara_late, quorum=Quorum.mentor_and(3))
    assert _only(q)[0] == "quorum"


# --- bad queries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: WeeklyWindow(7, time(9), time(10)), "weekday 7"),
        (lambda: WeeklyWindow(0, time(10), time(9)), "ends before it starts"),
        (lambda: WeeklyWindow(0, time(9, 0, 30), time(10)), "whole minute"),
        (lambda: WeeklyWindow.parse(0, "09:00", "25:00"), "not a wall time"),
        (lambda: member(ANA, "Ana", "Mars/Olympus_Mons"), "not an IANA time zone"),
        (lambda: member(ANA, "Ana", busy=((_at(0, 10), _at(0, 9)),)), "ends before it starts"),
        (lambda: query(mentor(), now=datetime(2027, 6, 1)), "no time zone"),
        (lambda: query(mentor(), mentor()), "appears twice"),
        (lambda: query(mentor(), duration=timedelta(0)), "must be positive"),
        (lambda: query(), "at least one member"),
    ],
)
def test_bad_queries_are_refused(build: object, message: str) -> None:
    with pytest.raises(SlotQueryError, match=message):
        build()  # type: ignore[operator]


def test_wall_times_parse_as_the_contract_writes_them() -> None:
    window = WeeklyWindow.parse(4, "18:30", "24:00")
    assert (window.start_minute, window.end_minute) == (18 * 60 + 30, 24 * 60)
