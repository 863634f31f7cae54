"""The meetings part of the erasure e2e: what the mentee leaves in meetings before she
erases herself, and what must still be there for her mentor afterwards.

Meetings hears of her over the broker (her contact, profile and the relationship's start);
then, as herself, she sets her own availability, gives a private calendar feed URL, has a
face-to-face meeting with her mentor, writes a note about it and adds a goal. Her needles
are what is hers alone: her name, address and city (the directory's contact), her feed
URL, her note's words and her goal's words. The meeting's place is the relationship's,
sealed under its key, and stays readable for the mentor: it is no needle of hers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2

from tandem_kit.testing import RunningApp, wait_until
from tandem_meetings.settings import MeetingsSettings


@dataclass(frozen=True)
class HerMeetingTexts:
    """Texts only she gives meetings (each a needle) and the relationship's place."""

    feed_url: str
    note: str
    goal: str
    place: str  # the relationship's: the mentor still reads it after her erasure

    @classmethod
    def new(cls) -> HerMeetingTexts:
        tag = uuid.uuid4().hex[:10]
        return cls(
            feed_url=f"https://calendar.example.org/private/quennelfeed{tag}.ics",
            note=f"Quennelnote{tag}: nervous about Tuesday",
            goal=f"Quennelgoal{tag} three interviews",
            place=f"Café Quennelplace{tag}",
        )

    def needles(self) -> dict[str, str]:
        return {"feed url": self.feed_url, "note": self.note, "goal": self.goal}


def meetings_settings(
    common: dict[str, Any], database_url: str, tmp_path: Path, group: str
) -> MeetingsSettings:
    return MeetingsSettings(
        **common,
        database_url=database_url,
        master_key_file=str(tmp_path / "meetings-unused.key"),
        run_relay=False,  # no feed fetches, no mails sent: the test needs neither
        run_consumers=True,
        kafka_consumer_group=group,
        public_base_url="https://tandem.test",
    )


async def _ok(response: httpx2.Response, status: int = 200) -> Any:
    assert response.status_code == status, (response.request.url, response.text)
    return response.json() if response.content else None


async def her_meetings_data(
    t: RunningApp[MeetingsSettings],
    as_her: dict[str, str],
    as_mentor: dict[str, str],
    pid: str,
    texts: HerMeetingTexts,
) -> dict[str, str]:
    """Wait until meetings knows her and the relationship, then give it her data."""

    async def known() -> bool:
        exported = (await t.client.get("/v1/me/export", headers=as_her)).json()
        contacts = [p for p in exported["participations"] if p["contact"] is not None]
        return bool(contacts and exported["memberships"])

    await wait_until(known, timeout=60)
    exported = await _ok(await t.client.get("/v1/me/export", headers=as_her))
    [membership] = exported["memberships"]
    relationship = membership["relationship_id"]
    me = f"/v1/programmes/{pid}/me"
    windows = {"windows": [{"weekday": 2, "start": "17:00", "end": "20:00"}]}
    await _ok(await t.client.put(f"{me}/availability", json=windows, headers=as_her))
    await _ok(
        await t.client.put(f"{me}/calendar-source", json={"url": texts.feed_url}, headers=as_her)
    )
    starts = (dt.datetime.now(dt.UTC) + dt.timedelta(days=7)).replace(
        hour=16, minute=0, second=0, microsecond=0
    )
    meeting = await _ok(
        await t.client.post(
            f"/v1/relationships/{relationship}/meetings",
            json={
                "mode": "face_to_face",
                "starts_at": starts.isoformat(),
                "duration_minutes": 60,
                "place": {"name": texts.place, "address": "Hauptstraße 1"},
            },
            headers=as_mentor,
        ),
        201,
    )
    await _ok(
        await t.client.post(
            f"/v1/meetings/{meeting['id']}/notes", json={"text": texts.note}, headers=as_her
        ),
        201,
    )
    await _ok(
        await t.client.post(
            f"/v1/relationships/{relationship}/goals", json={"title": texts.goal}, headers=as_her
        ),
        201,
    )
    mine = await _ok(await t.client.get("/v1/me/export", headers=as_her))
    assert mine["participations"][0]["calendar_source"]["url"] == texts.feed_url
    assert [n["text"] for n in mine["notes"]] == [texts.note]
    return {
        "relationship": relationship,
        "meeting": meeting["id"],
        "participant": membership["participant_id"],
    }


async def meetings_forgot_her(
    t: RunningApp[MeetingsSettings],
    as_her: dict[str, str],
    as_mentor: dict[str, str],
    planted: dict[str, str],
    texts: HerMeetingTexts,
) -> None:
    """Her export is empty; the mentor still has the meeting (its place, her row
    anonymised) and the goal (no longer hers), without her note."""
    exported = await _ok(await t.client.get("/v1/me/export", headers=as_her))
    for part in ("participations", "memberships", "meetings", "goals", "notes"):
        assert exported[part] == [], (part, exported[part])
    meeting = await _ok(await t.client.get(f"/v1/meetings/{planted['meeting']}", headers=as_mentor))
    assert meeting["place"]["name"] == texts.place
    mentees = [a for a in meeting["attendees"] if a["role"] == "mentee"]
    assert [a["participant_id"] for a in mentees] == [None]
    notes = await _ok(
        await t.client.get(f"/v1/meetings/{planted['meeting']}/notes", headers=as_mentor)
    )
    assert notes["items"] == []
    goals = await _ok(
        await t.client.get(f"/v1/relationships/{planted['relationship']}/goals", headers=as_mentor)
    )
    added = [g for g in goals["items"] if g["title"] == texts.goal]
    assert [g["created_by"] for g in added] == [None]
