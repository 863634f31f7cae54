"""A relationship's goals: members add them with milestones and mark progress; every
change writes ``goal.progressed`` with counts only; titles are sealed at rest; managers
get a 403 on the words; a meeting's agenda names the relationship's own goals."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tandem_contracts.meetings import GoalProgressed, GoalState
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import goal_milestones, goals
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import Person, World, open_world


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as w:
        yield w


def goals_url(w: World, relationship: uuid.UUID | None = None) -> str:
    return f"/v1/relationships/{relationship or w.pair}/goals"


async def add_goal(w: World, person: Person, **body: Any) -> dict[str, Any]:
    body.setdefault("title", "Three interviews in logistics")
    w.clock.advance(seconds=1)  # goals are listed by creation time
    response = await w.app.client.post(goals_url(w), json=body, headers=w.headers(person))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_members_add_goals_with_milestones_and_mark_progress(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("goals")) as w:
        before = await w.app.outbox_position()
        goal = await add_goal(
            w,
            w.mentee,
            title="Land a warehouse-planning job",
            target_date="2026-06-30",
            milestones=[{"title": "Rewrite the CV", "due_date": "2026-03-20"}, {"title": "Mock"}],
        )
        assert goal["title"] == "Land a warehouse-planning job"
        assert goal["token"] is None
        assert goal["state"] == "open"
        assert goal["created_by"] == str(w.mentee.participant_id)
        assert [m["title"] for m in goal["milestones"]] == ["Rewrite the CV", "Mock"]
        assert (goal["milestones_total"], goal["milestones_done"]) == (2, 0)

        url = f"{goals_url(w)}/{goal['id']}"
        moved = await w.app.client.patch(
            url, json={"state": "in_progress"}, headers=w.headers(w.mentor)
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["state"] == "in_progress"
        first = goal["milestones"][0]["id"]
        ticked = await w.app.client.patch(
            f"{url}/milestones/{first}", json={"done": True}, headers=w.headers(w.mentee)
        )
        assert ticked.status_code == 200, ticked.text
        assert ticked.json()["done"] is True
        assert ticked.json()["done_at"] is not None
        second = await add_goal(w, w.mentor, title="Join two logistics meetups")
        done = await w.app.client.patch(url, json={"state": "done"}, headers=w.headers(w.mentee))
        assert done.json()["state"] == "done"

        events = await w.app.outbox(GoalProgressed, after=before)
        assert [(e.goal_id, e.state, e.milestones_done) for e in events] == [
            (uuid.UUID(goal["id"]), GoalState.OPEN, 0),
            (uuid.UUID(goal["id"]), GoalState.IN_PROGRESS, 0),
            (uuid.UUID(goal["id"]), GoalState.IN_PROGRESS, 1),
            (uuid.UUID(second["id"]), GoalState.OPEN, 0),
            (uuid.UUID(goal["id"]), GoalState.DONE, 1),
        ]
        assert [(e.goals_total, e.goals_done) for e in events] == [
            (1, 0),
            (1, 0),
            (1, 0),
            (2, 0),
            (2, 1),
        ]
        assert all(e.relationship_id == w.pair and e.programme_id == w.programme for e in events)
        assert all(e.milestones_total == 2 for e in events if e.goal_id == uuid.UUID(goal["id"]))
        # counts and states only: no word of a goal travels
        for event in events:
            assert "warehouse" not in event.model_dump_json()
            assert "CV" not in event.model_dump_json()

        listed = await w.app.client.get(goals_url(w), headers=w.headers(w.mentor))
        assert [g["id"] for g in listed.json()["items"]] == [goal["id"], second["id"]]

        # Titles are sealed under the relationship's key: no clear text in the rows.
        async with w.app.runtime.database.transaction() as session:
            rows = (await session.execute(select(goals))).all()
            milestone_rows = (await session.execute(select(goal_milestones))).all()
        stored = b"".join(bytes(r.title_ciphertext or b"") for r in rows)
        stored += b"".join(bytes(r.title_ciphertext) for r in milestone_rows)
        assert stored
        assert b"warehouse" not in stored
        assert b"CV" not in stored


async def test_progress_follows_the_life_cycle(world: World) -> None:
    w = world
    goal = await add_goal(w, w.mentee)
    url = f"{goals_url(w)}/{goal['id']}"
    as_ana = w.headers(w.mentee)
    assert (await w.app.client.patch(url, json={"state": "dropped"}, headers=as_ana)).is_success
    before = await w.app.outbox_position()
    for state in ("open", "in_progress", "done"):
        refused = await w.app.client.patch(url, json={"state": state}, headers=as_ana)
        assert_problem(refused, 409, "goal_transition_not_allowed")
    renamed = await w.app.client.patch(url, json={"title": "Another"}, headers=as_ana)
    assert_problem(renamed, 409, "goal_closed")
    milestone = await w.app.client.post(f"{url}/milestones", json={"title": "x"}, headers=as_ana)
    assert_problem(milestone, 409, "goal_closed")
    # the same state again changes nothing and says nothing
    same = await w.app.client.patch(url, json={"state": "dropped"}, headers=as_ana)
    assert same.status_code == 200
    assert await w.app.outbox_position() == before

    listed = await w.app.client.get(f"/v1/relationships/{w.pair}/manager-view", headers=as_ana)
    assert listed.json()["goals"]["dropped"] == 1
    assert listed.json()["goals"]["total"] == 0  # dropped goals do not count


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"title": ""}, "validation_error"),
        ({"title": "   "}, "validation_error"),
        ({"title": "x" * 201}, "validation_error"),
        ({"title": "ok", "target_date": "2026-02-01"}, "date_before_start"),
        (
            {"title": "ok", "milestones": [{"title": "m", "due_date": "2025-12-31"}]},
            "date_before_start",
        ),
        ({"title": "ok", "colour": "red"}, "validation_error"),
        ({"title": "ok", "milestones": [{"title": "m"}] * 51}, "validation_error"),
    ],
)
async def test_bad_goals_are_422s_and_write_nothing(
    world: World, body: dict[str, Any], code: str
) -> None:
    w = world
    before = await w.app.outbox_position()
    response = await w.app.client.post(goals_url(w), json=body, headers=w.headers(w.mentee))
    assert_problem(response, 422, code)
    assert await w.app.outbox_position() == before
    listed = await w.app.client.get(goals_url(w), headers=w.headers(w.mentee))
    assert listed.json()["items"] == []


async def test_bad_changes_are_refused(world: World) -> None:
    w = world
    goal = await add_goal(w, w.mentee, milestones=[{"title": "m"}])
    url = f"{goals_url(w)}/{goal['id']}"
    as_max = w.headers(w.mentor)
    for body, code in (
        ({}, "nothing_to_change"),
        ({"title": None}, "title_required"),
        ({"state": "finished"}, "validation_error"),
        ({"target_date": "2020-01-01"}, "date_before_start"),
    ):
        assert_problem(await w.app.client.patch(url, json=body, headers=as_max), 422, code)
    milestone = f"{url}/milestones/{goal['milestones'][0]['id']}"
    assert_problem(await w.app.client.patch(milestone, json={"done": 1}, headers=as_max), 422)
    assert_problem(await w.app.client.patch(milestone, json={}, headers=as_max), 422)
    unknown = f"{url}/milestones/{uuid.uuid4()}"
    assert_problem(
        await w.app.client.patch(unknown, json={"done": True}, headers=as_max),
        404,
        "milestone_not_found",
    )
    assert_problem(
        await w.app.client.get(f"{goals_url(w)}/{uuid.uuid4()}", headers=as_max),
        404,
        "goal_not_found",
    )
    # a goal of another relationship is not found through this one
    other = await w.app.client.post(
        goals_url(w, w.other), json={"title": "Bea's"}, headers=w.headers(w.bea)
    )
    assert_problem(
        await w.app.client.get(f"{goals_url(w)}/{other.json()['id']}", headers=as_max),
        404,
        "goal_not_found",
    )


async def test_who_may_see_and_change_goals(world: World) -> None:
    w = world
    planted = f"Secret goal {uuid.uuid4().hex}"
    goal = await add_goal(w, w.mentee, title=planted)
    url = f"{goals_url(w)}/{goal['id']}"
    for headers in (w.headers(w.manager), w.app.bearer("root", admin=True)):
        for response in (
            await w.app.client.get(goals_url(w), headers=headers),
            await w.app.client.get(url, headers=headers),
            await w.app.client.post(goals_url(w), json={"title": "x"}, headers=headers),
            await w.app.client.patch(url, json={"state": "done"}, headers=headers),
        ):
            assert_problem(response, 403, "members_only")
            assert planted not in response.text
    for headers in (
        w.headers(w.bea),  # Max's other mentee
        w.headers(w.outsider),
        w.app.bearer("maria", manager=[uuid.uuid4()]),  # a manager elsewhere
        w.headers(w.mentee, mentor=[w.programme]),  # her mentee grant revoked
    ):
        response = await w.app.client.get(url, headers=headers)
        assert_problem(response, 404, "relationship_not_found")
        assert planted not in response.text
    assert_problem(await w.app.client.get(url), 401)


async def test_an_ended_relationship_keeps_its_goals_as_they_were(world: World) -> None:
    w = world
    goal = await add_goal(w, w.mentee)
    await w.app.deliver(w.ended(w.pair))
    url = f"{goals_url(w)}/{goal['id']}"
    as_ana = w.headers(w.mentee)
    assert (await w.app.client.get(url, headers=as_ana)).json()["title"] == goal["title"]
    assert_problem(
        await w.app.client.patch(url, json={"state": "done"}, headers=as_ana),
        409,
        "relationship_ended",
    )
    assert_problem(
        await w.app.client.post(goals_url(w), json={"title": "x"}, headers=as_ana),
        409,
        "relationship_ended",
    )


async def test_an_agenda_names_the_relationships_own_goals(world: World) -> None:
    w = world
    mine = await add_goal(w, w.mentee)
    theirs = (
        await w.app.client.post(
            goals_url(w, w.other), json={"title": "Bea's goal"}, headers=w.headers(w.bea)
        )
    ).json()
    before = await w.app.outbox_position()
    for agenda in ([theirs["id"]], [mine["id"], str(uuid.uuid4())]):
        refused = await w.schedule(w.mentee, agenda_goal_ids=agenda)
        assert_problem(refused, 422, "unknown_agenda_goal")
        assert [e["msg"] for e in refused.json()["errors"]] == [agenda[-1]]
    assert await w.app.outbox_position() == before
    accepted = await w.schedule(w.mentee, agenda_goal_ids=[mine["id"]])
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["agenda_goal_ids"] == [mine["id"]]


async def test_goals_are_paged(world: World) -> None:
    w = world
    made = [await add_goal(w, w.mentee, title=f"Goal {i}") for i in range(5)]
    seen: list[str] = []
    cursor = ""
    while True:
        page = await w.app.client.get(
            goals_url(w), params={"limit": 2, "cursor": cursor}, headers=w.headers(w.mentor)
        )
        body = page.json()
        seen += [g["title"] for g in body["items"]]
        if body["next_cursor"] is None:
            break
        cursor = body["next_cursor"]
    assert seen == [g["title"] for g in made]
