"""Every generated iCalendar file, read back by a second, independent parser (``ical``).

``ical`` (allenporter/ical) shares no code with the ``icalendar`` library the service
writes with. Instants are checked twice: through the parser's own reading of the TZID,
and through the file's VTIMEZONE alone, so a wrong VTIMEZONE fails
even where the reader would have used its own zone database.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.event import Event

from tandem_meetings.domain.calendar import (
    CalendarEntry,
    CalendarError,
    CalendarPerson,
    EntryStatus,
    Method,
    PartStat,
    content_type,
    feed,
    invitation,
)
from tests.meetings.calendar_samples import (
    AWKWARD_DESCRIPTION,
    AWKWARD_LOCATION,
    AWKWARD_SUMMARY,
    MENTEE,
    MENTOR,
    ORGANIZER,
    SECOND_MENTEE,
    STAMP,
    TIMED,
    VIDEO_URL,
    Timed,
    entry,
    timed_entry,
)


def parse(data: bytes) -> Calendar:
    assert isinstance(data, bytes)
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def only_event(calendar: Calendar) -> Event:
    assert len(calendar.events) == 1, [event.uid for event in calendar.events]
    return calendar.events[0]


def starts(event: Event) -> datetime:
    assert isinstance(event.start, datetime)  # a meeting has times, not just dates
    return event.start


def ends(event: Event) -> datetime:
    assert isinstance(event.end, datetime)
    return event.end


def tzids_used(data: bytes) -> set[str]:
    """TZID parameters as written, read from the raw unfolded lines (not by a library)."""
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    found = set()
    for line in unfolded.split("\r\n"):
        head = line.split(":", 1)[0]
        for param in head.split(";")[1:]:
            if param.startswith("TZID="):
                found.add(param.removeprefix("TZID="))
    return found


def onsets_of(calendar: Calendar, tzid: str) -> list[tuple[datetime, timedelta]]:
    """(onset as a UTC instant, UTC offset from then on) for every observance of the
    file's VTIMEZONE, read as RFC 5545 §3.6.5 has it: each onset (DTSTART, each RDATE)
    is a local time in TZOFFSETFROM. Read from the parser's model; the lookup is done
    here because ``ical`` 14.3 ignores an observance that has a DTSTART and no RRULE or
    RDATE (its ``get_observance`` finds nothing), which is what the icalendar library
    writes for a zone's first observance.
    """
    (definition,) = [tz for tz in calendar.timezones if tz.tz_id == tzid]
    onsets = []
    for observance in [*definition.standard, *definition.daylight]:
        assert observance.rrule is None  # the library writes every onset out
        for local in [observance.dtstart, *observance.rdate]:
            assert isinstance(local, datetime)
            onset = (local - observance.tz_offset_from.offset).replace(tzinfo=UTC)
            onsets.append((onset, observance.tz_offset_to.offset))
    return sorted(onsets)


def offset_at(onsets: list[tuple[datetime, timedelta]], instant: datetime) -> timedelta:
    started = [offset for onset, offset in onsets if onset <= instant]
    assert started, f"the VTIMEZONE does not cover {instant}"
    return started[-1]


def local_by_vtimezone(calendar: Calendar, tzid: str, instant: datetime) -> str:
    """The wall-clock time of a UTC instant by the file's own VTIMEZONE of ``tzid``."""
    return local_text(instant + offset_at(onsets_of(calendar, tzid), instant))


def instant_by_vtimezone(calendar: Calendar, moment: datetime) -> datetime:
    """The UTC instant of a parsed local time (DTSTART;TZID=...), by the file's
    VTIMEZONE alone: the one offset whose instant the VTIMEZONE gives that offset."""
    if moment.tzinfo is UTC:
        return moment
    onsets = onsets_of(calendar, str(moment.tzinfo))
    local = moment.replace(tzinfo=None)
    fits = set()
    for offset in {offset for _, offset in onsets}:
        instant = (local - offset).replace(tzinfo=UTC)
        if offset_at(onsets, instant) == offset:
            fits.add(instant)
    assert len(fits) == 1, f"{local} is {len(fits)} instants by the file's VTIMEZONE"
    return fits.pop()


def local_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def assert_people(event: Event, *, rsvp: bool | None) -> None:
    assert event.organizer is not None
    assert event.organizer.uri == f"mailto:{ORGANIZER.email}"
    assert event.organizer.common_name == ORGANIZER.name
    people = {str(a.uri): a for a in event.attendees}
    assert set(people) == {f"mailto:{p.email}" for p in (MENTOR, MENTEE, SECOND_MENTEE)}
    for person in (MENTOR, MENTEE, SECOND_MENTEE):
        read = people[f"mailto:{person.email}"]
        assert read.common_name == person.name  # quotes, Greek, Arabic, emoji intact
        assert read.status == person.partstat.value
        assert read.role == person.role.value
        assert read.rsvp is rsvp


def test_a_plain_invitation_reads_back_field_for_field() -> None:
    data = invitation(entry(), Method.REQUEST)
    calendar = parse(data)
    assert calendar.method == "REQUEST"
    assert calendar.version == "2.0"
    assert calendar.prodid == "-//Tandem//Tandem meetings//EN"
    event = only_event(calendar)
    assert event.uid == entry().uid
    assert event.sequence == 0
    assert event.status is not None
    assert event.status.value == "CONFIRMED"
    assert event.summary == AWKWARD_SUMMARY
    assert event.description == AWKWARD_DESCRIPTION.replace("\r\n", "\n")
    assert event.location == AWKWARD_LOCATION
    assert event.url == VIDEO_URL
    assert event.dtstamp == STAMP
    assert event.created == STAMP
    assert event.last_modified == STAMP
    # 15:00 UTC on 10 March is 15:00 in Lisbon (winter time, +00:00).
    assert local_text(starts(event)) == "2027-03-10 15:00"
    assert instant_by_vtimezone(calendar, starts(event)) == datetime(2027, 3, 10, 15, tzinfo=UTC)
    assert_people(event, rsvp=True)
    assert b"METHOD:REQUEST\r\n" in data
    assert content_type(Method.REQUEST) == 'text/calendar; charset="utf-8"; method=REQUEST'


def test_an_update_keeps_the_uid_and_carries_sequence_one_and_the_new_time() -> None:
    moved = entry(
        sequence=1,
        starts_at=datetime(2027, 4, 7, 16, 30, tzinfo=UTC),
        ends_at=datetime(2027, 4, 7, 18, 0, tzinfo=UTC),
        last_modified=STAMP + timedelta(days=3),
        dtstamp=STAMP + timedelta(days=3),
    )
    calendar = parse(invitation(moved, Method.REQUEST))
    event = only_event(calendar)
    assert calendar.method == "REQUEST"
    assert (event.uid, event.sequence) == (entry().uid, 1)
    # Lisbon is on summer time (+01:00) by April.
    assert (local_text(starts(event)), local_text(ends(event))) == (
        "2027-04-07 17:30",
        "2027-04-07 19:00",
    )
    assert instant_by_vtimezone(calendar, starts(event)) == moved.starts_at
    assert instant_by_vtimezone(calendar, ends(event)) == moved.ends_at
    assert event.dtstamp == STAMP + timedelta(days=3)


def test_a_cancel_says_cancel_and_cancelled_and_asks_no_answer() -> None:
    data = invitation(entry(sequence=2), Method.CANCEL)
    calendar = parse(data)
    assert calendar.method == "CANCEL"
    event = only_event(calendar)
    assert (event.uid, event.sequence) == (entry().uid, 2)
    assert event.status is not None
    assert event.status.value == "CANCELLED"
    assert_people(event, rsvp=None)
    assert content_type(Method.CANCEL) == 'text/calendar; charset="utf-8"; method=CANCEL'


@pytest.mark.parametrize("case", TIMED, ids=lambda case: case.label)
def test_times_are_the_intended_instants_in_every_zone(case: Timed) -> None:
    data = invitation(timed_entry(case), Method.REQUEST)
    calendar = parse(data)
    event = only_event(calendar)
    assert (local_text(starts(event)), local_text(ends(event))) == (
        case.local_start,
        case.local_end,
    )
    assert starts(event).astimezone(UTC) == case.starts_at
    assert ends(event).astimezone(UTC) == case.ends_at
    assert instant_by_vtimezone(calendar, starts(event)) == case.starts_at
    assert instant_by_vtimezone(calendar, ends(event)) == case.ends_at
    if case.zone != "UTC":  # and back: the instants read as the intended local times
        assert local_by_vtimezone(calendar, case.zone, case.starts_at) == case.local_start
        assert local_by_vtimezone(calendar, case.zone, case.ends_at) == case.local_end
    defined = {tz.tz_id for tz in calendar.timezones}
    if case.zone == "UTC":  # UTC times are written with Z and need no VTIMEZONE
        assert tzids_used(data) == set()
        assert defined == set()
        assert b"DTSTART:20270601T120000Z\r\n" in data
    else:
        assert tzids_used(data) == {case.zone} == defined


def test_a_feed_of_many_holds_every_meeting_and_every_zone_it_uses() -> None:
    entries = [timed_entry(case) for case in TIMED]
    # Meetings of other years and without a zone of their own (they take the feed's).
    entries += [
        entry(
            uid=f"meeting-series-{week}@tandem.example",
            sequence=week % 3,
            time_zone=None,
            starts_at=datetime(2027, 1, 4, 17, tzinfo=UTC) + timedelta(weeks=week),
            ends_at=datetime(2027, 1, 4, 18, tzinfo=UTC) + timedelta(weeks=week),
            status=EntryStatus.CANCELLED if week == 5 else EntryStatus.CONFIRMED,
        )
        for week in range(60)
    ]
    data = feed(entries, "Ana's Tandem meetings — Λισαβόνα", "America/New_York")
    calendar = parse(data)
    assert calendar.method is None
    name = "Ana's Tandem meetings — Λισαβόνα"
    assert calendar.name == [name]
    extras = {extra.name.lower(): extra.value for extra in calendar.extras}
    assert extras["x-wr-calname"] == name
    assert extras["x-published-ttl"] == "PT1H"
    assert calendar.x_wr_timezone == "America/New_York"
    assert {event.uid for event in calendar.events} == {e.uid for e in entries}
    assert len(calendar.events) == len(entries)
    by_uid = {event.uid: event for event in calendar.events}
    for wanted in entries:
        event = by_uid[wanted.uid]
        assert event.sequence == wanted.sequence
        assert event.status is not None
        assert event.status.value == wanted.status.value
        assert instant_by_vtimezone(calendar, starts(event)) == wanted.starts_at
        assert instant_by_vtimezone(calendar, ends(event)) == wanted.ends_at
        assert_people(event, rsvp=None)
    # The series runs into 2028 in the subscriber's zone: New York's VTIMEZONE covers it.
    series_end = by_uid["meeting-series-59@tandem.example"]
    assert str(starts(series_end).tzinfo) == "America/New_York"
    assert local_text(starts(series_end)) == "2028-02-21 12:00"
    assert tzids_used(data) == {t.zone for t in TIMED if t.zone != "UTC"} | {"America/New_York"}
    assert tzids_used(data) == {tz.tz_id for tz in calendar.timezones}


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    data = invitation(entry(description="🎉" * 200, summary="Ω" * 100), Method.REQUEST)
    lines = data.split(b"\r\n")
    assert lines[-1] == b""  # every line, the last too, ends in CRLF
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a fold inside a multi-byte character would fail here
    event = only_event(parse(data))
    assert (event.description, event.summary) == ("🎉" * 200, "Ω" * 100)


# Text a person may type: any printable character of any script, emoji, TEXT
# delimiters, backslashes, line breaks. (Other control characters are not allowed in
# iCalendar TEXT at all.)
typed_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")
    | st.sampled_from([",", ";", "\\", "\n", ":", '"', "🎉", "ع", "Ω"]),
    min_size=1,
    max_size=120,
).filter(lambda text: text.strip() == text)


def test_a_typed_backslash_n_stays_a_backslash_and_an_n() -> None:
    # icalendar 7.3 alone writes "\\N" as an escaped line break: "C:\\New" came back as
    # "C:" and a new line (found by the property below).
    typed = "C:\\New folder\\N"
    event = only_event(parse(invitation(entry(location=typed), Method.REQUEST)))
    assert event.location == typed


@settings(max_examples=200, deadline=None)
@given(summary=typed_text, description=typed_text, location=typed_text)
def test_any_typed_text_round_trips(summary: str, description: str, location: str) -> None:
    event = only_event(
        parse(
            invitation(
                entry(summary=summary, description=description, location=location),
                Method.REQUEST,
            )
        )
    )
    assert (event.summary, event.description, event.location) == (summary, description, location)


def test_same_records_give_the_same_bytes() -> None:
    assert invitation(entry(), Method.REQUEST) == invitation(entry(), Method.REQUEST)
    assert feed([entry()], "F", "Asia/Kathmandu") == feed([entry()], "F", "Asia/Kathmandu")


def test_without_location_or_link_those_properties_are_absent() -> None:
    data = invitation(entry(location=None, url=None, time_zone=None), Method.REQUEST)
    for absent in (b"LOCATION", b"URL", b"VTIMEZONE"):
        assert absent not in data
    event = only_event(parse(data))
    assert event.location is None
    assert event.url is None
    assert starts(event) == datetime(2027, 3, 10, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": datetime(2027, 3, 10, 15)}, "aware"),
        ({"ends_at": datetime(2027, 3, 10, 14, tzinfo=UTC)}, "ends after it starts"),
        ({"time_zone": "Europe/Atlantis"}, "unknown time zone"),
        ({"time_zone": "../../etc/passwd"}, "unknown time zone"),
        ({"sequence": -1}, "SEQUENCE"),
        ({"uid": "two words"}, "UID"),
        ({"url": "https://x.example/\r\nATTENDEE:mailto:evil@x.example"}, "URL"),
    ],
)
def test_records_that_cannot_be_valid_icalendar_are_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(CalendarError, match=message):
        entry(**changes)


@pytest.mark.parametrize("email", ["nobody", "@example.org", "a@", "a b@example.org", "a@x\r\n"])
def test_an_address_that_is_no_mail_address_is_refused(email: str) -> None:
    with pytest.raises(CalendarError):
        CalendarPerson(email, "Someone", PartStat.ACCEPTED)


def test_a_request_for_a_cancelled_meeting_is_refused() -> None:
    cancelled: CalendarEntry = replace(entry(), status=EntryStatus.CANCELLED)
    with pytest.raises(CalendarError, match="CANCEL"):
        invitation(cancelled, Method.REQUEST)
    assert only_event(parse(invitation(cancelled, Method.CANCEL))).status is not None


def test_an_unknown_feed_zone_is_refused() -> None:
    with pytest.raises(CalendarError, match="unknown time zone"):
        feed([entry()], "F", "Mars/Olympus_Mons")
