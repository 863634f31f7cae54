"""Scheduling a meeting: what members and managers see, bad input, busy members, roles."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tandem_contracts.meetings import MeetingMode, MeetingScheduled
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import busy_intervals
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import World, open_world


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as w:
        yield w


async def test_members_schedule_and_see_every_local_time(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("schedule")) as w:
        response = await w.schedule(w.mentee, starts_at="2026-03-09T16:00:00Z", duration_minutes=45)
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["Location"] == f"/v1/meetings/{body['id']}"
        assert body["status"] == "scheduled"
        assert body["mode"] == "online"
        assert body["sequence"] == 0
        assert body["ical_uid"] == f"{body['id']}@tandem"
        assert body["viewer"] == "member"
        assert (body["starts_at"], body["ends_at"]) == (
            "2026-03-09T16:00:00Z",
            "2026-03-09T16:45:00Z",
        )
        assert body["duration_minutes"] == 45
        locals_ = {a["role"]: a for a in body["attendees"]}
        # Lisbon is on UTC until 29 March; New York moved to EDT (UTC-4) on 8 March 2026.
        assert locals_["mentor"]["time_zone"] == "Europe/Lisbon"
        assert locals_["mentor"]["starts_at_local"] == "2026-03-09T16:00:00Z"
        assert locals_["mentee"]["time_zone"] == "America/New_York"
        assert locals_["mentee"]["starts_at_local"] == "2026-03-09T12:00:00-04:00"
        assert locals_["mentee"]["ends_at_local"] == "2026-03-09T12:45:00-04:00"
        # whoever scheduled it has accepted; the others are asked
        assert locals_["mentee"]["partstat"] == "accepted"
        assert locals_["mentor"]["partstat"] == "needs_action"

        [event] = await w.app.outbox(MeetingScheduled)
        assert event.meeting_id == uuid.UUID(body["id"])
        assert event.relationship_id == w.pair
        assert event.programme_id == w.programme
        assert event.mode is MeetingMode.ONLINE
        assert (event.starts_at.isoformat(), event.ends_at.isoformat()) == (
            "2026-03-09T16:00:00+00:00",
            "2026-03-09T16:45:00+00:00",
        )
        assert event.sequence == 0

        listed = await w.app.client.get(
            f"/v1/relationships/{w.pair}/meetings", headers=w.headers(w.mentor)
        )
        assert [m["id"] for m in listed.json()["items"]] == [body["id"]]


async def test_a_face_to_face_place_is_for_members_only(world: World) -> None:
    w = world
    place = {"name": "Café Central", "address": "Rua Augusta 1, Lisboa", "notes": "upstairs"}
    response = await w.schedule(w.mentor, mode="face_to_face", activity_key="kick_off", place=place)
    assert response.status_code == 201, response.text
    meeting = response.json()
    assert meeting["place"] == place
    assert meeting["link_status"] is None
    assert meeting["activity_key"] == "kick_off"

    as_manager = await w.app.client.get(
        f"/v1/meetings/{meeting['id']}", headers=w.headers(w.manager)
    )
    assert as_manager.status_code == 200
    seen = as_manager.json()
    assert seen["viewer"] == "manager"
    assert seen["place"] is None
    assert seen["link"] is None
    assert seen["agenda_goal_ids"] is None
    assert seen["starts_at"] == meeting["starts_at"]  # managers know when
    assert "Café" not in as_manager.text
    assert "Augusta" not in as_manager.text
    page = await w.app.client.get(
        f"/v1/relationships/{w.pair}/meetings", headers=w.headers(w.manager)
    )
    assert page.status_code == 200
    assert "Augusta" not in page.text


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"mode": "face_to_face"}, "place_required"),
        ({"place": {"name": "Library"}}, "place_forbidden"),
        ({"ends_at": "2026-03-09T17:00:00Z", "duration_minutes": 60}, "end_or_duration"),
        ({"starts_at": "2026-03-01T16:00:00Z"}, "start_in_past"),
        ({"starts_at": "2031-03-01T16:00:00Z"}, "start_too_far"),
        ({"duration_minutes": 5}, "duration_out_of_bounds"),
        ({"ends_at": "2026-03-09T15:00:00Z"}, "duration_out_of_bounds"),
        ({"starts_at": "2026-03-09T16:00:00"}, "naive_time"),
        ({"mode": "by_phone"}, "validation_error"),
        ({"duration_minutes": "60"}, "validation_error"),
        ({"colour": "blue"}, "validation_error"),
    ],
)
async def test_bad_input_is_a_422_and_writes_nothing(
    world: World, body: dict[str, Any], code: str
) -> None:
    w = world
    before = await w.app.outbox_position()
    response = await w.schedule(w.mentor, **body)
    assert_problem(response, 422, code)
    assert await w.app.outbox_position() == before
    listed = await w.app.client.get(
        f"/v1/relationships/{w.pair}/meetings", headers=w.headers(w.mentor)
    )
    assert listed.json()["items"] == []


async def test_a_busy_member_is_a_409_naming_only_them_and_the_time(world: World) -> None:
    w = world
    first = await w.schedule(
        w.mentee,
        mode="face_to_face",
        place={"name": "Secret Garden Café"},
        starts_at="2026-03-09T16:00:00Z",
        duration_minutes=60,
    )
    assert first.status_code == 201
    before = await w.app.outbox_position()
    # Max meets Bea in their own relationship, overlapping his meeting with Ana.
    clash = await w.schedule(w.bea, w.other, starts_at="2026-03-09T15:30:00Z", duration_minutes=60)
    assert_problem(clash, 409, "member_busy")
    problem = clash.json()
    assert problem["errors"] == [
        {
            "participant_id": str(w.mentor.participant_id),
            "role": "mentor",
            "busy_from": "2026-03-09T16:00:00Z",
            "busy_until": "2026-03-09T16:30:00Z",  # only the part of the asked time
        }
    ]
    assert problem["detail"] == (
        "The mentor is busy from 2026-03-09T16:00:00Z to 2026-03-09T16:30:00Z (UTC)."
    )
    for secret in (str(w.pair), str(w.mentee.participant_id), "Secret", first.json()["id"]):
        assert secret not in clash.text
    assert await w.app.outbox_position() == before

    # Back to back is not a clash; and once Max declines, he is no longer busy then.
    after = await w.schedule(w.bea, w.other, starts_at="2026-03-09T17:00:00Z")
    assert after.status_code == 201, after.text
    declined = await w.app.client.put(
        f"/v1/meetings/{first.json()['id']}/rsvp",
        json={"response": "declined"},
        headers=w.headers(w.mentor),
    )
    assert declined.status_code == 200, declined.text
    again = await w.schedule(w.bea, w.other, starts_at="2026-03-09T15:30:00Z")
    assert again.status_code == 201, again.text


async def test_who_may_schedule_and_see(world: World) -> None:
    w = world
    meeting = (await w.schedule(w.mentor)).json()
    other_programme = uuid.uuid4()
    url = f"/v1/relationships/{w.pair}/meetings"
    body = {"mode": "online", "starts_at": "2026-03-10T16:00:00Z", "duration_minutes": 30}

    outsider = await w.app.client.post(url, json=body, headers=w.headers(w.outsider))
    assert_problem(outsider, 404, "relationship_not_found")
    assert_problem(
        await w.app.client.get(f"/v1/meetings/{meeting['id']}", headers=w.headers(w.outsider)),
        404,
        "meeting_not_found",
    )
    manager = await w.app.client.post(url, json=body, headers=w.headers(w.manager))
    assert_problem(manager, 403, "members_only")
    # Ana's token no longer grants her the mentee role there: she is outside.
    revoked = w.headers(w.mentee, mentee=[other_programme])
    assert_problem(await w.app.client.post(url, json=body, headers=revoked), 404)
    assert_problem(await w.app.client.get(f"/v1/meetings/{meeting['id']}", headers=revoked), 404)
    # A manager of another programme, and a member of another relationship, know nothing.
    elsewhere = w.headers(w.manager, manager=[other_programme])
    assert_problem(await w.app.client.get(url, headers=elsewhere), 404)
    assert_problem(await w.app.client.get(url, headers=w.headers(w.bea)), 404)
    # An admin oversees (sees when), but is not a member.
    admin = w.headers(w.manager, admin=True)
    seen = await w.app.client.get(f"/v1/meetings/{meeting['id']}", headers=admin)
    assert seen.json()["viewer"] == "manager"
    assert_problem(await w.app.client.post(url, json=body, headers=admin), 403, "members_only")
    assert_problem(await w.app.client.post(url, json=body), 401)
    assert_problem(
        await w.app.client.get(f"/v1/meetings/{uuid.uuid4()}", headers=w.headers(w.mentor)),
        404,
        "meeting_not_found",
    )


async def test_the_list_is_paged_by_start_time(world: World) -> None:
    w = world
    ids = []
    for day in (12, 10, 11):
        response = await w.schedule(w.mentor, starts_at=f"2026-03-{day}T16:00:00Z")
        ids.append((day, response.json()["id"]))
    url = f"/v1/relationships/{w.pair}/meetings"
    first = (await w.app.client.get(url, params={"limit": 2}, headers=w.headers(w.mentee))).json()
    rest = (
        await w.app.client.get(
            url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=w.headers(w.mentee)
        )
    ).json()
    order = [m["id"] for m in first["items"] + rest["items"]]
    assert order == [i for _, i in sorted(ids)]
    assert rest["next_cursor"] is None
    assert_problem(
        await w.app.client.get(url, params={"cursor": "nonsense"}, headers=w.headers(w.mentee)),
        400,
    )


async def test_a_busy_interval_from_an_external_calendar_is_a_409_too(world: World) -> None:
    w = world
    async with w.app.runtime.database.transaction() as session:
        await session.execute(
            busy_intervals.insert().values(
                participant_id=w.mentee.participant_id,
                starts_at=datetime(2026, 3, 9, 15, 0, tzinfo=UTC),
                ends_at=datetime(2026, 3, 9, 16, 15, tzinfo=UTC),
            )
        )
    clash = await w.schedule(w.mentor, starts_at="2026-03-09T16:00:00Z")
    assert_problem(clash, 409, "member_busy")
    assert clash.json()["errors"] == [
        {
            "participant_id": str(w.mentee.participant_id),
            "role": "mentee",
            "busy_from": "2026-03-09T16:00:00Z",
            "busy_until": "2026-03-09T16:15:00Z",
        }
    ]
    assert clash.json()["detail"].startswith("A mentee is busy")
    assert (await w.schedule(w.mentor, starts_at="2026-03-09T16:15:00Z")).status_code == 201
