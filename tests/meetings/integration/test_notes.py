"""Meeting notes: members write and read them, only the author changes one, managers get
a 403 and never a word; each note is sealed under its author's vault key."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import meeting_notes
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import Person, World, open_world


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as w:
        yield w


async def a_meeting(w: World) -> str:
    response = await w.schedule(w.mentor)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def write(w: World, meeting: str, person: Person, text: str) -> dict[str, Any]:
    w.clock.advance(seconds=1)
    response = await w.app.client.post(
        f"/v1/meetings/{meeting}/notes", json={"text": text}, headers=w.headers(person)
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_members_write_and_read_notes_sealed_at_rest(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("notes")) as w:
        meeting = await a_meeting(w)
        planted = f"Ana fears the interview {uuid.uuid4().hex}"
        mine = await write(w, meeting, w.mentee, f"  {planted}  ")
        assert mine["text"] == planted
        assert mine["mine"] is True
        assert mine["author_id"] == str(w.mentee.participant_id)
        theirs = await write(w, meeting, w.mentor, "Max: send two contacts")
        listed = await w.app.client.get(
            f"/v1/meetings/{meeting}/notes", headers=w.headers(w.mentor)
        )
        assert [(n["text"], n["mine"]) for n in listed.json()["items"]] == [
            (planted, False),
            ("Max: send two contacts", True),
        ]
        one = await w.app.client.get(
            f"/v1/meetings/{meeting}/notes/{theirs['id']}", headers=w.headers(w.mentee)
        )
        assert one.json()["text"] == "Max: send two contacts"
        async with w.app.runtime.database.transaction() as session:
            bodies = [bytes(r.body) for r in (await session.execute(select(meeting_notes))).all()]
        assert len(bodies) == 2
        assert all(planted.encode() not in b and b"contacts" not in b for b in bodies)


async def test_only_the_author_rewrites_or_deletes_a_note(world: World) -> None:
    w = world
    meeting = await a_meeting(w)
    note = await write(w, meeting, w.mentee, "first words")
    url = f"/v1/meetings/{meeting}/notes/{note['id']}"
    as_max = w.headers(w.mentor)
    assert_problem(
        await w.app.client.put(url, json={"text": "his"}, headers=as_max), 403, "not_the_author"
    )
    assert_problem(await w.app.client.delete(url, headers=as_max), 403, "not_the_author")
    edited = await w.app.client.put(url, json={"text": "second"}, headers=w.headers(w.mentee))
    assert edited.json()["text"] == "second"
    assert (await w.app.client.delete(url, headers=w.headers(w.mentee))).status_code == 204
    assert_problem(await w.app.client.get(url, headers=as_max), 404, "note_not_found")


@pytest.mark.parametrize(
    "body", [{}, {"text": ""}, {"text": "x" * 20_001}, {"text": 3}, {"text": "a", "x": 1}]
)
async def test_bad_notes_are_422s_and_write_nothing(world: World, body: dict[str, Any]) -> None:
    w = world
    meeting = await a_meeting(w)
    response = await w.app.client.post(
        f"/v1/meetings/{meeting}/notes", json=body, headers=w.headers(w.mentee)
    )
    assert_problem(response, 422)
    blank = await w.app.client.post(
        f"/v1/meetings/{meeting}/notes", json={"text": "  \n "}, headers=w.headers(w.mentee)
    )
    assert_problem(blank, 422, "note_empty")
    listed = await w.app.client.get(f"/v1/meetings/{meeting}/notes", headers=w.headers(w.mentee))
    assert listed.json()["items"] == []


async def test_managers_and_outsiders_never_see_a_word(world: World) -> None:
    w = world
    meeting = await a_meeting(w)
    planted = f"confidential {uuid.uuid4().hex}"
    note = await write(w, meeting, w.mentee, planted)
    notes = f"/v1/meetings/{meeting}/notes"
    one = f"{notes}/{note['id']}"
    for headers in (w.headers(w.manager), w.app.bearer("root", admin=True)):
        for response in (
            await w.app.client.get(notes, headers=headers),
            await w.app.client.get(one, headers=headers),
            await w.app.client.post(notes, json={"text": "x"}, headers=headers),
        ):
            assert_problem(response, 403, "members_only")
            assert planted not in response.text
    for headers in (
        w.headers(w.bea),
        w.headers(w.outsider),
        w.app.bearer("maria", manager=[uuid.uuid4()]),
    ):
        response = await w.app.client.get(one, headers=headers)
        assert_problem(response, 404, "meeting_not_found")
        assert planted not in response.text
    assert_problem(await w.app.client.get(notes), 401)


async def test_an_ended_relationship_keeps_its_notes(world: World) -> None:
    w = world
    meeting = await a_meeting(w)
    await write(w, meeting, w.mentee, "kept")
    await w.app.deliver(w.ended(w.pair))
    notes = f"/v1/meetings/{meeting}/notes"
    listed = await w.app.client.get(notes, headers=w.headers(w.mentee))
    assert [n["text"] for n in listed.json()["items"]] == ["kept"]
    refused = await w.app.client.post(notes, json={"text": "x"}, headers=w.headers(w.mentee))
    assert_problem(refused, 409, "relationship_ended")
