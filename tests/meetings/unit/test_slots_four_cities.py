"""Lisbon, Athens, New York and Sydney across their 2027 switches, and Lord Howe's
thirty-minute shifts: the common times and every member's local time, computed by hand.

The 2027 switches (UTC):
- EU (Lisbon WET +0 → WEST +1, Athens EET +2 → EEST +3): 28 Mar 01:00; back 31 Oct 01:00.
- US (New York EST -5 → EDT -4): 14 Mar 07:00; back 7 Nov 06:00.
- Sydney (AEDT +11 → AEST +10): 3 Apr 16:00 (4 Apr 03:00 local); AEST → AEDT 2 Oct 16:00.
- Lord Howe (+11 → +10:30): 3 Apr 15:00 (4 Apr 02:00 → 01:30 local);
  (+10:30 → +11): 2 Oct 15:30 (3 Oct 02:00 → 02:30 local).

Every member is available every day at these local hours (one hour meetings):
New York 06:00–08:00, Lisbon 10:00–12:30, Athens 12:00–15:00, Sydney 20:30–23:00.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from tandem_contracts.common import Role
from tandem_meetings.domain.slots import (
    MeetingHours,
    MemberCalendar,
    SlotQuery,
    WeeklyWindow,
    find_slots,
    free_starts,
    local_times,
)

LISBON, ATHENS, NEW_YORK, SYDNEY = (uuid.UUID(int=n) for n in range(1, 5))


def _daily(start: time, end: time) -> tuple[WeeklyWindow, ...]:
    return tuple(WeeklyWindow(day, start, end) for day in range(7))


MEMBERS = (
    MemberCalendar(
        LISBON, Role.MENTOR, "the mentor", "Europe/Lisbon", _daily(time(10), time(12, 30))
    ),
    MemberCalendar(ATHENS, Role.MENTEE, "Eleni", "Europe/Athens", _daily(time(12), time(15))),
    MemberCalendar(NEW_YORK, Role.MENTEE, "Ana", "America/New_York", _daily(time(6), time(8))),
    MemberCalendar(SYDNEY, Role.MENTEE, "Jack", "Australia/Sydney", _daily(time(20, 30), time(23))),
)


def _query(
    start: datetime, end: datetime, members: tuple[MemberCalendar, ...] = MEMBERS
) -> SlotQuery:
    return SlotQuery(
        members=members,
        window_start=start,
        window_end=end,
        duration=timedelta(hours=1),
        now=start - timedelta(days=30),
        min_notice=timedelta(0),
        buffer=timedelta(0),
        meeting_hours=MeetingHours(time(6), time(0)),  # 06:00–24:00 on every clock
    )


def _starts_by_day(query: SlotQuery) -> dict[date, list[str]]:
    by_day: dict[date, list[str]] = defaultdict(list)
    for start in free_starts(query):
        by_day[start.date()].append(f"{start:%H:%M}")
    return dict(by_day)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _clock(
    start: datetime, members: tuple[MemberCalendar, ...] = MEMBERS
) -> dict[uuid.UUID, tuple[str, int]]:
    """Each member's local start ``HH:MM`` and offset in minutes."""
    return {
        local.participant_id: (f"{local.start_local:%H:%M}", local.utc_offset_minutes)
        for local in local_times(members, start, start + timedelta(hours=1))
    }


def test_spring_2027_the_common_time_moves_at_each_switch() -> None:
    by_day = _starts_by_day(_query(_utc(2027, 3, 1), _utc(2027, 4, 15)))
    # 1–13 Mar: NY 06–08 EST = 11–13Z, Lisbon 10–12:30Z, Athens 10–13Z, Sydney 09:30–12Z
    #   → 11:00–12:00Z, one start
    for day in _days(date(2027, 3, 1), date(2027, 3, 13)):
        assert by_day[day] == ["11:00"], day
    # 14–27 Mar: New York on EDT: 06–08 = 10–12Z → 10:00–12:00Z
    for day in _days(date(2027, 3, 14), date(2027, 3, 27)):
        assert by_day[day] == ["10:00", "10:15", "10:30", "10:45", "11:00"], day
    # 28 Mar–3 Apr: Europe on summer time: Lisbon 09–11:30Z, Athens 09–12Z → 10:00–11:30Z
    for day in _days(date(2027, 3, 28), date(2027, 4, 3)):
        assert by_day[day] == ["10:00", "10:15", "10:30"], day
    # 4 Apr on: Sydney on AEST: 20:30–23:00 = 10:30–13Z → 10:30–11:30Z
    for day in _days(date(2027, 4, 4), date(2027, 4, 14)):
        assert by_day[day] == ["10:30"], day
    assert set(by_day) == set(_days(date(2027, 3, 1), date(2027, 4, 14)))


def test_spring_2027_local_times_and_offsets_change_on_the_right_dates() -> None:
    # 8 Mar 11:00Z: Lisbon 11:00 WET, Athens 13:00 EET, NY 06:00 EST, Sydney 22:00 AEDT
    assert _clock(_utc(2027, 3, 8, 11)) == {
        LISBON: ("11:00", 0),
        ATHENS: ("13:00", 120),
        NEW_YORK: ("06:00", -300),
        SYDNEY: ("22:00", 660),
    }
    # 20 Mar 10:00Z: only New York has moved (EDT)
    assert _clock(_utc(2027, 3, 20, 10)) == {
        LISBON: ("10:00", 0),
        ATHENS: ("12:00", 120),
        NEW_YORK: ("06:00", -240),
        SYDNEY: ("21:00", 660),
    }
    # 30 Mar 10:00Z: Europe has moved too (WEST, EEST)
    assert _clock(_utc(2027, 3, 30, 10)) == {
        LISBON: ("11:00", 60),
        ATHENS: ("13:00", 180),
        NEW_YORK: ("06:00", -240),
        SYDNEY: ("21:00", 660),
    }
    # 6 Apr 10:30Z: Sydney has left summer time (AEST)
    assert _clock(_utc(2027, 4, 6, 10, 30)) == {
        LISBON: ("11:30", 60),
        ATHENS: ("13:30", 180),
        NEW_YORK: ("06:30", -240),
        SYDNEY: ("20:30", 600),
    }


def test_autumn_2027_the_common_time_moves_back() -> None:
    by_day = _starts_by_day(_query(_utc(2027, 10, 1), _utc(2027, 11, 15)))
    # 1–2 Oct: NY EDT 10–12Z, Lisbon WEST 09–11:30Z, Athens EEST 09–12Z, Sydney AEST 10:30–13Z
    for day in _days(date(2027, 10, 1), date(2027, 10, 2)):
        assert by_day[day] == ["10:30"], day
    # 3–30 Oct: Sydney on AEDT (from 2 Oct 16:00Z): 09:30–12Z → 10:00–11:30Z
    for day in _days(date(2027, 10, 3), date(2027, 10, 30)):
        assert by_day[day] == ["10:00", "10:15", "10:30"], day
    # 31 Oct–6 Nov: Europe back on winter time → 10:00–12:00Z
    for day in _days(date(2027, 10, 31), date(2027, 11, 6)):
        assert by_day[day] == ["10:00", "10:15", "10:30", "10:45", "11:00"], day
    # 7 Nov on: New York on EST → 11:00–12:00Z
    for day in _days(date(2027, 11, 7), date(2027, 11, 14)):
        assert by_day[day] == ["11:00"], day
    # 2 Oct 10:30Z: Sydney 20:30 AEST; 3 Oct 10:30Z: 21:30 AEDT
    assert _clock(_utc(2027, 10, 2, 10, 30))[SYDNEY] == ("20:30", 600)
    assert _clock(_utc(2027, 10, 3, 10, 30))[SYDNEY] == ("21:30", 660)
    # 1 Nov 11:00Z: Lisbon 11:00 WET, Athens 13:00 EET, NY 07:00 EDT
    clock = _clock(_utc(2027, 11, 1, 11))
    assert (clock[LISBON], clock[ATHENS], clock[NEW_YORK]) == (
        ("11:00", 0),
        ("13:00", 120),
        ("07:00", -240),
    )
    # 8 Nov 11:00Z: NY 06:00 EST
    assert _clock(_utc(2027, 11, 8, 11))[NEW_YORK] == ("06:00", -300)


def test_the_ranked_slots_carry_each_members_clock_and_fall_on_different_days() -> None:
    search = find_slots(_query(_utc(2027, 3, 1), _utc(2027, 4, 15)))
    assert len(search.slots) == 3
    assert len({slot.start.date() for slot in search.slots}) == 3
    for slot in search.slots:
        assert slot.attendees == (LISBON, ATHENS, NEW_YORK, SYDNEY)
        assert {
            local.participant_id: (f"{local.start_local:%H:%M}", local.utc_offset_minutes)
            for local in slot.local
        } == _clock(slot.start)
        assert slot.start.replace(tzinfo=None).time() in {
            time(10),
            time(10, 15),
            time(10, 30),
            time(10, 45),
            time(11),
        }


# Lord Howe: a thirty-minute shift, so a fold and a gap of half an hour


def _lord_howe(weekday: int, start: time, end: time) -> tuple[MemberCalendar, ...]:
    return (
        MemberCalendar(
            uuid.UUID(int=9),
            Role.MENTEE,
            "Mia",
            "Australia/Lord_Howe",
            (WeeklyWindow(weekday, start, end),),
        ),
    )


def _howe_query(members: tuple[MemberCalendar, ...], minutes: int, day: datetime) -> SlotQuery:
    return SlotQuery(
        members=members,
        window_start=day - timedelta(days=1),
        window_end=day + timedelta(days=1),
        duration=timedelta(minutes=minutes),
        now=day - timedelta(days=10),
        min_notice=timedelta(0),
        buffer=timedelta(0),
        meeting_hours=MeetingHours(time(0), time(0)),
    )


def test_lord_howe_fold_in_april_2027_counts_the_repeated_half_hour_twice() -> None:
    # Sunday 4 Apr 01:00–03:00 local: 01:00–02:00 LHDT (+11) = 3 Apr 14:00–15:00Z, then the
    # clock goes back to 01:30 (LHST +10:30): 01:30–03:00 = 15:00–16:30Z: 2.5 real hours
    members = _lord_howe(6, time(1), time(3))
    starts = free_starts(_howe_query(members, 30, _utc(2027, 4, 3, 12)))
    assert [f"{s:%d %H:%M}" for s in starts] == [
        "03 14:00", "03 14:15", "03 14:30", "03 14:45", "03 15:00",
        "03 15:15", "03 15:30", "03 15:45", "03 16:00",
    ]  # fmt: skip
    # 14:45Z is 01:45 the first time (+11:00), 15:00Z is 01:30 the second time (+10:30)
    assert _clock(_utc(2027, 4, 3, 14, 45), members)[members[0].participant_id] == ("01:45", 660)
    assert _clock(_utc(2027, 4, 3, 15), members)[members[0].participant_id] == ("01:30", 630)


def test_lord_howe_gap_in_october_2027_has_no_missing_half_hour() -> None:
    # Sunday 3 Oct 01:00–04:00 local: 01:00–02:00 LHST (+10:30) = 2 Oct 14:30–15:30Z, then
    # 02:00 becomes 02:30 (LHDT +11): 02:30–04:00 = 15:30–17:00Z: 2.5 real hours
    members = _lord_howe(6, time(1), time(4))
    starts = free_starts(_howe_query(members, 60, _utc(2027, 10, 2, 12)))
    assert [f"{s:%H:%M}" for s in starts] == [
        "14:30",
        "14:45",
        "15:00",
        "15:15",
        "15:30",
        "15:45",
        "16:00",
    ]
    # a window starting inside the gap (02:15) starts at the transition, 02:30 LHDT = 15:30Z
    inside_gap = _lord_howe(6, time(2, 15), time(3))
    starts = free_starts(_howe_query(inside_gap, 30, _utc(2027, 10, 2, 12)))
    assert [f"{s:%H:%M}" for s in starts] == ["15:30"]
    assert _clock(_utc(2027, 10, 2, 15, 30), inside_gap)[inside_gap[0].participant_id] == (
        "02:30",
        660,
    )


def test_new_york_window_inside_the_spring_gap_starts_at_the_transition() -> None:
    # Sunday 14 Mar 2027 02:30–05:00 in New York: 02:30 does not exist (02:00 EST → 03:00 EDT
    # at 07:00Z), so the window is 07:00–09:00Z: two real hours
    ana = (
        MemberCalendar(
            NEW_YORK,
            Role.MENTEE,
            "Ana",
            "America/New_York",
            (WeeklyWindow(6, time(2, 30), time(5)),),
        ),
    )
    query = _howe_query(ana, 120, _utc(2027, 3, 14, 12))
    assert [f"{s:%d %H:%M}" for s in free_starts(query)] == ["14 07:00"]
