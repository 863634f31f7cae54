"""Invitations and feeds imported into a real calendar program: khal (Debian's package).

Each test runs khal in a folder of its own (config, vdir, cache database, HOME), with
its local time zone set both in khal's config and in TZ, and reads back what khal lists.

What khal 0.10 does with what we send (read from its source and shown here):
- ``khal import`` ignores METHOD. An event whose UID is already in the calendar is
  replaced whole (``--batch`` answers khal's "update it?" with yes); khal does not
  compare SEQUENCE, so a reschedule updates the one event, never adds a second.
- A CANCEL is imported like any other version of the event: khal keeps the event and
  shows it as cancelled (STATUS:CANCELLED; its ``{cancelled}`` field, part of khal's
  default formats, prints ``CANCELLED``). It does not delete it.
- For a TZID that is an Olson name khal's icalendar 4 takes the zone from pytz, not
  from the file's VTIMEZONE (which the second-parser test checks instead).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tandem_meetings.domain.calendar import CalendarEntry, EntryStatus, Method, feed, invitation
from tests.meetings.calendar_samples import AWKWARD_LOCATION, TIMED, Timed, entry, timed_entry

KHAL_TIMEOUT_SECONDS = 60
FIELDS = ("uid", "start", "end", "title", "location", "status", "cancelled")
LIST_FORMAT = "\t".join("{" + field + "}" for field in FIELDS)
LISTED_FROM, LISTED_TO = "2026-06-01", "2028-12-31"


@dataclass(frozen=True, slots=True)
class Listed:
    uid: str
    start: str
    end: str
    title: str
    location: str
    status: str
    cancelled: str


class Khal:
    """khal with its own configuration, calendar folder and cache, in one local zone."""

    def __init__(self, root: Path, zone: str) -> None:
        executable = shutil.which("khal")
        assert executable is not None, (
            "khal is not installed: the calendar tests import invitations into the real "
            "program (apt-get install khal; .ci/run installs it)"
        )
        self.executable = executable
        self.root = root
        self.zone = zone
        self.vdir = root / "vdir" / "tandem"
        self.vdir.mkdir(parents=True)
        self.config = root / "khal.conf"
        self.config.write_text(
            "[calendars]\n"
            "[[tandem]]\n"
            f"path = {self.vdir}\n"
            "type = calendar\n"
            "[locale]\n"
            f"local_timezone = {zone}\n"
            f"default_timezone = {zone}\n"
            "timeformat = %H:%M\n"
            "dateformat = %Y-%m-%d\n"
            "longdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\n"
            "longdatetimeformat = %Y-%m-%d %H:%M\n"
            "[sqlite]\n"
            f"path = {root / 'khal.db'}\n"
        )

    def run(self, *args: str) -> str:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_DATA_HOME": str(self.root / "data"),
            "TZ": self.zone,
            "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8",
        }
        command = [self.executable, "-c", str(self.config), *args]
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=KHAL_TIMEOUT_SECONDS,
            check=False,
        )
        assert result.returncode == 0, (
            f"khal {' '.join(args)} exited {result.returncode}: {result.stderr}{result.stdout}"
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result.stdout

    def import_ics(self, data: bytes, name: str) -> None:
        path = self.root / f"{name}.ics"
        path.write_bytes(data)
        self.run("import", "--batch", str(path))

    def listed(self) -> list[Listed]:
        out = self.run(
            "list", "--once", "--format", LIST_FORMAT, "--day-format", "", LISTED_FROM, LISTED_TO
        )
        rows = [line.split("\t") for line in out.splitlines() if line.strip()]
        assert all(len(row) == len(FIELDS) for row in rows), out
        return [Listed(*(value.strip() for value in row)) for row in rows]

    def stored_files(self) -> list[Path]:
        return sorted(self.vdir.glob("*.ics"))


def khal_in(tmp_path: Path, zone: str) -> Khal:
    return Khal(tmp_path / "khal", zone)


def only(rows: list[Listed]) -> Listed:
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("case", TIMED, ids=lambda case: case.label)
def test_an_invitation_shows_at_the_right_local_time_in_its_zone(
    tmp_path: Path, case: Timed
) -> None:
    khal = khal_in(tmp_path, case.zone)
    meeting = timed_entry(case)
    khal.import_ics(invitation(meeting, Method.REQUEST), "invitation")
    shown = only(khal.listed())
    assert shown.uid == meeting.uid
    assert (shown.start, shown.end) == (case.local_start, case.local_end)
    assert shown.title == meeting.summary
    assert shown.location == AWKWARD_LOCATION
    assert (shown.status, shown.cancelled) == ("CONFIRMED", "")


# A meeting written in one zone, seen by someone in another: the local times are
# worked out by hand (the viewer's offset on that day).
ACROSS_ZONES = [
    # 09:00 UTC on 28 March (Lisbon summer time) seen in Kathmandu (+05:45).
    (TIMED[2], "Asia/Kathmandu", "2027-03-28 14:45", "2027-03-28 15:45"),
    # 14:00-15:30 UTC on 3 April (Lord Howe's switch) seen in Lisbon (+01:00).
    (TIMED[7], "Europe/Lisbon", "2027-04-03 15:00", "2027-04-03 16:30"),
    # 06:30-07:30 UTC on 14 March (New York's switch) seen on Lord Howe (+11:00).
    (TIMED[4], "Australia/Lord_Howe", "2027-03-14 17:30", "2027-03-14 18:30"),
    # 15:15 Kathmandu time seen in New York (EDT by 28 March, -04:00).
    (TIMED[6], "America/New_York", "2027-03-28 05:30", "2027-03-28 06:30"),
]


@pytest.mark.parametrize(
    ("case", "viewer", "local_start", "local_end"),
    ACROSS_ZONES,
    ids=[f"{case.label}-seen-in-{viewer}" for case, viewer, _, _ in ACROSS_ZONES],
)
def test_an_invitation_shows_at_the_viewers_local_time(
    tmp_path: Path, case: Timed, viewer: str, local_start: str, local_end: str
) -> None:
    khal = khal_in(tmp_path, viewer)
    khal.import_ics(invitation(timed_entry(case), Method.REQUEST), "invitation")
    shown = only(khal.listed())
    assert (shown.start, shown.end) == (local_start, local_end)


@pytest.mark.parametrize("viewer", ["Europe/Lisbon", "America/New_York", "Asia/Kathmandu"])
def test_a_reschedule_updates_the_one_event_and_a_cancel_marks_it_cancelled(
    tmp_path: Path, viewer: str
) -> None:
    khal = khal_in(tmp_path, viewer)
    zone = ZoneInfo(viewer)
    first = entry()  # 10 March 2027, 15:00-16:00 UTC, written in Lisbon time
    khal.import_ics(invitation(first, Method.REQUEST), "request-0")
    shown = only(khal.listed())
    assert shown.start == first.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")

    moved = entry(
        sequence=1,
        starts_at=datetime(2027, 4, 14, 16, 30, tzinfo=UTC),
        ends_at=datetime(2027, 4, 14, 17, 15, tzinfo=UTC),
        location="Online only",
    )
    khal.import_ics(invitation(moved, Method.REQUEST), "request-1")
    shown = only(khal.listed())  # still one event: the update replaced it
    assert shown.uid == first.uid
    assert shown.start == moved.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    assert shown.end == moved.ends_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    assert shown.location == "Online only"
    assert shown.cancelled == ""
    assert len(khal.stored_files()) == 1

    cancelled = entry(
        sequence=2,
        starts_at=moved.starts_at,
        ends_at=moved.ends_at,
        location="Online only",
    )
    khal.import_ics(invitation(cancelled, Method.CANCEL), "cancel-2")
    # khal keeps a cancelled event and marks it: exactly one, at its last time,
    # with STATUS CANCELLED and the CANCELLED mark of khal's listings.
    shown = only(khal.listed())
    assert shown.uid == first.uid
    assert shown.start == moved.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    assert (shown.status, shown.cancelled) == ("CANCELLED", "CANCELLED")
    (stored,) = khal.stored_files()
    text = stored.read_text()
    assert "STATUS:CANCELLED" in text
    assert "SEQUENCE:2" in text


def feed_entries() -> list[CalendarEntry]:
    meetings = [timed_entry(case) for case in TIMED]
    meetings += [
        entry(
            uid=f"meeting-series-{week}@tandem.example",
            time_zone=None,
            starts_at=datetime(2027, 1, 4, 17, tzinfo=UTC) + timedelta(weeks=week),
            ends_at=datetime(2027, 1, 4, 18, tzinfo=UTC) + timedelta(weeks=week),
            status=EntryStatus.CANCELLED if week == 5 else EntryStatus.CONFIRMED,
        )
        for week in range(60)
    ]
    return meetings


@pytest.mark.parametrize("viewer", ["America/New_York", "Australia/Lord_Howe"])
def test_a_feed_imports_every_meeting_at_its_local_time(tmp_path: Path, viewer: str) -> None:
    khal = khal_in(tmp_path, viewer)
    meetings = feed_entries()
    khal.import_ics(feed(meetings, "Ana's Tandem meetings", viewer), "feed")
    shown = {row.uid: row for row in khal.listed()}
    assert set(shown) == {meeting.uid for meeting in meetings}
    assert len(khal.stored_files()) == len(meetings)
    zone = ZoneInfo(viewer)
    for meeting in meetings:
        row = shown[meeting.uid]
        assert row.start == meeting.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        assert row.end == meeting.ends_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        cancelled = meeting.status is EntryStatus.CANCELLED
        assert row.cancelled == ("CANCELLED" if cancelled else ""), meeting.uid
