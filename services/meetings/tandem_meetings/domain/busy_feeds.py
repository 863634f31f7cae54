"""An external calendar (ICS) read as busy intervals, and nothing else.

A participant may give meetings a read-only feed of their own calendar, so that slots
avoid their other commitments. Only *when* they are busy is kept: each event's start and
end in UTC. Titles, places, descriptions, attendees never leave this module (nothing
else of an event is even read).

What counts as busy (RFC 5545):
- every ``VEVENT`` occurrence between the horizon's start and end, recurrences expanded
  (``RRULE``, ``RDATE``, ``EXDATE`` and overridden instances, by ``recurring-ical-events``);
- except ``TRANSP:TRANSPARENT`` ("show as free") and ``STATUS:CANCELLED`` occurrences;
- all-day events (``DATE`` values) block their whole days in the participant's own time
  zone, as do floating times (no ``TZID``, no ``Z``), which RFC 5545 reads as local time;
- a ``TZID`` is the calendar's ``VTIMEZONE`` or an IANA name (Google's
  ``X-WR-TIMEZONE`` is honoured too);
- an event without an end lasts its ``DURATION``, a day for a date, else nothing (and
  is dropped: it blocks no time).
Overlapping and touching intervals are merged, so the result says no more than the
union of busy time. A feed whose recurrences would exceed ``max_intervals`` keeps the
earliest ones (they matter first) and says it was cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]
import x_wr_timezone  # type: ignore[import-untyped]


@dataclass(frozen=True, slots=True, order=True)
class BusyInterval:
    """Busy from ``start`` to ``end`` (aware UTC datetimes, ``end`` after ``start``)."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class BusyFeed:
    """What a feed says: its merged busy intervals inside the horizon, sorted."""

    intervals: tuple[BusyInterval, ...]
    truncated: bool = False


class UnreadableFeed(ValueError):
    """The bytes are not an iCalendar object (or one this reader cannot expand)."""


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _instant(value: date | datetime, zone: ZoneInfo) -> datetime:
    """A DATE or DATE-TIME as an aware UTC instant; dates and floating times are local."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _occurrence(event: icalendar.cal.Component, zone: ZoneInfo) -> BusyInterval | None:
    """The busy interval of one expanded occurrence, or None if it blocks no time."""
    if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return None
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    dtstart = event.get("DTSTART")
    if dtstart is None:
        return None
    start_value = dtstart.dt
    dtend = event.get("DTEND")
    duration = event.get("DURATION")
    if dtend is not None:
        end_value = dtend.dt
    elif duration is not None:
        end_value = start_value + duration.dt
    elif isinstance(start_value, datetime):
        return None  # RFC 5545 §3.6.1: ends when it starts
    else:
        end_value = start_value + timedelta(days=1)
    start, end = _instant(start_value, zone), _instant(end_value, zone)
    return BusyInterval(start, end) if end > start else None


def _merged(intervals: list[BusyInterval]) -> tuple[BusyInterval, ...]:
    merged: list[BusyInterval] = []
    for interval in sorted(intervals):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = BusyInterval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return tuple(merged)


def read_busy_feed(
    ics: bytes,
    *,
    horizon_start: datetime,
    horizon_end: datetime,
    time_zone: str = "UTC",
    max_intervals: int = 5000,
) -> BusyFeed:
    """The busy intervals ``ics`` holds between ``horizon_start`` and ``horizon_end``
    (aware datetimes), clipped to them; ``time_zone`` is the participant's (for dates
    and floating times). Raises :class:`UnreadableFeed`."""
    zone = _zone(time_zone)
    try:
        calendar = icalendar.Calendar.from_ical(ics)
        if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
            raise UnreadableFeed("not a VCALENDAR")
        calendar = x_wr_timezone.to_standard(calendar)
        # Occurrences in order of start, lazily: a rule such as FREQ=SECONDLY must not
        # be expanded whole before the cap applies. Bad series are skipped, not fatal.
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        occurrences = query.after(horizon_start)
        found: list[BusyInterval] = []
        truncated = False
        for examined, event in enumerate(occurrences, start=1):
            if examined > max_intervals * 4:  # mostly free or cancelled: still bounded
                truncated = True
                break
            interval = _occurrence(event, zone)
            if interval is None:
                continue
            if interval.start >= horizon_end:
                break
            if interval.end <= horizon_start:
                continue
            if len(found) == max_intervals:
                truncated = True
                break
            found.append(
                BusyInterval(max(interval.start, horizon_start), min(interval.end, horizon_end))
            )
    except UnreadableFeed:
        raise
    except Exception as error:  # the parsers raise many kinds; all mean "cannot read it"
        raise UnreadableFeed(type(error).__name__) from error
    return BusyFeed(_merged(found), truncated)
