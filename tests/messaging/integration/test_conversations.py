"""Conversations and messages over HTTP: created by relationship.started, written by members."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.messaging.conftest import World, build_world
from tests.messaging.harness import running, settings_for


async def test_relationship_start_opens_a_conversation_with_exactly_its_members(
    world: World,
) -> None:
    h = world.h
    got = await h.client.get(
        f"/v1/conversations/{world.conversation}", headers=h.as_person(world.mentee, world.a)
    )
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["status"] == "open"
    assert body["read_only"] is False
    assert {(m["participant_id"], m["role"], m["display_name"]) for m in body["members"]} == {
        (str(world.mentor.participant_id), "mentor", "Max Mentor"),
        (str(world.mentee.participant_id), "mentee", "Ana Mentee"),
    }


async def test_delivering_the_start_again_keeps_one_conversation(world: World) -> None:
    h = world.h
    again = world.a.started(world.pair, world.mentor, world.mentee)
    await h.deliver(again)  # another event id: the relationship's unique key decides
    mine = (
        await h.client.get("/v1/conversations", headers=h.as_person(world.mentor, world.a))
    ).json()
    assert [c["relationship_id"] for c in mine["items"]] == [str(world.pair)]
    assert mine["next_cursor"] is None


async def test_post_reply_list_and_unread(world: World) -> None:
    h = world.h
    mentor, mentee = h.as_person(world.mentor, world.a), h.as_person(world.mentee, world.a)
    url = f"/v1/conversations/{world.conversation}/messages"
    first = await h.client.post(
        url, json={"body": "Hello Ana, how did the interview go?"}, headers=mentor
    )
    assert first.status_code == 201, first.text
    assert first.json()["sender"]["display_name"] == "Max Mentor"
    reply = await h.client.post(
        url,
        json={
            "body": "**Great**, thanks!",
            "format": "markdown",
            "in_reply_to": first.json()["id"],
        },
        headers=mentee,
    )
    assert reply.status_code == 201, reply.text
    assert reply.json()["in_reply_to"] == first.json()["id"]
    for i in range(3):
        assert (
            await h.client.post(url, json={"body": f"note {i}"}, headers=mentor)
        ).status_code == 201

    page = (await h.client.get(url, params={"limit": 2}, headers=mentee)).json()
    assert [m["body"] for m in page["items"]] == ["note 2", "note 1"]
    rest = (
        await h.client.get(url, params={"limit": 10, "cursor": page["next_cursor"]}, headers=mentee)
    ).json()
    assert [m["body"] for m in rest["items"]] == [
        "note 0",
        "**Great**, thanks!",
        "Hello Ana, how did the interview go?",
    ]
    assert rest["next_cursor"] is None

    conversation = (
        await h.client.get(f"/v1/conversations/{world.conversation}", headers=mentee)
    ).json()
    assert conversation["unread_count"] == 4  # the mentor's four; her own reply never counts
    read = await h.client.post(
        f"/v1/conversations/{world.conversation}/read",
        json={"up_to_message_id": page["items"][1]["id"]},
        headers=mentee,
    )
    assert read.json() == {
        "conversation_id": str(world.conversation),
        "read_up_to_seq": 4,
        "unread_count": 1,
    }
    back = await h.client.post(
        f"/v1/conversations/{world.conversation}/read",
        json={"up_to_message_id": first.json()["id"]},
        headers=mentee,
    )
    assert back.json()["read_up_to_seq"] == 4, "the read position never moves backwards"


async def test_edit_and_delete_own_message_within_the_window(world: World) -> None:
    h = world.h
    mentor, mentee = h.as_person(world.mentor, world.a), h.as_person(world.mentee, world.a)
    url = f"/v1/conversations/{world.conversation}/messages"
    posted = (await h.client.post(url, json={"body": "Meet at 10?"}, headers=mentor)).json()
    edited = await h.client.patch(
        f"{url}/{posted['id']}", json={"body": "Meet at 11?"}, headers=mentor
    )
    assert edited.status_code == 200
    assert edited.json()["body"] == "Meet at 11?"
    assert edited.json()["edited_at"] is not None
    not_hers = await h.client.patch(f"{url}/{posted['id']}", json={"body": "x"}, headers=mentee)
    assert not_hers.status_code == 403
    assert not_hers.json()["code"] == "not_author"
    assert (await h.client.delete(f"{url}/{posted['id']}", headers=mentor)).status_code == 204
    [shown] = (await h.client.get(url, headers=mentee)).json()["items"]
    assert shown["body"] == "[deleted]"
    assert shown["deleted"] is True
    again = await h.client.delete(f"{url}/{posted['id']}", headers=mentor)
    assert again.status_code == 409


async def test_bad_input_is_a_clear_4xx_and_writes_nothing(world: World) -> None:
    h = world.h
    mentor = h.as_person(world.mentor, world.a)
    url = f"/v1/conversations/{world.conversation}/messages"
    too_long = await h.client.post(url, json={"body": "x" * 10_001}, headers=mentor)
    assert too_long.status_code == 413
    assert too_long.headers["content-type"] == "application/problem+json"
    assert too_long.json()["code"] == "message_too_long"
    assert (
        await h.client.post(url, json={"body": "x" * 10_000}, headers=mentor)
    ).status_code == 201
    for bad, code in [
        ({"body": "   "}, "empty_body"),
        ({"body": "hi", "format": "html"}, "validation_error"),
        ({"body": "hi", "in_reply_to": str(uuid.uuid4())}, "unknown_reply_target"),
        ({"body": "hi", "in_reply_to": "not-a-uuid"}, "validation_error"),
        ({}, "validation_error"),
    ]:
        response = await h.client.post(url, json=bad, headers=mentor)
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["code"] == code
    bad_cursor = await h.client.get(url, params={"cursor": "nonsense"}, headers=mentor)
    assert bad_cursor.status_code == 400
    items = (await h.client.get(url, headers=mentor)).json()["items"]
    assert len(items) == 1, "only the valid message was written"


async def test_ended_relationship_is_read_only_but_readable(world: World) -> None:
    h = world.h
    mentor = h.as_person(world.mentor, world.a)
    url = f"/v1/conversations/{world.conversation}/messages"
    await h.client.post(url, json={"body": "Last one before the end"}, headers=mentor)
    await h.deliver(world.a.ended(world.pair))
    refused = await h.client.post(url, json={"body": "too late"}, headers=mentor)
    assert refused.status_code == 409
    assert refused.json()["code"] == "conversation_read_only"
    listed = (await h.client.get(url, headers=mentor)).json()["items"]
    assert [m["body"] for m in listed] == ["Last one before the end"]
    conversation = (
        await h.client.get(f"/v1/conversations/{world.conversation}", headers=mentor)
    ).json()
    assert conversation["read_only"] is True
    assert conversation["retention_until"] is not None


async def test_the_edit_window_closes(world: World) -> None:
    h = world.h
    mentor = h.as_person(world.mentor, world.a)
    url = f"/v1/conversations/{world.conversation}/messages"
    h.clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    posted = (await h.client.post(url, json={"body": "Meet at 10?"}, headers=mentor)).json()
    h.clock.advance(timedelta(minutes=15))
    assert (
        await h.client.patch(f"{url}/{posted['id']}", json={"body": "10:30?"}, headers=mentor)
    ).status_code == 200
    h.clock.advance(timedelta(seconds=1))
    late = await h.client.patch(f"{url}/{posted['id']}", json={"body": "11?"}, headers=mentor)
    assert late.status_code == 409
    assert late.json()["code"] == "edit_window_closed"
    assert (await h.client.delete(f"{url}/{posted['id']}", headers=mentor)).status_code == 409


@pytest.mark.postgres
async def test_concurrent_posts_get_distinct_ordered_positions(
    tmp_path: Path, postgres_url: str
) -> None:
    async with running(settings_for(tmp_path, postgres_url)) as h:
        world = await build_world(h)
        url = f"/v1/conversations/{world.conversation}/messages"
        people = [h.as_person(world.mentor, world.a), h.as_person(world.mentee, world.a)]
        posted = await asyncio.gather(
            *(h.client.post(url, json={"body": f"m{i}"}, headers=people[i % 2]) for i in range(20))
        )
        assert {r.status_code for r in posted} == {201}
        assert sorted(r.json()["seq"] for r in posted) == list(range(1, 21))


async def test_the_conversation_list_is_cursor_paginated_by_latest_activity(world: World) -> None:
    h = world.h
    max_ = world.mentor
    later, latest = uuid.uuid4(), uuid.uuid4()
    await h.deliver(world.a.started(later, max_, world.a.people[3]))
    await h.deliver(world.a.started(latest, max_, world.a.people[1], world.a.people[3], group=True))
    posted = await h.client.post(
        f"/v1/conversations/{world.conversation}/messages",
        json={"body": "The oldest conversation is the liveliest now."},
        headers=h.as_person(max_, world.a),
    )
    assert posted.status_code == 201, posted.text

    headers = h.as_person(max_, world.a)
    first = await h.client.get("/v1/conversations", params={"limit": 2}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["next_cursor"]
    second = await h.client.get(
        "/v1/conversations",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=headers,
    )
    assert second.status_code == 200, second.text
    assert second.json()["next_cursor"] is None
    listed = [c["relationship_id"] for c in first.json()["items"] + second.json()["items"]]
    assert listed == [str(world.pair), str(latest), str(later)]

    bad = await h.client.get("/v1/conversations", params={"cursor": "nonsense"}, headers=headers)
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_cursor"


async def test_unknown_fields_and_query_parameters_are_refused_by_name(world: World) -> None:
    h = world.h
    headers = h.as_person(world.mentee, world.a)
    posted = await h.client.post(
        f"/v1/conversations/{world.conversation}/messages",
        json={"body": "hello", "fromat": "markdown"},
        headers=headers,
    )
    assert posted.status_code == 422, posted.text
    assert "fromat" in posted.text
    listed = await h.client.get("/v1/conversations", params={"limt": 5}, headers=headers)
    assert listed.status_code == 422, listed.text
    assert "limt" in listed.text
    messages = await h.client.get(
        f"/v1/conversations/{world.conversation}/messages", headers=headers
    )
    assert messages.json()["items"] == [], "the refused message was not posted"
