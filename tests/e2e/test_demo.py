"""`make demo` works: the platform comes up and a demo programme flows through it, up to
kick-off meetings whose invitations (real mails in the demo's SMTP catcher) carry
iCalendar parts that the second parser (``ical``) and khal read, as they read the
mentee's personal feed.

The demo runs on free ports and in a folder of the test's own, so it can run beside
`make demo` or another checkout's test."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from ical.calendar_stream import IcsCalendarStream
from ical.event import Event

from tests.meetings.integration.test_khal import Khal
from tests.support.infra import REPO_ROOT
from tests.support.smtp import free_port

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def calendar_parts(mail: EmailMessage) -> list[EmailMessage]:
    return [
        part
        for part in mail.walk()
        if isinstance(part, EmailMessage) and part.get_content_type() == "text/calendar"
    ]


def events_of(mail: EmailMessage) -> list[Event]:
    found = []
    for part in calendar_parts(mail):
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found += IcsCalendarStream.calendar_from_ics(payload.decode()).events
    return found


def uids(mail: EmailMessage) -> list[str]:
    return [event.uid for event in events_of(mail)]


def mode_of(mail: EmailMessage) -> str | None:
    (event,) = events_of(mail)
    location = event.location or ""
    if location.startswith("https://meet.jit.si/"):
        return "online"
    return "face_to_face" if location.startswith("Public library, ") else None


def test_the_demo_runs_a_programme_through_every_service(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    data = tmp_path / "demo"
    ports = {
        name: free_port()
        for name in ("matching", "messaging", "meetings", "analytics", "smtp", "web")
    }
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "demo",
            "--exit",
            "--mentees",
            "60",
            "--mentors",
            "20",
            "--data",
            str(data),
            *(arg for name, port in ports.items() for arg in (f"--{name}-port", str(port))),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = completed.stdout
    assert completed.returncode == 0, out[-3000:] + completed.stderr[-3000:]
    assert "imported 80 participants" in out
    assert "certified gap" in out
    assert "active relationships" in out
    assert "10 messages posted" in out
    for name, port in ports.items():
        if name != "smtp":
            assert f"{name} http://127.0.0.1:{port}" in out  # the ports it was given
    web = re.search(r"the web app at (\S+): its sign-in page offers (\d+) demo users", out)
    assert web is not None, out[-3000:]
    assert web.group(1) == f"http://127.0.0.1:{ports['web']}"
    assert int(web.group(2)) >= 1 + 60 + 20  # the admin, every mentee and mentor, managers
    assert "  Maria Manager (manager of Back to Work 2027)" in out, out[-3000:]
    assert re.search(r"\n  .+ \(mentee in Back to Work 2027\)\n", out), out[-3000:]
    delivered = re.search(r"(\d+) e-mails delivered to the local SMTP catcher", out)
    assert delivered is not None
    assert int(delivered.group(1)) > 0

    scheduled = re.search(
        r"(\d+) kick-offs scheduled: (\d+) face to face \((.*)\), (\d+) online", out
    )
    assert scheduled is not None, out[-3000:]
    total, face_to_face, cities, online = scheduled.groups()
    assert int(face_to_face) > 0, cities  # members sharing a city meet there
    assert int(online) > 0
    assert int(total) == int(face_to_face) + int(online)
    assert "https://meet.jit.si/" in out  # the default provider's links

    # The invitations themselves, as the catcher received them.
    mails = [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted((data / "mails").glob("*.eml"))
    ]
    invitations = [m for m in mails if isinstance(m, EmailMessage) and calendar_parts(m)]
    assert len(invitations) >= 2 * int(total)  # every member of every meeting
    modes: Counter[str] = Counter()
    for mail in invitations:
        (part,) = calendar_parts(mail)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        calendar = IcsCalendarStream.calendar_from_ics(payload.decode("utf-8"))
        # The part's METHOD is the one its Content-Type names (RFC 6047 section 2.4).
        assert calendar.method == part.get_param("method") == "REQUEST"
        (event,) = calendar.events
        assert event.sequence == 0
        location = event.location or ""
        if location.startswith("https://meet.jit.si/"):
            modes["online"] += 1
            assert event.url == location
        else:  # the place the demo chose from the plan's place suggestion
            assert re.fullmatch(r"Public library, [A-Z][a-z]+", location), location
            modes["face_to_face"] += 1
    assert modes["online"] > 0
    assert modes["face_to_face"] >= 2 * int(face_to_face)
    counted = re.search(r"(\d+) invitations in the SMTP catcher with \.ics parts", out)
    assert counted is not None
    # What the demo counted once every invitation it expected had arrived (more may
    # follow before it stops, never fewer).
    assert 2 * int(total) <= int(counted.group(1)) <= len(invitations)
    assert f"METHOD:REQUEST {counted.group(1)}" in out
    assert "METHOD matches each part's content type" in out

    # The personal calendar feed: the demo made a mentee's URL and fetched it once while
    # the services were up; what it got is a calendar of that mentee's kick-off.
    feed = re.search(
        r"personal calendar feed: (http://127\.0\.0\.1:(\d+)/\S+\.ics)\n"
        r"  fetched once: (\d+) \(([^)]*)\), (\d+) meeting",
        out,
    )
    assert feed is not None, out[-2000:]
    assert int(feed.group(2)) == ports["meetings"]
    assert feed.group(3) == "200"
    assert feed.group(4).startswith("text/calendar")
    subscribed = IcsCalendarStream.calendar_from_ics((data / "feed.ics").read_text())
    assert len(subscribed.events) == int(feed.group(5)) >= 1
    invited = {uid for mail in invitations for uid in uids(mail)}
    assert {event.uid for event in subscribed.events} <= invited

    # And khal (the real calendar program) reads the feed and one invitation of each
    # mode, showing each meeting once at its time on a Berlin clock.
    khal = Khal(tmp_path / "khal", "Europe/Berlin")
    khal.import_ics((data / "feed.ics").read_bytes(), "feed")
    examples = {mode: mail for mail in invitations if (mode := mode_of(mail))}
    assert set(examples) == {"online", "face_to_face"}
    for mode, mail in examples.items():
        (part,) = calendar_parts(mail)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        khal.import_ics(payload, mode)
    shown = {row.uid: row for row in khal.listed()}
    expected = list(subscribed.events) + [
        event for mail in examples.values() for event in events_of(mail)
    ]
    assert set(shown) == {event.uid for event in expected}
    berlin = ZoneInfo("Europe/Berlin")
    for event in expected:
        assert isinstance(event.start, datetime)
        assert shown[event.uid].start == event.start.astimezone(berlin).strftime("%Y-%m-%d %H:%M")

    # Analytics: the manager's dashboard counts every relationship the flow started (from
    # the events alone), and the CSV export has a line for each of them.
    active = re.search(r"every member accepted: (\d+) active relationships", out)
    assert active is not None
    counted_there = re.search(r"  (\d+) relationships: (\d+) active, ", out)
    assert counted_there is not None, out[-2000:]
    assert int(counted_there.group(1)) == int(active.group(1))
    exported = re.search(r"CSV export \((\d+) relationships\): (\S+)", out)
    assert exported is not None
    assert int(exported.group(1)) == int(active.group(1))
    csv_bytes = (data / "programme.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8
    assert csv_bytes.count(b"\r\n") == int(active.group(1)) + 1

    # Drop-out risk on the demo's time scale (a threshold's day lasts 30 s): the programme's
    # silent relationships are flagged while the demo runs, each printed with its members
    # and its reasons in plain words, and messaging mails the manager why.
    assert "on the demo's time scale a day lasts 30 s" in out
    at_risk = re.search(r"\n  at risk: (\d+) of (\d+) relationships, with the reasons:\n", out)
    assert at_risk is not None, out[-3000:]
    assert 1 <= int(at_risk.group(1)) <= int(at_risk.group(2)) == int(active.group(1))
    risk_part = out[at_risk.end() :].split("  CSV export")[0]
    flagged = re.findall(
        r"^  - (demo-\S+ \((?:mentor|mentee)\)(?: & demo-\S+ \(\w+\))+):$", risk_part, re.M
    )
    assert len(flagged) == min(3, int(at_risk.group(1))), risk_part
    figures = re.findall(
        r"^      No two-way contact for (\d+(?:\.\d)?) days \(the programme flags at 2\)\. "
        r"Get in touch with the members\.$",
        risk_part,
        re.M,
    )
    assert figures, risk_part
    assert all(float(figure) >= 2 for figure in figures), risk_part
    assert "the manager's at-risk mail arrived: “A mentoring relationship may need you: " in out
    alerts = [
        m
        for m in mails
        if "manager@example.org" in str(m["To"])
        and str(m["Subject"]).startswith("A mentoring relationship may need you")
    ]
    assert alerts, out[-2000:]
    body = alerts[0].get_body(("plain",))
    assert isinstance(body, EmailMessage)
    assert "- Days without two-way contact: " in body.get_content()
