"""Fixtures of the messaging tests: a running app on SQLite with one seeded programme."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.messaging.harness import Harness, Person, Programme, running, seed, settings_for


@dataclass
class World:
    """Programme A: manager Mia, a pair (mentor Max, mentee Ana) and another pair (Ben, Eva);
    programme B: manager Bob with a pair of its own."""

    h: Harness
    a: Programme
    b: Programme
    pair: uuid.UUID
    other_pair: uuid.UUID
    b_pair: uuid.UUID
    conversation: uuid.UUID
    other_conversation: uuid.UUID
    b_conversation: uuid.UUID

    @property
    def mentor(self) -> Person:
        return self.a.people[0]

    @property
    def mentee(self) -> Person:
        return self.a.people[1]

    @property
    def outsider(self) -> Person:
        """A mentor of programme A in another relationship."""
        return self.a.people[2]


async def conversation_of(
    h: Harness, person: Person, programme: Programme, relationship_id: uuid.UUID
) -> uuid.UUID:
    listed = await h.client.get("/v1/conversations", headers=h.as_person(person, programme))
    assert listed.status_code == 200, listed.text
    [found] = [c for c in listed.json()["items"] if c["relationship_id"] == str(relationship_id)]
    return uuid.UUID(found["id"])


async def build_world(h: Harness) -> World:
    a = Programme(
        manager=Person("mia", "Mia Manager", "manager"),
        people=[
            Person("max", "Max Mentor", "mentor", "de", linkedin="https://www.linkedin.com/in/max"),
            Person(
                "ana",
                "Ana Mentee",
                "mentee",
                "es",
                "Europe/Madrid",
                linkedin="https://www.linkedin.com/in/ana",
            ),
            Person("ben", "Ben Mentor", "mentor", "fr", "Europe/Paris"),
            Person("eva", "Eva Mentee", "mentee"),
        ],
    )
    b = Programme(
        manager=Person("bob", "Bob Manager", "manager"),
        name="Other programme",
        people=[Person("kim", "Kim Mentor", "mentor"), Person("lea", "Lea Mentee", "mentee")],
    )
    await seed(h, a)
    await seed(h, b)
    pair, other_pair, b_pair = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await h.deliver(a.started(pair, a.people[0], a.people[1]))
    await h.deliver(a.started(other_pair, a.people[2], a.people[3]))
    await h.deliver(b.started(b_pair, b.people[0], b.people[1]))
    return World(
        h,
        a,
        b,
        pair,
        other_pair,
        b_pair,
        await conversation_of(h, a.people[0], a, pair),
        await conversation_of(h, a.people[2], a, other_pair),
        await conversation_of(h, b.people[0], b, b_pair),
    )


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(settings_for(tmp_path)) as h:
        yield h


@pytest.fixture
async def world(harness: Harness) -> World:
    return await build_world(harness)
