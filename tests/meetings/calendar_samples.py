"""Meetings as calendar records, shared by the second-parser and the khal tests.

The expected local times in ``TIMED`` are written out by hand from the 2027 rules of each
zone, not computed with zoneinfo, so that the code under test and the test do not share
the same source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from tandem_meetings.domain.calendar import (
    CalendarEntry,
    CalendarPerson,
    EntryStatus,
    PartStat,
    Role,
)

ORGANIZER = CalendarPerson("programme-7@tandem.example", "Tandem · Lisbon cohort 2027")
MENTOR = CalendarPerson(
    "ana.silva@example.org", 'Ana "the mentor" Silva; Porto', PartStat.ACCEPTED, Role.CHAIR
)
MENTEE = CalendarPerson("nikos@example.org", "Νίκος Παπαδόπουλος", PartStat.NEEDS_ACTION)
SECOND_MENTEE = CalendarPerson("layla@example.org", "ليلى حداد 🌱", PartStat.TENTATIVE)

# Every character class an iCalendar writer must escape or fold: TEXT delimiters
# (comma, semicolon, backslash), line breaks of both kinds, Greek, Arabic and emoji
# (four-byte UTF-8), and a line long enough to be folded several times.
AWKWARD_SUMMARY = "Kick-off, goals; plans \\ next steps — Γνωριμία, التعارف 🤝"
AWKWARD_DESCRIPTION = (
    "Agenda:\n1. Introductions, expectations; the charter\r\n2. Goals \\ milestones\n"
    "Ελληνικά: καλή αρχή! العربية: بداية موفقة 👋🏽🎉 " + "long line " * 20
)
AWKWARD_LOCATION = "Café A Brasileira, Rua Garrett 120; 1200-273 Lisboa, Portugal ☕"
VIDEO_URL = "https://meet.example.org/tandem-4f1c2a9e7b3d?lang=pt,en&x=1;2"
STAMP = datetime(2027, 2, 1, 8, 0, tzinfo=UTC)


def entry(**changes: object) -> CalendarEntry:
    """A confirmed meeting of a mentor and two mentees; keyword arguments replace fields."""
    starts = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    base = CalendarEntry(
        uid="meeting-0b8e6c3e-6a43-4d0e-9a8e-1f3b8f6c2d11@tandem.example",
        sequence=0,
        summary=AWKWARD_SUMMARY,
        description=AWKWARD_DESCRIPTION,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        time_zone="Europe/Lisbon",
        location=AWKWARD_LOCATION,
        url=VIDEO_URL,
        organizer=ORGANIZER,
        attendees=(MENTOR, MENTEE, SECOND_MENTEE),
        status=EntryStatus.CONFIRMED,
        created=STAMP,
        last_modified=STAMP,
        dtstamp=STAMP,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Timed:
    """A meeting's instants and the wall-clock times a person in ``zone`` must see."""

    label: str
    zone: str
    starts_at: datetime
    ends_at: datetime
    local_start: str  # "YYYY-MM-DD HH:MM" in zone
    local_end: str


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


TIMED = (
    # Lisbon: WET→WEST on Sunday 28 March 2027 at 01:00 UTC (01:00 becomes 02:00).
    Timed("lisbon-before", "Europe/Lisbon", _utc("2027-03-28T00:00"),
          _utc("2027-03-28T00:45"), "2027-03-28 00:00", "2027-03-28 00:45"),
    Timed("lisbon-across", "Europe/Lisbon", _utc("2027-03-28T00:30"),
          _utc("2027-03-28T01:30"), "2027-03-28 00:30", "2027-03-28 02:30"),
    Timed("lisbon-after", "Europe/Lisbon", _utc("2027-03-28T09:00"),
          _utc("2027-03-28T10:00"), "2027-03-28 10:00", "2027-03-28 11:00"),
    # New York: EST→EDT on Sunday 14 March 2027 at 07:00 UTC (02:00 becomes 03:00).
    Timed("new-york-before", "America/New_York", _utc("2027-03-14T05:00"),
          _utc("2027-03-14T06:00"), "2027-03-14 00:00", "2027-03-14 01:00"),
    Timed("new-york-across", "America/New_York", _utc("2027-03-14T06:30"),
          _utc("2027-03-14T07:30"), "2027-03-14 01:30", "2027-03-14 03:30"),
    Timed("new-york-autumn", "America/New_York", _utc("2027-11-08T14:00"),
          _utc("2027-11-08T15:00"), "2027-11-08 09:00", "2027-11-08 10:00"),
    # Kathmandu: +05:45 all year.
    Timed("kathmandu", "Asia/Kathmandu", _utc("2027-03-28T09:30"),
          _utc("2027-03-28T10:30"), "2027-03-28 15:15", "2027-03-28 16:15"),
    # Lord Howe: +11 → +10:30 on Sunday 4 April 2027 at 02:00 local (15:00 UTC on the 3rd),
    # a 30-minute shift; back to +11 on 3 October at 02:00 local (15:30 UTC on the 2nd).
    Timed("lord-howe-across", "Australia/Lord_Howe", _utc("2027-04-03T14:00"),
          _utc("2027-04-03T15:30"), "2027-04-04 01:00", "2027-04-04 02:00"),
    Timed("lord-howe-spring", "Australia/Lord_Howe", _utc("2027-10-02T15:00"),
          _utc("2027-10-02T16:00"), "2027-10-03 01:30", "2027-10-03 03:00"),
    Timed("utc", "UTC", _utc("2027-06-01T12:00"),
          _utc("2027-06-01T13:30"), "2027-06-01 12:00", "2027-06-01 13:30"),
)  # fmt: skip


def timed_entry(case: Timed, **changes: object) -> CalendarEntry:
    """The meeting of ``case`` in its zone, with a UID of its own."""
    fields: dict[str, object] = {
        "uid": f"meeting-{case.label}@tandem.example",
        "starts_at": case.starts_at,
        "ends_at": case.ends_at,
        "time_zone": case.zone,
    }
    return entry(**(fields | changes))
