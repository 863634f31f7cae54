"""Named check-in answers: a programme whose consent is ``named`` shows its managers
each member's answers with who gave them; an aggregate-only programme (the default)
refuses, whoever asks, and its managers get the summary's figures alone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tandem_analytics.service.check_in_workers import send_due
from tandem_analytics.service.context import Context
from tandem_kit.testing import assert_problem
from tests.analytics.integration.checkins_world import START, Person, World, open_world

PULSE_1 = START + timedelta(weeks=2, hours=1)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as world:
        yield world


async def _answer(world: World, person: Person, answers: dict[str, int]) -> str:
    mine = await world.app.client.get("/v1/me/check-ins", headers=world.headers(person))
    assert mine.status_code == 200, mine.text
    [check_in] = mine.json()
    answered = await world.app.client.post(
        f"/v1/check-ins/{check_in['id']}/answers",
        json={"answers": answers},
        headers=world.headers(person),
    )
    assert answered.status_code == 200, answered.text
    return str(check_in["id"])


async def _pulse(world: World, consent: str) -> None:
    put = await world.put_plan(pulse_questions=["relationship", "progress"], consent=consent)
    assert put.status_code == 200, put.text
    world.clock.set(PULSE_1)
    assert await send_due(Context.of(world.app.runtime), world.clock()) > 0


async def _told_named(world: World, person: Person) -> list[bool]:
    """What the member's own "what the manager sees about me" says of her answers."""
    view = await world.app.client.get("/v1/me/manager-view", headers=world.headers(person))
    assert view.status_code == 200, view.text
    return [p["check_in_answers_named"] for p in view.json()["programmes"]]


def _path(world: World) -> str:
    return f"/v1/programmes/{world.programme}/check-ins/answers"


async def test_named_consent_shows_each_members_answers(world: World) -> None:
    await _pulse(world, "named")
    (rel_a, _, ana), (rel_b, _, bo) = world.pairs[0], world.pairs[1]
    first = await _answer(world, ana, {"relationship": 2, "progress": 4})
    world.clock.advance(timedelta(hours=1))
    second = await _answer(world, bo, {"relationship": 5})

    response = await world.app.client.get(_path(world), headers=world.headers(world.manager))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert [(i["check_in_id"], i["answers"]) for i in body["items"]] == [
        (second, {"relationship": 5}),  # the latest answer first
        (first, {"progress": 4, "relationship": 2}),
    ]
    latest = body["items"][0]
    assert (latest["participant_id"], latest["relationship_id"], latest["role"]) == (
        str(bo.participant_id),
        str(rel_b),
        "mentee",
    )
    assert latest["round"] == "pulse-1"
    assert await _told_named(world, bo) == [True]
    assert body["next_cursor"] is None

    page = await world.app.client.get(
        _path(world), params={"limit": 1}, headers=world.headers(world.manager)
    )
    assert [i["check_in_id"] for i in page.json()["items"]] == [second]
    rest = await world.app.client.get(
        _path(world),
        params={"limit": 1, "cursor": page.json()["next_cursor"]},
        headers=world.headers(world.manager),
    )
    assert [i["check_in_id"] for i in rest.json()["items"]] == [first]
    assert str(rel_a) == rest.json()["items"][0]["relationship_id"]

    other_round = await world.app.client.get(
        _path(world), params={"round": "final"}, headers=world.headers(world.manager)
    )
    assert other_round.json()["items"] == []
    bad = await world.app.client.get(
        _path(world), params={"round": "x' OR 1=1"}, headers=world.headers(world.manager)
    )
    assert_problem(bad, 422, "validation_error")
    # The members never see one another's answers, even under named consent.
    assert_problem(
        await world.app.client.get(_path(world), headers=world.headers(ana)), 403, "managers_only"
    )
    assert_problem(
        await world.app.client.get(_path(world), headers=world.headers(world.outsider, mentee=[])),
        404,
    )


async def test_aggregate_only_consent_refuses_the_answers(world: World) -> None:
    await _pulse(world, "aggregate_only")
    _, _, ana = world.pairs[0]
    await _answer(world, ana, {"relationship": 1, "progress": 1})
    response = await world.app.client.get(_path(world), headers=world.headers(world.manager))
    assert_problem(response, 403, "aggregate_only")
    assert "items" not in response.json()  # a refusal, nothing of the answers
    assert await _told_named(world, ana) == [False]
