"""iCalendar files for meetings: invitations (RFC 5546 iTIP over mail) and personal feeds.

Pure functions from records to the bytes of one ``text/calendar`` object, built with the
``icalendar`` library, which does the escaping (commas, semicolons, backslashes, newlines),
the RFC 6868 quoting of parameter values and the folding of long lines at 75 octets
without splitting a UTF-8 character. Nothing here reads a clock, a file or the network:
every timestamp is in the records, and the time-zone rules come from the zoneinfo data.

Times: a meeting is stored as two aware instants. With a ``time_zone`` (an IANA name) the
file writes DTSTART/DTEND as local times with ``TZID=<zone>`` and carries a VTIMEZONE for
that zone covering the calendar years of the event (both daylight-saving switches of
those years, so a client that moves the event within the year still computes the right
offset); without one it writes UTC times (``...Z``) and needs no VTIMEZONE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vDuration,
    vText,
)

PRODID = "-//Tandem//Tandem meetings//EN"
# How often a subscribed feed asks again (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL is
# the older name Apple and Microsoft clients read).
FEED_REFRESH = timedelta(hours=1)


class PartStat(StrEnum):
    """An attendee's answer (RFC 5545 §3.2.12)."""

    NEEDS_ACTION = "NEEDS-ACTION"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    TENTATIVE = "TENTATIVE"


class Role(StrEnum):
    """An attendee's part in the meeting (RFC 5545 §3.2.16)."""

    REQ_PARTICIPANT = "REQ-PARTICIPANT"
    CHAIR = "CHAIR"


class EntryStatus(StrEnum):
    """The event's STATUS (RFC 5545 §3.8.1.11)."""

    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


class Method(StrEnum):
    """The iTIP method of an invitation (RFC 5546 §1.4); the mail part says the same."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


class CalendarError(ValueError):
    """A record that cannot become a valid iCalendar file (a bug in the caller)."""


def _plain(value: str, what: str) -> str:
    if not value or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise CalendarError(f"{what} must be non-empty without spaces or control characters")
    return value


@dataclass(frozen=True, slots=True)
class CalendarPerson:
    """An ORGANIZER or ATTENDEE: an address (``mailto:``) and a display name (CN)."""

    email: str
    name: str
    partstat: PartStat = PartStat.NEEDS_ACTION
    role: Role = Role.REQ_PARTICIPANT

    def __post_init__(self) -> None:
        # The address becomes a URI value: a space or line break would break the line.
        _plain(self.email, "an e-mail address")
        local, at, domain = self.email.rpartition("@")
        if not (at and local and domain):
            raise CalendarError(f"not an e-mail address: {self.email!r}")


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One meeting as a calendar sees it.

    ``uid`` stays the same for the meeting's whole life; ``sequence`` is its revision
    (see ``invitation``). ``starts_at``/``ends_at`` and the three stamps are aware
    datetimes (written in UTC or in ``time_zone``).
    """

    uid: str
    sequence: int
    summary: str
    description: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str | None
    location: str | None
    url: str | None
    organizer: CalendarPerson
    attendees: tuple[CalendarPerson, ...]
    status: EntryStatus
    created: datetime
    last_modified: datetime
    dtstamp: datetime

    def __post_init__(self) -> None:
        _plain(self.uid, "a UID")
        if self.sequence < 0:
            raise CalendarError("SEQUENCE is a non-negative integer")
        for what in ("starts_at", "ends_at", "created", "last_modified", "dtstamp"):
            moment: datetime = getattr(self, what)
            if moment.utcoffset() is None:
                raise CalendarError(f"{what} must be an aware datetime")
        if self.ends_at <= self.starts_at:
            raise CalendarError("a meeting ends after it starts")
        if self.url is not None:
            _plain(self.url, "a URL")
        if self.time_zone is not None:
            zone_of(self.time_zone)  # an unknown zone fails here, not in a mail relay


def zone_of(name: str) -> ZoneInfo:
    """The IANA zone of that name; a CalendarError if the zone database lacks it."""
    try:
        return ZoneInfo(name)
    except (ValueError, LookupError) as error:  # ZoneInfoNotFoundError is a KeyError
        raise CalendarError(f"unknown time zone: {name!r}") from error


def content_type(method: Method) -> str:
    """The MIME type of an invitation's calendar part: its method must match the file's."""
    return f'text/calendar; charset="utf-8"; method={Method(method).value}'


FEED_CONTENT_TYPE = 'text/calendar; charset="utf-8"'


def invitation(entry: CalendarEntry, method: Method) -> bytes:
    """One VCALENDAR with METHOD ``method`` and the meeting's one VEVENT.

    The caller keeps ``entry.uid`` for the meeting's life and raises ``entry.sequence``
    on every change of time, duration or place (DTSTART, DTEND, LOCATION, URL): RFC 5545
    §3.8.7.4 makes SEQUENCE the revision an update supersedes, and calendar programs drop
    a REQUEST whose SEQUENCE is not above the one they hold. A cancellation raises it
    too (RFC 5546 §3.2.5: "When a VEVENT is cancelled, the SEQUENCE property value MUST
    be incremented"): send CANCEL with a SEQUENCE above the last REQUEST's.

    ``REQUEST`` asks every attendee to answer (RSVP=TRUE) and needs a CONFIRMED entry;
    ``CANCEL`` always writes STATUS:CANCELLED and asks for no answer.
    """
    method = Method(method)
    if method is Method.REQUEST and entry.status is not EntryStatus.CONFIRMED:
        raise CalendarError("a REQUEST invites to a confirmed meeting; cancel with CANCEL")
    status = EntryStatus.CANCELLED if method is Method.CANCEL else entry.status
    calendar = _calendar(method=method.value)
    _add_events(calendar, [entry], default_zone=None, status=status, rsvp=method is Method.REQUEST)
    data: bytes = calendar.to_ical()
    return data


def feed(entries: Iterable[CalendarEntry], name: str, time_zone: str | None) -> bytes:
    """A whole calendar for a person's subscription (webcal): no METHOD, many VEVENTs.

    ``time_zone`` is the subscriber's own: entries without a zone of their own are
    written in it (so their local times read right even in a client that shows the raw
    file), and X-WR-TIMEZONE names it for clients that use it as the calendar's zone.
    Every TZID used has its VTIMEZONE.
    """
    if time_zone is not None:
        zone_of(time_zone)
    calendar = _calendar(method=None)
    calendar.add("name", name)  # RFC 7986 NAME
    calendar.add("x-wr-calname", name)  # what most clients read instead
    if time_zone is not None:
        calendar.add("x-wr-timezone", time_zone)
    calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    _add_events(calendar, list(entries), default_zone=time_zone, status=None, rsvp=False)
    data: bytes = calendar.to_ical()
    return data


def _calendar(*, method: str | None) -> Calendar:
    # Calendar() rather than Calendar.new(): new() invents a random calendar UID, and
    # these functions must give the same bytes for the same records.
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method is not None:
        calendar.add("method", method)
    return calendar


def _add_events(
    calendar: Calendar,
    entries: Sequence[CalendarEntry],
    *,
    default_zone: str | None,
    status: EntryStatus | None,
    rsvp: bool,
) -> None:
    spans: dict[str, tuple[int, int]] = {}
    events = []
    for entry in entries:
        zone_name = entry.time_zone or default_zone
        zone = zone_of(zone_name) if zone_name is not None else UTC
        starts, ends = entry.starts_at.astimezone(zone), entry.ends_at.astimezone(zone)
        if zone_name is not None:
            first, last = spans.get(zone_name, (starts.year, ends.year))
            spans[zone_name] = (min(first, starts.year), max(last, ends.year))
        events.append(_event(entry, starts, ends, status or entry.status, rsvp))
    for event in events:
        calendar.add_component(event)
    # The library writes UTC zones (UTC, Etc/UTC) as "Z" times: ask it which TZIDs it
    # wrote rather than guess. Their VTIMEZONEs go first, before any TZID refers to one.
    used = calendar.get_used_tzids()
    for zone_name in sorted(used, reverse=True):
        calendar.subcomponents.insert(0, _vtimezone(zone_name, *spans[zone_name]))
    missing = calendar.get_missing_tzids()
    if missing:  # the library's own check: every TZID used is defined in the file
        raise CalendarError(f"no VTIMEZONE for {sorted(missing)}")


def _event(
    entry: CalendarEntry, starts: datetime, ends: datetime, status: EntryStatus, rsvp: bool
) -> Event:
    event = Event.new(
        uid=entry.uid,
        sequence=entry.sequence,
        stamp=entry.dtstamp.astimezone(UTC),
        created=entry.created.astimezone(UTC),
        last_modified=entry.last_modified.astimezone(UTC),
        start=starts,
        end=ends,
        url=entry.url,
        organizer=vCalAddress.new(entry.organizer.email, cn=entry.organizer.name),
        attendees=[
            vCalAddress.new(
                person.email,
                cn=person.name,
                partstat=PartStat(person.partstat).value,
                role=Role(person.role).value,
                rsvp=True if rsvp else None,
            )
            for person in entry.attendees
        ],
    )
    # STATUS through add(): Event.new() takes the library's own enum for it.
    event.add("status", EntryStatus(status).value)
    event["SUMMARY"] = _ExactText(_text(entry.summary))
    event["DESCRIPTION"] = _ExactText(_text(entry.description))
    if entry.location is not None:
        event["LOCATION"] = _ExactText(_text(entry.location))
    return event


class _ExactText(vText):
    """TEXT escaped exactly as RFC 5545 §3.3.11 says, and nothing more.

    icalendar 7.3's escaping first turns a typed backslash-N into a line break (it takes
    ``\\N`` for an escaped newline already), so "C:\\New" came back as "C:" and a new
    line; here every backslash is escaped first, then ``;``, ``,`` and line breaks.
    """

    def to_ical(self) -> bytes:
        escaped = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\n", "\\n")
        )
        return escaped.encode()  # TEXT is UTF-8 (RFC 5545 §3.1.4)


def _text(value: str) -> str:
    # A TEXT value has one kind of line break, written "\n" (RFC 5545 §3.3.11): a CR
    # left in would reach the reader as a stray character.
    return value.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=512)
def _vtimezone(zone_name: str, first_year: int, last_year: int) -> Timezone:
    """The zone's VTIMEZONE for whole calendar years, from the zoneinfo data.

    Cached: the library walks the zone's transitions (about 50 ms for a zone without
    any, such as Asia/Kathmandu). The component is shared between calendars and never
    changed after it is built.
    """
    timezone = Timezone.from_tzinfo(
        zone_of(zone_name),
        tzid=zone_name,
        first_date=date(first_year, 1, 1),
        last_date=date(last_year + 1, 1, 1),
    )
    for observance in timezone.subcomponents:
        if isinstance(observance, TimezoneStandard | TimezoneDaylight):
            _onset_in_old_time(observance)
    return timezone


def _onset_in_old_time(observance: TimezoneStandard | TimezoneDaylight) -> None:
    """Write a forward jump's onsets in the local time before it, as RFC 5545 has it.

    An observance's onset is DTSTART (and each RDATE) read with TZOFFSETFROM (§3.6.5;
    its own example: DTSTART 02:00 for New York's 02:00 EST -> 03:00 EDT). icalendar
    7.3 writes the first wall time of the new offset instead (03:00), which puts the
    onset one jump late: measured with dateutil's reader, 07:30 UTC on 14 March 2027
    read as 02:30 EST instead of 03:30 EDT. Backward jumps are written right already.
    """
    jump = observance.TZOFFSETTO - observance.TZOFFSETFROM
    if jump <= timedelta(0):
        return
    later = [start - jump for start, _ in observance.rdates]
    observance.DTSTART = observance.DTSTART - jump
    if later:
        observance.pop("RDATE")
        observance.add("RDATE", later)
