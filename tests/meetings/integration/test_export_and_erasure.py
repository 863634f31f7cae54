"""GET /v1/me/export returns everything meetings holds about the caller, decrypted; a
participant's erasure leaves none of it (rows deleted or anonymised), twice as well as
once, and a late event brings nothing back."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tandem_contracts import Envelope
from tandem_contracts.common import AvailabilityWindow, Modality, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import ParticipantErased, ParticipantRegistered
from tandem_meetings.adapters.tables import (
    availability_overrides,
    availability_profiles,
    calendar_feed_tokens,
    calendar_sources,
    goals,
    meeting_attendees,
    meeting_notes,
    meetings,
    relationship_members,
    reminder_jobs,
)
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import Person, World, open_world

FEED_URL = "https://calendar.example.org/private/{}.ics"


def registered(w: World, person: Person) -> ParticipantRegistered:
    return ParticipantRegistered(
        programme_id=w.programme,
        participant_id=person.participant_id,
        subject=person.subject,
        role=Role(person.role),
        country="US",
        languages=["en"],
        availability=[AvailabilityWindow(weekday=0, start="09:00", end="12:00")],
        modality=Modality.ONLINE_ONLY,
        goals=["cv"],
    )


async def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


async def everything_of_ana(w: World) -> dict[str, str]:
    """Ana's data in every table the export reads; the texts that are hers alone."""
    tag = uuid.uuid4().hex[:12]
    me, c = w.headers(w.mentee), w.app.client
    assert await w.app.deliver(registered(w, w.mentee))
    base = f"/v1/programmes/{w.programme}/me"
    windows = {"windows": [{"weekday": 1, "start": "18:00", "end": "20:00"}]}
    await ok(await c.put(f"{base}/availability", json=windows, headers=me))
    url = FEED_URL.format(tag)
    await ok(await c.put(f"{base}/calendar-source", json={"url": url}, headers=me))
    meeting = await ok(await w.schedule(w.mentor), 201)
    await ok(
        await c.put(
            f"/v1/meetings/{meeting['id']}/rsvp", json={"response": "tentative"}, headers=me
        )
    )
    cancelled = await ok(await w.schedule(w.mentee, starts_at="2026-03-10T16:00:00Z"), 201)
    await ok(
        await c.post(
            f"/v1/meetings/{cancelled['id']}/cancel",
            json={"reason": "illness", "note": f"Ana's fever {tag}"},
            headers=me,
        )
    )
    note = f"Ana fears the interview {tag}"
    notes = f"/v1/meetings/{meeting['id']}/notes"
    await ok(await c.post(notes, json={"text": note}, headers=me), 201)
    goal = f"Ana's own goal {tag}"
    await ok(
        await c.post(
            f"/v1/relationships/{w.pair}/goals",
            json={"title": goal, "milestones": [{"title": f"Ana's step {tag}"}]},
            headers=me,
        ),
        201,
    )
    async with w.app.runtime.database.transaction() as session:
        await session.execute(
            calendar_feed_tokens.insert().values(
                subject=w.mentee.subject, token_hash=uuid.uuid4().bytes * 2, created_at=w.clock()
            )
        )
    return {"meeting": meeting["id"], "cancelled": cancelled["id"], "url": url, "note": note}


async def test_the_export_holds_everything_of_the_caller_decrypted(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        planted = await everything_of_ana(w)
        response = await w.app.client.get("/v1/me/export", headers=w.headers(w.mentee))
        exported = await ok(response)
        assert response.headers["content-disposition"].startswith("attachment;")
        assert exported["subject"] == w.mentee.subject
        [mine] = exported["participations"]
        assert mine["participant_id"] == str(w.mentee.participant_id)
        assert mine["contact"]["email"] == "ana@example.org"
        assert mine["profile_goals"] == ["cv"]
        assert mine["availability_override"] == [{"weekday": 1, "start": "18:00", "end": "20:00"}]
        assert mine["calendar_source"]["url"] == planted["url"]
        [membership] = exported["memberships"]
        assert (membership["relationship_id"], membership["role"]) == (str(w.pair), "mentee")
        by_id = {m["meeting_id"]: m for m in exported["meetings"]}
        assert by_id[planted["meeting"]]["partstat"] == "tentative"
        assert by_id[planted["cancelled"]]["cancel_note"].startswith("Ana's fever")
        assert [n["text"] for n in exported["notes"]] == [planted["note"]]
        [goal] = exported["goals"]
        assert goal["title"].startswith("Ana's own goal")
        assert goal["milestones"][0]["title"].startswith("Ana's step")
        assert {r["meeting_id"] for r in exported["reminders"]} == {planted["meeting"]}
        assert exported["calendar_feed"]["exists"] is True
        assert "token" not in str(exported["calendar_feed"])

        # Max's export holds nothing of hers: not her notes, goals or answers.
        theirs = await ok(await w.app.client.get("/v1/me/export", headers=w.headers(w.mentor)))
        assert theirs["notes"] == []
        assert theirs["goals"] == []
        assert planted["note"] not in str(theirs)
        assert len(theirs["meetings"]) == 2


async def _count(w: World, table: Any, *where: Any) -> int:
    async with w.app.runtime.database.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


async def test_an_erasure_leaves_nothing_of_her_and_a_second_changes_nothing(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("export_erasure")) as w:
        planted = await everything_of_ana(w)
        ana = w.mentee.participant_id
        erased = ParticipantErased(
            programme_id=w.programme, participant_id=ana, subject=w.mentee.subject
        )
        assert await w.app.deliver(erased)

        async def left() -> dict[str, int]:
            return {
                "profiles": await _count(
                    w, availability_profiles, availability_profiles.c.participant_id == ana
                ),
                "overrides": await _count(
                    w, availability_overrides, availability_overrides.c.participant_id == ana
                ),
                "sources": await _count(
                    w, calendar_sources, calendar_sources.c.participant_id == ana
                ),
                "notes": await _count(w, meeting_notes, meeting_notes.c.author_id == ana),
                "goals": await _count(w, goals, goals.c.created_by == ana),
                "attendee": await _count(
                    w, meeting_attendees, meeting_attendees.c.participant_id == ana
                ),
                "reminders": await _count(w, reminder_jobs, reminder_jobs.c.participant_id == ana),
                "cancel notes": await _count(w, meetings, meetings.c.cancel_note_author == ana),
                "feed": await _count(
                    w, calendar_feed_tokens, calendar_feed_tokens.c.subject == w.mentee.subject
                ),
                "subject": await _count(
                    w, relationship_members, relationship_members.c.subject == w.mentee.subject
                ),
            }

        assert set((await left()).values()) == {0}
        # Her attendee rows stay, anonymised (the meeting had a mentee; her answer stays).
        anonymous = meeting_attendees.c.erased.is_(True)
        assert await _count(w, meeting_attendees, anonymous) == 2
        assert await _count(w, goals) == 1  # the relationship's goal stays, not as hers
        assert await _count(w, meetings, meetings.c.cancel_note.is_not(None)) == 0
        assert await _count(w, meeting_notes) == 0

        # Her export is empty now; Max still sees the meeting, without her.
        empty = await ok(await w.app.client.get("/v1/me/export", headers=w.headers(w.mentee)))
        for part in ("participations", "memberships", "meetings", "goals", "notes", "reminders"):
            assert empty[part] == [], part
        assert empty["calendar_feed"]["exists"] is False
        shown = await ok(
            await w.app.client.get(
                f"/v1/meetings/{planted['meeting']}", headers=w.headers(w.mentor)
            )
        )
        assert [a["participant_id"] for a in shown["attendees"] if a["role"] == "mentee"] == [None]

        # The contact's tombstone, a redelivery and a late profile: nothing changes.
        assert await w.app.deliver(Envelope.tombstone_of(ParticipantContact, str(ana)))
        assert await w.app.deliver(erased)
        assert await w.app.deliver(registered(w, w.mentee))
        assert set((await left()).values()) == {0}
        assert await _count(w, meeting_attendees, anonymous) == 2
