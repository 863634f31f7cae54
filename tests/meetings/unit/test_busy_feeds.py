"""Reading an external calendar as busy intervals: recurrences, free and cancelled
events, all-day and floating times, time zones, bounds, and nothing but start and end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tandem_meetings.domain.busy_feeds import BusyInterval, UnreadableFeed, read_busy_feed

H0 = datetime(2027, 3, 1, tzinfo=UTC)
H1 = datetime(2027, 6, 1, tzinfo=UTC)


def ics(*events: str, extra: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{extra}{body}END:VCALENDAR\r\n"
    return text.replace("\n        ", "\n").encode()


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def read(data: bytes, time_zone: str = "UTC") -> tuple[BusyInterval, ...]:
    return read_busy_feed(data, horizon_start=H0, horizon_end=H1, time_zone=time_zone).intervals


def test_weekly_rule_in_a_named_zone_follows_its_daylight_saving_switch() -> None:
    found = read(
        ics(
            """UID:w1
        DTSTART;TZID=Europe/Berlin:20270320T090000
        DTEND;TZID=Europe/Berlin:20270320T100000
        RRULE:FREQ=WEEKLY;COUNT=3
        SUMMARY:Physiotherapy"""
        )
    )
    # Berlin switches on 28 March 2027: 08:00 UTC before, 07:00 UTC after.
    assert found == (
        BusyInterval(utc(2027, 3, 20, 8), utc(2027, 3, 20, 9)),
        BusyInterval(utc(2027, 3, 27, 8), utc(2027, 3, 27, 9)),
        BusyInterval(utc(2027, 4, 3, 7), utc(2027, 4, 3, 8)),
    )


def test_exdates_moved_and_cancelled_instances() -> None:
    found = read(
        ics(
            """UID:series
        DTSTART:20270301T100000Z
        DTEND:20270301T110000Z
        RRULE:FREQ=DAILY;COUNT=5
        EXDATE:20270302T100000Z""",
            """UID:series
        RECURRENCE-ID:20270303T100000Z
        DTSTART:20270303T150000Z
        DTEND:20270303T153000Z""",
            """UID:series
        RECURRENCE-ID:20270304T100000Z
        DTSTART:20270304T100000Z
        DTEND:20270304T110000Z
        STATUS:CANCELLED""",
        )
    )
    assert found == (
        BusyInterval(utc(2027, 3, 1, 10), utc(2027, 3, 1, 11)),
        BusyInterval(utc(2027, 3, 3, 15), utc(2027, 3, 3, 15, 30)),
        BusyInterval(utc(2027, 3, 5, 10), utc(2027, 3, 5, 11)),
    )


def test_free_and_cancelled_events_block_nothing() -> None:
    assert (
        read(
            ics(
                "UID:a\nDTSTART:20270310T100000Z\nDTEND:20270310T110000Z\nTRANSP:TRANSPARENT",
                "UID:b\nDTSTART:20270311T100000Z\nDTEND:20270311T110000Z\nSTATUS:CANCELLED",
                "UID:c\nDTSTART:20270312T100000Z",  # a date-time with no end lasts no time
            )
        )
        == ()
    )


def test_all_day_and_floating_times_are_the_participants_local_time() -> None:
    found = read(
        ics(
            "UID:holiday\nDTSTART;VALUE=DATE:20270315\nDTEND;VALUE=DATE:20270317",
            "UID:one-day\nDTSTART;VALUE=DATE:20270320",
            "UID:floating\nDTSTART:20270325T090000\nDURATION:PT45M",
        ),
        time_zone="Asia/Kolkata",  # UTC+05:30
    )
    assert found == (
        BusyInterval(utc(2027, 3, 14, 18, 30), utc(2027, 3, 16, 18, 30)),
        BusyInterval(utc(2027, 3, 19, 18, 30), utc(2027, 3, 20, 18, 30)),
        BusyInterval(utc(2027, 3, 25, 3, 30), utc(2027, 3, 25, 4, 15)),
    )


def test_google_calendars_x_wr_timezone_is_honoured() -> None:
    found = read(
        ics(
            "UID:g\nDTSTART:20270310T150000Z\nDTEND:20270310T160000Z\nRRULE:FREQ=WEEKLY;COUNT=2",
            extra="X-WR-TIMEZONE:America/New_York\r\n",
        )
    )
    # Written in UTC in the winter, the series keeps its New York wall time after
    # 14 March 2027 (EDT), as Google shows it.
    assert found == (
        BusyInterval(utc(2027, 3, 10, 15), utc(2027, 3, 10, 16)),
        BusyInterval(utc(2027, 3, 17, 14), utc(2027, 3, 17, 15)),
    )


def test_overlaps_merge_and_the_horizon_clips() -> None:
    found = read(
        ics(
            "UID:a\nDTSTART:20270228T230000Z\nDTEND:20270301T010000Z",
            "UID:b\nDTSTART:20270310T100000Z\nDTEND:20270310T120000Z",
            "UID:c\nDTSTART:20270310T110000Z\nDTEND:20270310T130000Z",
            "UID:d\nDTSTART:20270310T130000Z\nDTEND:20270310T133000Z",
            "UID:e\nDTSTART:20270701T100000Z\nDTEND:20270701T110000Z",
        )
    )
    assert found == (
        BusyInterval(H0, utc(2027, 3, 1, 1)),
        BusyInterval(utc(2027, 3, 10, 10), utc(2027, 3, 10, 13, 30)),
    )


def test_only_start_and_end_survive() -> None:
    result = read_busy_feed(
        ics(
            """UID:secret@example.org
        DTSTART:20270310T100000Z
        DTEND:20270310T110000Z
        SUMMARY:Appointment at the job centre
        LOCATION:Rua Secreta 12
        DESCRIPTION:Bring the divorce papers
        ATTENDEE:mailto:lawyer@example.org"""
        ),
        horizon_start=H0,
        horizon_end=H1,
    )
    text = repr(result)
    for secret in ("job centre", "Secreta", "divorce", "lawyer", "secret@"):
        assert secret not in text
    assert [type(v) for v in vars_of(result.intervals[0])] == [datetime, datetime]


def vars_of(interval: BusyInterval) -> list[object]:
    return [getattr(interval, name) for name in interval.__slots__]


def test_a_runaway_rule_is_cut_not_expanded_whole() -> None:
    result = read_busy_feed(
        ics("UID:x\nDTSTART:20270301T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY"),
        horizon_start=H0,
        horizon_end=H1,
        max_intervals=100,
    )
    assert result.truncated
    assert len(result.intervals) <= 100
    assert result.intervals[0].start == H0


@pytest.mark.parametrize(
    "data",
    [b"", b"not a calendar", b"BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n", b"\xff\xfe\x00garbage"],
)
def test_what_is_not_a_calendar_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableFeed):
        read_busy_feed(data, horizon_start=H0, horizon_end=H1)
