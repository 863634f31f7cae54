"""Kick-off meetings, scheduled through the meetings API as each relationship's mentor
would: a time from the plan's proposals (or the slot search), face to face in the city
the members share when the plan keeps it face to face, online with a video link
otherwise; then the invitations as the SMTP catcher holds them."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import httpx2

from demo.client import Api, ApiError, Tokens

KICK_OFF = "kick_off"
WAIT_SECONDS = 120


@dataclass
class Scheduled:
    """What the demo scheduled: meetings by mode, one example of each, what found no time."""

    by_mode: Counter[str] = field(default_factory=Counter)
    cities: Counter[str] = field(default_factory=Counter)
    example_link: str | None = None
    no_time: int = 0
    attendees: int = 0  # invitations the meetings service is to mail
    mentee: str | None = None  # a mentee with a kick-off, to show a personal feed


def member_of(relationship: dict[str, Any], subjects: dict[str, tuple[str, str]], role: str) -> str:
    """The subject of the relationship's (first) member in ``role``."""
    return next(
        subjects[m["participant_id"]][0] for m in relationship["members"] if m["role"] == role
    )


def schedule_kick_offs(
    meetings: Api,
    tokens: Tokens,
    programme_id: str,
    active: list[dict[str, Any]],
    subjects: dict[str, tuple[str, str]],
) -> Scheduled:
    done = Scheduled()
    for relationship in active:
        mentor = member_of(relationship, subjects, "mentor")
        token = tokens.participant(mentor, "mentor", programme_id)
        plan = _wait_for_plan(meetings, token, relationship["id"])
        kick_off = next(a for a in plan["activities"] if a["key"] == KICK_OFF)
        meeting = _schedule(meetings, token, relationship["id"], kick_off, plan)
        if meeting is None:
            done.no_time += 1
            continue
        done.by_mode[meeting["mode"]] += 1
        done.mentee = done.mentee or member_of(relationship, subjects, "mentee")
        done.attendees += len(meeting["attendees"])
        if meeting["place"]:
            done.cities[plan["place_suggestion"]["city"]] += 1
        if meeting["link"] and done.example_link is None:
            done.example_link = meeting["link"]["url"]
    return done


def _schedule(
    meetings: Api, token: str, relationship_id: str, kick_off: dict[str, Any], plan: Any
) -> dict[str, Any] | None:
    """The best proposed time that is still free; the slot search when none is."""
    body: dict[str, Any] = {"mode": kick_off["mode"], "planned_activity_id": kick_off["id"]}
    suggestion = plan["place_suggestion"]
    if kick_off["mode"] == "face_to_face":
        if suggestion is None:  # the plan keeps it face to face, but no shared city
            body["mode"] = "online"
        else:
            body["place"] = {
                "name": f"Public library, {suggestion['city']}",
                "notes": f"Suggested because {suggestion['reason']}.",
            }
    times = [(p["starts_at"], p["ends_at"]) for p in kick_off["proposals"]]
    searched = False
    while True:
        for starts_at, ends_at in times:
            try:
                made = meetings.call(
                    "POST",
                    f"/v1/relationships/{relationship_id}/meetings",
                    token,
                    json={**body, "starts_at": starts_at, "ends_at": ends_at},
                )
                return dict(made)
            except ApiError as error:
                # The mentor's other kick-off took that time (member_busy): try the next.
                if "-> 409" not in str(error):
                    raise
        if searched:
            return None
        searched = True
        found = meetings.call(
            "GET",
            f"/v1/relationships/{relationship_id}/slots",
            token,
            params={"activity_id": kick_off["id"], "limit": 10},
        )
        times = [(s["starts_at"], s["ends_at"]) for s in found["slots"]]


def _wait_for_plan(meetings: Api, token: str, relationship_id: str) -> Any:
    """The relationship's plan, once meetings has consumed relationship.started."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return meetings.call("GET", f"/v1/relationships/{relationship_id}/plan", token)
        except ApiError as error:
            if "-> 404" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def calendar_methods(mail: Message) -> list[tuple[str, str]]:
    """Each text/calendar part's method: as its Content-Type says, and as its METHOD line."""
    found = []
    for part in mail.walk():
        if part.get_content_type() != "text/calendar":
            continue
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8") if isinstance(payload, bytes) else ""
        line = re.search(r"^METHOD:(\S+)\s*$", text, re.MULTILINE)
        found.append((str(part.get_param("method") or ""), line.group(1) if line else ""))
    return found


def wait_for_invitations(mails: list[Message], expected: int) -> list[Message]:
    """The caught mails with a calendar part, once ``expected`` of them arrived (or 60 s)."""
    deadline = time.monotonic() + 60
    while True:
        invitations = [m for m in list(mails) if calendar_methods(m)]
        if len(invitations) >= expected or time.monotonic() > deadline:
            return invitations
        time.sleep(0.3)


@dataclass(frozen=True)
class Feed:
    url: str
    status: int
    content_type: str
    events: int


def personal_feed(meetings: Api, token: str, saved: Path) -> Feed:
    """The caller's calendar feed URL (POST /v1/me/calendar-feed), fetched once as a
    calendar program would, without a bearer token; the body is kept in ``saved``."""
    made = meetings.call("POST", "/v1/me/calendar-feed", token)
    answer = httpx2.get(made["url"], timeout=60)
    saved.write_bytes(answer.content)
    return Feed(
        url=made["url"],
        status=answer.status_code,
        content_type=answer.headers.get("content-type", ""),
        events=answer.text.count("BEGIN:VEVENT"),
    )
