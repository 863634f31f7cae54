"""Reschedule and cancel: SEQUENCE, events in the outbox, what each role may do."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tandem_contracts.meetings import (
    CancelledBy,
    CancelReason,
    MeetingCancelled,
    MeetingRescheduled,
)
from tandem_kit.testing import assert_problem
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import Person, World, open_world

PLACE = {"name": "Café Central", "address": "Rua Augusta 1\nLisboa", "notes": "upstairs"}


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as w:
        yield w


async def _patch(
    w: World, meeting: str, body: dict[str, Any], who: Person | None = None
) -> httpx2.Response:
    return await w.app.client.patch(
        f"/v1/meetings/{meeting}", json=body, headers=w.headers(who or w.mentor)
    )


async def test_sequence_rises_on_time_duration_and_place_only(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("reschedule")) as w:
        made = await w.schedule(w.mentor, mode="face_to_face", place=PLACE)
        meeting = made.json()["id"]
        client, mentor = w.app.client, w.headers(w.mentor)
        url = f"/v1/meetings/{meeting}"

        moved = await client.patch(url, json={"starts_at": "2026-03-10T16:00:00Z"}, headers=mentor)
        assert moved.status_code == 200, moved.text
        assert moved.json()["sequence"] == 1
        assert moved.json()["duration_minutes"] == 60  # a new start keeps the duration
        [event] = await w.app.outbox(MeetingRescheduled)
        assert event.sequence == 1
        assert event.previous_starts_at.isoformat() == "2026-03-09T16:00:00+00:00"
        assert event.starts_at.isoformat() == "2026-03-10T16:00:00+00:00"
        # Ana is asked again; Max, who moved it, accepts it.
        answers = {a["role"]: a["partstat"] for a in moved.json()["attendees"]}
        assert answers == {"mentor": "accepted", "mentee": "needs_action"}

        longer = await client.patch(url, json={"duration_minutes": 90}, headers=mentor)
        assert longer.json()["sequence"] == 2
        assert longer.json()["ends_at"] == "2026-03-10T17:30:00Z"
        elsewhere = await client.patch(
            url, json={"place": {**PLACE, "notes": "ground floor"}}, headers=mentor
        )
        assert elsewhere.json()["sequence"] == 3
        assert elsewhere.json()["place"]["notes"] == "ground floor"

        position = await w.app.outbox_position()
        same = await client.patch(
            url,
            json={"starts_at": "2026-03-10T17:00:00+01:00", "duration_minutes": 90},
            headers=mentor,
        )
        assert same.status_code == 200
        assert same.json()["sequence"] == 3, "the same time written otherwise is no change"
        assert await w.app.outbox(MeetingRescheduled, after=position) == []

        online = await client.patch(url, json={"mode": "online"}, headers=mentor)
        body = online.json()
        assert body["sequence"] == 4
        assert body["place"] is None
        assert body["link_status"] == "ready"
        assert body["link"]["provider"] == "jitsi"
        assert body["link"]["url"].startswith("https://meet.jit.si/")


async def test_bad_reschedules_change_nothing(world: World) -> None:
    w = world
    meeting = (await w.schedule(w.mentor)).json()["id"]
    position = await w.app.outbox_position()
    bad: list[tuple[dict[str, Any], int, str]] = [
        ({}, 422, "nothing_to_change"),
        ({"mode": "face_to_face"}, 422, "place_required"),
        ({"place": PLACE}, 422, "place_forbidden"),
        ({"duration_minutes": 1000}, 422, "duration_out_of_bounds"),
        ({"starts_at": "2026-03-01T10:00:00Z"}, 422, "start_in_past"),
        ({"place": {"name": "   "}}, 422, "invalid_place"),
        ({"sequence": 7}, 422, "validation_error"),
    ]
    for body, status, code in bad:
        assert_problem(await _patch(w, meeting, body), status, code)
    assert_problem(await _patch(w, meeting, {"duration_minutes": 30}, w.manager), 403)
    assert_problem(await _patch(w, meeting, {"duration_minutes": 30}, w.bea), 404)
    assert await w.app.outbox_position() == position
    shown = await w.app.client.get(f"/v1/meetings/{meeting}", headers=w.headers(w.mentee))
    assert shown.json()["sequence"] == 0
    assert shown.json()["duration_minutes"] == 60


async def test_moving_onto_a_busy_time_is_a_409(world: World) -> None:
    w = world
    theirs = await w.schedule(w.bea, w.other, starts_at="2026-03-11T16:00:00Z")
    assert theirs.status_code == 201
    ours = (await w.schedule(w.mentee, starts_at="2026-03-09T16:00:00Z")).json()["id"]
    clash = await _patch(w, ours, {"starts_at": "2026-03-11T16:30:00Z"}, w.mentee)
    assert_problem(clash, 409, "member_busy")
    # Its own old time never blocks it.
    later = await _patch(w, ours, {"starts_at": "2026-03-09T16:30:00Z"}, w.mentee)
    assert later.status_code == 200


async def test_cancel_with_a_reason_and_a_note_for_members_only(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("cancel")) as w:
        meeting = (await w.schedule(w.mentor)).json()["id"]
        client = w.app.client
        url = f"/v1/meetings/{meeting}/cancel"
        assert_problem(
            await client.post(
                url, json={"reason": "relationship_ended"}, headers=w.headers(w.mentee)
            ),
            422,
            "reason_reserved",
        )
        assert_problem(
            await client.post(url, json={"reason": "other"}, headers=w.headers(w.outsider)), 404
        )
        done = await client.post(
            url, json={"reason": "illness", "note": "Fever, sorry!"}, headers=w.headers(w.mentee)
        )
        assert done.status_code == 200, done.text
        body = done.json()
        assert body["status"] == "cancelled"
        assert body["sequence"] == 1
        assert body["cancellation"]["reason"] == "illness"
        assert body["cancellation"]["cancelled_by"] == "mentee"
        assert body["cancellation"]["note"] == "Fever, sorry!"
        [event] = await w.app.outbox(MeetingCancelled)
        assert (event.reason, event.cancelled_by) == (CancelReason.ILLNESS, CancelledBy.MENTEE)
        assert event.meeting_id == uuid.UUID(meeting)

        managed = await client.get(f"/v1/meetings/{meeting}", headers=w.headers(w.manager))
        assert managed.json()["cancellation"]["note"] is None
        assert "Fever" not in managed.text
        assert_problem(
            await client.post(url, json={"reason": "other"}, headers=w.headers(w.mentor)),
            409,
            "meeting_cancelled",
        )
        assert_problem(await _patch(w, meeting, {"duration_minutes": 30}), 409, "meeting_cancelled")


async def test_a_manager_cancels_with_a_code_only(world: World) -> None:
    w = world
    meeting = (await w.schedule(w.mentor)).json()["id"]
    url = f"/v1/meetings/{meeting}/cancel"
    assert_problem(
        await w.app.client.post(
            url, json={"reason": "other", "note": "x"}, headers=w.headers(w.manager)
        ),
        422,
        "note_members_only",
    )
    done = await w.app.client.post(url, json={"reason": "conflict"}, headers=w.headers(w.manager))
    assert done.status_code == 200
    assert done.json()["cancellation"]["cancelled_by"] == "manager"


async def test_a_started_meeting_no_longer_moves(world: World) -> None:
    w = world
    meeting = (await w.schedule(w.mentor, starts_at="2026-03-02T10:00:00Z")).json()["id"]
    w.clock.advance(hours=1, minutes=30)
    assert_problem(await _patch(w, meeting, {"duration_minutes": 90}), 409, "meeting_started")
    assert_problem(
        await w.app.client.post(
            f"/v1/meetings/{meeting}/cancel", json={"reason": "other"}, headers=w.headers(w.mentor)
        ),
        409,
        "meeting_started",
    )
