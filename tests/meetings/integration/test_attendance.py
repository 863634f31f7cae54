"""Attendance: members record who came, the mode used and the duration (one record each,
replaced by recording again); the first record counts in a pair and the mentor's in a
group; disagreeing records are all kept (disputed); a meeting nobody records in time
becomes unrecorded, which the manager's figures never count as a no-show."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tandem_contracts.matching import ParticipantErased
from tandem_contracts.meetings import AttendanceOutcome, MeetingAttendanceRecorded
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import attendance_marks, attendance_records, meeting_attendance
from tandem_meetings.domain.attendance import event_id
from tandem_meetings.service.attendance import mark_unrecorded
from tandem_meetings.service.context import Context
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import START, Person, World, open_world

MEETING_START = START.replace(day=9, hour=16)  # w.schedule's default, for 60 minutes
AFTER = MEETING_START + timedelta(minutes=70)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as w:
        yield w


async def a_meeting(w: World, relationship: uuid.UUID | None = None, **body: Any) -> str:
    response = await w.schedule(w.mentor, relationship, **body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def marks(**presence: tuple[Person, str]) -> list[dict[str, str]]:
    return [{"participant_id": str(p.participant_id), "presence": s} for p, s in presence.values()]


def body(members: list[dict[str, str]], mode: str = "online", minutes: int = 55) -> dict[str, Any]:
    return {"members": members, "mode": mode, "duration_minutes": minutes}


async def put(w: World, meeting: str, person: Person, payload: dict[str, Any]) -> Any:
    return await w.app.client.put(
        f"/v1/meetings/{meeting}/attendance", json=payload, headers=w.headers(person)
    )


async def get(w: World, meeting: str, person: Person) -> dict[str, Any]:
    response = await w.app.client.get(
        f"/v1/meetings/{meeting}/attendance", headers=w.headers(person)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def events(w: World, meeting: str) -> list[MeetingAttendanceRecorded]:
    return [
        e for e in await w.app.outbox(MeetingAttendanceRecorded) if str(e.meeting_id) == meeting
    ]


async def rows(w: World) -> dict[str, int]:
    async with w.app.runtime.database.transaction() as session:
        return {
            t.name: int(await session.scalar(select(func.count()).select_from(t)) or 0)
            for t in (attendance_records, attendance_marks, meeting_attendance)
        }


def both_came(w: World) -> list[dict[str, str]]:
    return marks(a=(w.mentor, "attended"), b=(w.mentee, "attended"))


async def test_record_replace_and_a_disputed_pair(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("attendance")) as w:
        meeting = await a_meeting(w)
        assert (await get(w, meeting, w.mentee))["state"] == "awaiting"
        w.clock.set(AFTER)
        first = await put(w, meeting, w.mentee, body(both_came(w), "face_to_face", 50))
        assert first.status_code == 200, first.text
        seen = first.json()
        assert (seen["state"], seen["outcome"]) == ("recorded", "held")
        assert seen["counting"]["recorder_id"] == str(w.mentee.participant_id)
        assert seen["counting"]["mine"] is True
        assert seen["counting"]["mode"] == "face_to_face"
        assert seen["counting"]["duration_minutes"] == 50
        [event] = await events(w, meeting)
        assert event.outcome is AttendanceOutcome.HELD
        assert {(a.participant_id, a.role.value) for a in event.attended} == {
            (w.mentor.participant_id, "mentor"),
            (w.mentee.participant_id, "mentee"),
        }
        assert (event.mode.value, event.duration_minutes) == ("face_to_face", 50)
        assert event.recorded_by_role is not None
        assert event.recorded_by_role.value == "mentee"
        assert event.disputed is False
        [row] = [r for r in await w.app.outbox() if r.event == event]
        assert row.event_id == event_id(uuid.UUID(meeting), 1)

        # The same PUT again: the same answer, no new row, no new event (idempotent).
        again = await put(w, meeting, w.mentee, body(both_came(w), "face_to_face", 50))
        assert again.json() == seen
        assert await rows(w) == {
            "attendance_records": 1,
            "attendance_marks": 2,
            "meeting_attendance": 1,
        }
        assert len(await events(w, meeting)) == 1

        # Max agrees about who came and how: still recorded, Ana's record counts.
        w.clock.advance(seconds=60)
        agreed = (await put(w, meeting, w.mentor, body(both_came(w), "face_to_face", 60))).json()
        assert agreed["state"] == "recorded"
        assert agreed["counting"]["recorder_id"] == str(w.mentee.participant_id)
        assert len(agreed["records"]) == 2
        assert len(await events(w, meeting)) == 1  # the counting outcome did not change

        # Max replaces his record: Ana did not come. Both kept, disputed, Ana's still counts.
        w.clock.advance(seconds=60)
        no_ana = marks(a=(w.mentor, "attended"), b=(w.mentee, "no_show"))
        disputed = (await put(w, meeting, w.mentor, body(no_ana, "face_to_face", 60))).json()
        assert disputed["state"] == "disputed"
        assert disputed["outcome"] == "held"
        assert disputed["counting"]["recorder_id"] == str(w.mentee.participant_id)
        by = {r["recorder_id"]: r for r in disputed["records"]}
        assert {m["presence"] for m in by[str(w.mentor.participant_id)]["members"]} == {
            "attended",
            "no_show",
        }
        assert await rows(w) == {
            "attendance_records": 2,
            "attendance_marks": 4,
            "meeting_attendance": 1,
        }
        assert (await get(w, meeting, w.mentee)) == {
            **disputed,
            "counting": {**disputed["counting"], "mine": True},
            "records": [
                {**r, "mine": r["recorder_id"] == str(w.mentee.participant_id)}
                for r in disputed["records"]
            ],
        }
        latest = (await events(w, meeting))[-1]
        assert len(await events(w, meeting)) == 2
        assert latest.disputed is True
        assert latest.outcome is AttendanceOutcome.HELD

        # Ana replaces hers to agree with Max: recorded again, now a no-show.
        w.clock.advance(seconds=60)
        settled = (await put(w, meeting, w.mentee, body(no_ana, "face_to_face", 60))).json()
        assert (settled["state"], settled["outcome"]) == ("recorded", "no_show")
        assert settled["counting"]["recorded_at"] == seen["counting"]["recorded_at"]
        final = (await events(w, meeting))[-1]
        assert (final.outcome, final.disputed) == (AttendanceOutcome.NO_SHOW, False)
        assert [a.participant_id for a in final.attended] == [w.mentor.participant_id]


async def test_in_a_group_the_mentors_record_counts(world: World) -> None:
    w = world
    group = uuid.uuid4()
    await w.app.deliver(w.started(group, w.mentor, w.mentee, w.bea))
    meeting = await a_meeting(w, group)
    w.clock.set(AFTER)
    everyone = marks(a=(w.mentor, "attended"), b=(w.mentee, "attended"), c=(w.bea, "attended"))
    first = (await put(w, meeting, w.mentee, body(everyone))).json()
    assert first["state"] == "recorded"
    assert first["counting"]["recorder_role"] == "mentee"  # until the mentor records
    w.clock.advance(seconds=60)
    bea_missed = marks(a=(w.mentor, "attended"), b=(w.mentee, "attended"), c=(w.bea, "no_show"))
    mentors = (await put(w, meeting, w.mentor, body(bea_missed, minutes=40))).json()
    assert mentors["state"] == "disputed"
    assert mentors["counting"]["recorder_role"] == "mentor"
    assert mentors["counting"]["duration_minutes"] == 40
    assert len(mentors["records"]) == 2
    last = (await events(w, meeting))[-1]
    assert last.recorded_by_role is not None
    assert last.recorded_by_role.value == "mentor"
    assert {a.participant_id for a in last.attended} == {
        w.mentor.participant_id,
        w.mentee.participant_id,
    }
    assert last.disputed is True


async def test_too_early_cancelled_and_who_may(world: World) -> None:
    w = world
    meeting = await a_meeting(w)
    payload = body(both_came(w))
    w.clock.set(MEETING_START - timedelta(minutes=1))
    assert_problem(await put(w, meeting, w.mentee, payload), 409, "meeting_not_started")
    w.clock.set(MEETING_START)
    assert_problem(await put(w, meeting, w.manager, payload), 403, "members_only")
    assert_problem(await put(w, meeting, w.outsider, payload), 404, "meeting_not_found")
    assert_problem(await put(w, meeting, w.bea, payload), 404, "meeting_not_found")
    url = f"/v1/meetings/{meeting}/attendance"
    assert_problem(await w.app.client.get(url, headers=w.headers(w.manager)), 403, "members_only")
    assert_problem(await w.app.client.get(url, headers=w.headers(w.outsider)), 404)
    assert await rows(w) == {
        "attendance_records": 0,
        "attendance_marks": 0,
        "meeting_attendance": 0,
    }

    w.clock.set(START)
    cancelled = await a_meeting(w, starts_at="2026-03-10T16:00:00Z")
    done = await w.app.client.post(
        f"/v1/meetings/{cancelled}/cancel", json={"reason": "illness"}, headers=w.headers(w.mentee)
    )
    assert done.status_code == 200, done.text
    w.clock.set(AFTER + timedelta(days=1))
    assert_problem(await put(w, cancelled, w.mentor, payload), 409, "meeting_cancelled")
    assert await rows(w) == {
        "attendance_records": 0,
        "attendance_marks": 0,
        "meeting_attendance": 0,
    }


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda w: marks(a=(w.mentor, "attended")), "attendance_member_missing"),
        (
            lambda w: [
                *both_came(w),
                {"participant_id": str(uuid.uuid4()), "presence": "attended"},
            ],
            "attendance_unknown_member",
        ),
        (
            lambda w: [
                *both_came(w),
                {"participant_id": str(w.bea.participant_id), "presence": "no_show"},
            ],
            "attendance_unknown_member",
        ),
        (
            lambda w: [*both_came(w), both_came(w)[0]],
            "attendance_duplicate_member",
        ),
    ],
)
async def test_not_exactly_the_members_is_a_422_and_writes_nothing(
    world: World, make: Any, code: str
) -> None:
    w = world
    meeting = await a_meeting(w)
    w.clock.set(AFTER)
    before = await w.app.outbox_position()
    assert_problem(await put(w, meeting, w.mentee, body(make(w))), 422, code)
    assert await rows(w) == {
        "attendance_records": 0,
        "attendance_marks": 0,
        "meeting_attendance": 0,
    }
    assert await w.app.outbox(after=before) == []


@pytest.mark.parametrize(
    "payload",
    [
        {"minutes": 0},
        {"minutes": 601},
        {"mode": "carrier_pigeon"},
        {"presence": "maybe"},
    ],
)
async def test_bad_values_are_a_422(world: World, payload: dict[str, Any]) -> None:
    w = world
    meeting = await a_meeting(w)
    w.clock.set(AFTER)
    members = marks(a=(w.mentor, payload.get("presence", "attended")), b=(w.mentee, "attended"))
    sent = body(members, payload.get("mode", "online"), payload.get("minutes", 50))
    assert (await put(w, meeting, w.mentee, sent)).status_code == 422
    assert await rows(w) == {
        "attendance_records": 0,
        "attendance_marks": 0,
        "meeting_attendance": 0,
    }


async def figures(w: World) -> dict[str, Any]:
    response = await w.app.client.get(
        f"/v1/programmes/{w.programme}/meeting-figures", headers=w.headers(w.manager)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_the_worker_marks_unrecorded_after_the_time_and_not_before(world: World) -> None:
    w = world
    ctx = Context.of(w.app.runtime)
    hours = w.app.runtime.settings.attendance_unrecorded_after_hours
    silent = await a_meeting(w)
    recorded = await a_meeting(w, starts_at="2026-03-09T18:00:00Z")
    missed = await a_meeting(w, starts_at="2026-03-09T20:00:00Z")
    ends = MEETING_START + timedelta(hours=1)
    w.clock.set(ends + timedelta(hours=5))
    assert (await put(w, recorded, w.mentor, body(both_came(w)))).status_code == 200
    nobody = marks(a=(w.mentor, "attended"), b=(w.mentee, "no_show"))
    assert (await put(w, missed, w.mentor, body(nobody))).status_code == 200

    w.clock.set(ends + timedelta(hours=hours) - timedelta(seconds=1))
    assert await mark_unrecorded(ctx, w.clock()) == 0
    assert (await get(w, silent, w.mentee))["state"] == "awaiting"
    counts = (await figures(w))["meetings"]
    assert (counts["held"], counts["missed"], counts["awaiting"], counts["unrecorded"]) == (
        1,
        1,
        1,
        0,
    )

    w.clock.set(ends + timedelta(hours=hours))
    assert await mark_unrecorded(ctx, w.clock()) == 1
    assert await mark_unrecorded(ctx, w.clock()) == 0  # idempotent: marked once
    seen = await get(w, silent, w.mentee)
    assert (seen["state"], seen["outcome"], seen["counting"]) == ("unrecorded", "unrecorded", None)
    [event] = await events(w, silent)
    assert event.outcome is AttendanceOutcome.UNRECORDED
    assert (event.attended, event.recorded_by_role, event.duration_minutes) == ([], None, 0)
    assert_problem(await put(w, silent, w.mentee, body(both_came(w))), 409, "attendance_closed")

    # Unrecorded is not a no-show: the manager's figures and the members' view agree.
    programme = await figures(w)
    counts = programme["meetings"]
    assert (counts["held"], counts["missed"], counts["unrecorded"], counts["awaiting"]) == (
        1,
        1,
        1,
        0,
    )
    [line] = [i for i in programme["items"] if i["relationship_id"] == str(w.pair)]
    assert line["meetings"] == counts
    mine = await w.app.client.get(
        f"/v1/relationships/{w.pair}/manager-view", headers=w.headers(w.mentee)
    )
    assert mine.json() == line


async def test_export_holds_ones_records_and_erasure_anonymises_them(world: World) -> None:
    w = world
    meeting = await a_meeting(w)
    w.clock.set(AFTER)
    assert (await put(w, meeting, w.mentee, body(both_came(w)))).status_code == 200
    assert (await put(w, meeting, w.mentor, body(both_came(w)))).status_code == 200
    exported = await w.app.client.get("/v1/me/export", headers=w.headers(w.mentee))
    [mine] = exported.json()["attendance"]
    assert (mine["meeting_id"], mine["recorder_role"], mine["duration_minutes"]) == (
        meeting,
        "mentee",
        55,
    )
    assert {m["presence"] for m in mine["members"]} == {"attended"}
    erasure = ParticipantErased(
        programme_id=w.programme, participant_id=w.mentee.participant_id, subject=w.mentee.subject
    )
    assert await w.app.deliver(erasure)
    async with w.app.runtime.database.transaction() as session:
        ids = {
            *(await session.scalars(select(attendance_records.c.recorder_id))).all(),
            *(await session.scalars(select(attendance_marks.c.participant_id))).all(),
        }
        erased = (
            await session.scalars(
                select(attendance_records.c.id).where(attendance_records.c.recorder_erased)
            )
        ).all()
    assert w.mentee.participant_id not in ids
    assert len(erased) == 1
    seen = await get(w, meeting, w.mentor)
    assert seen["outcome"] == "held"  # the counts stay true
    assert {r["recorder_id"] for r in seen["records"]} == {None, str(w.mentor.participant_id)}
    gone = await w.app.client.get("/v1/me/export", headers=w.headers(w.mentee))
    assert gone.json()["attendance"] == []


async def test_two_workers_at_once_mark_a_meeting_once(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("unrecorded")) as w:
        ctx = Context.of(w.app.runtime)
        meeting = await a_meeting(w)
        hours = w.app.runtime.settings.attendance_unrecorded_after_hours
        w.clock.set(MEETING_START + timedelta(hours=1 + hours))
        rounds = await asyncio.gather(
            mark_unrecorded(ctx, w.clock()), mark_unrecorded(ctx, w.clock())
        )
        assert sorted(rounds) == [0, 1]
        [event] = await events(w, meeting)
        assert event.outcome is AttendanceOutcome.UNRECORDED
