"""Check-ins (issue 12): the programme's plan, pulses mailed by the worker to a real SMTP
server in each member's language with one signed link per answer, answers by link (GET
changes nothing, POST once) and by API (the member only), encrypted at rest, and the
manager's figures per round with groups under five suppressed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tandem_analytics.adapters.tables import check_in_answers, check_in_plans, check_ins
from tandem_analytics.service.check_in_workers import send_due
from tandem_analytics.service.context import Context
from tandem_kit.testing import assert_problem
from tests.analytics.integration.checkins_world import (
    START,
    Person,
    World,
    links_in,
    open_world,
    text_of,
    token_of,
)
from tests.support.smtp import SmtpTestServer, smtp_test_server

PULSE_1 = START + timedelta(weeks=2, hours=1)


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as world:
        yield world


async def _tick(world: World) -> int:
    return await send_due(Context.of(world.app.runtime), world.clock())


async def _rows(world: World, table: Any) -> list[Any]:
    async with world.app.runtime.database.transaction() as session:
        return list((await session.execute(select(table))).all())


async def _my_check_in(world: World, person: Person) -> dict[str, Any]:
    response = await world.app.client.get("/v1/me/check-ins", headers=world.headers(person))
    assert response.status_code == 200, response.text
    [check_in] = response.json()
    return dict(check_in)


async def test_the_plan_is_the_managers_and_must_word_own_questions_in_every_language(
    world: World,
) -> None:
    texts = {"en": "Did you meet new contacts?"}
    own: dict[str, object] = {"id": "own-network", "texts": texts}
    refused = await world.put_plan(own_questions=[own])
    assert_problem(refused, 422, "check_in_plan_invalid")
    assert "de" in refused.json()["detail"]
    assert await _rows(world, check_in_plans) == []  # nothing half-written
    assert_problem(
        await world.app.client.get(
            f"/v1/programmes/{world.programme}/check-in-plan", headers=world.headers(world.manager)
        ),
        404,
        "check_in_plan_not_found",
    )
    texts["de"] = "Haben Sie neue Kontakte geknüpft?"
    saved = await world.put_plan(own_questions=[own], pulse_questions=["relationship", "support"])
    assert saved.status_code == 200, saved.text
    assert saved.json()["questions"] == {
        "pulse": ["relationship", "support"],
        "midpoint": ["relationship", "progress", "support", "own-network"],
        "final": ["overall", "progress", "recommend", "own-network"],
    }
    read = await world.app.client.get(
        f"/v1/programmes/{world.programme}/check-in-plan", headers=world.headers(world.manager)
    )
    assert read.json() == saved.json()
    mentee = world.mentees[0]
    path = f"/v1/programmes/{world.programme}/check-in-plan"
    assert_problem(
        await world.app.client.get(path, headers=world.headers(mentee)), 403, "managers_only"
    )
    stranger = world.app.bearer("someone", manager=["00000000-0000-0000-0000-000000000001"])
    assert_problem(await world.app.client.get(path, headers=stranger), 404, "programme_not_found")
    too_many = await world.put_plan(pulse_questions=["relationship", "progress", "support", "x"])
    assert too_many.status_code == 422


async def test_pulses_are_mailed_once_in_each_members_language_and_answered_by_link(
    world: World, smtp: SmtpTestServer
) -> None:
    assert (await world.put_plan(pulse_questions=["relationship", "progress"])).status_code == 200
    world.clock.set(START + timedelta(days=13))
    assert await _tick(world) == 0  # the first pulse is two weeks after the start
    world.clock.set(PULSE_1)
    assert await _tick(world) == 12  # six pairs, both members
    assert await _tick(world) == 0  # once per member and round
    assert await world.deliver_mail(smtp) == 12
    german, greek = world.mentees[0], world.mentees[1]
    [mail] = smtp.to(german.email)
    assert "Wie gut funktioniert Ihre Mentoring-Beziehung?" in text_of(mail)
    assert mail["Content-Language"] == "de"
    [greek_mail] = smtp.to(greek.email)
    assert "Πόσο καλά λειτουργεί" in text_of(greek_mail)
    [english] = smtp.to(world.pairs[0][1].email)
    assert "How well is your mentoring relationship working?" in text_of(english)
    links = links_in(mail)
    assert len(links) == 10  # two questions, five values each

    mine = await _my_check_in(world, german)
    assert (mine["round"], mine["questions"], mine["answered"]) == (
        "pulse-1",
        ["relationship", "progress"],
        [],
    )
    four_for_the_relationship = token_of(links[3])
    preview = await world.app.client.get(f"/v1/check-in-links/{four_for_the_relationship}")
    assert preview.status_code == 200, preview.text
    assert preview.json() | {"expires_at": None} == {
        "action": "answer",
        "item_id": mine["id"],
        "question": "relationship",
        "value": 4,
        "status": None,
        "used": False,
        "expires_at": None,
    }
    assert (await _my_check_in(world, german))["answered"] == []  # a GET answers nothing
    applied = await world.app.client.post(f"/v1/check-in-links/{four_for_the_relationship}")
    assert applied.status_code == 200, applied.text
    assert (await _my_check_in(world, german))["answered"] == ["relationship"]
    replayed = await world.app.client.post(f"/v1/check-in-links/{four_for_the_relationship}")
    assert_problem(replayed, 409, "link_used")
    # The value is sealed: no row holds the answer in the clear.
    [answer] = await _rows(world, check_in_answers)
    assert answer.question == "relationship"
    assert answer.value != b"4"
    assert len(answer.value) > 16

    token = token_of(links[0])
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert_problem(await world.app.client.post(f"/v1/check-in-links/{forged}"), 403, "link_forged")
    assert_problem(
        await world.app.client.get("/v1/check-in-links/not-a-token"), 400, "link_malformed"
    )
    world.clock.set(PULSE_1 + timedelta(days=15))
    assert_problem(await world.app.client.post(f"/v1/check-in-links/{token}"), 410, "link_expired")
    assert (await _my_check_in(world, german))["answered"] == ["relationship"]


async def test_answers_by_api_are_the_members_own(world: World) -> None:
    await world.put_plan()
    world.clock.set(PULSE_1)
    await _tick(world)
    _relationship, mentor, mentee = world.pairs[0]
    check_in = await _my_check_in(world, mentee)
    path = f"/v1/check-ins/{check_in['id']}/answers"
    body = {"answers": {"relationship": 5}}
    other_mentee = world.mentees[1]
    assert_problem(
        await world.app.client.post(path, json=body, headers=world.headers(mentor)),
        404,
        "check_in_not_found",
    )
    assert_problem(
        await world.app.client.post(path, json=body, headers=world.headers(other_mentee)),
        404,
        "check_in_not_found",
    )
    assert_problem(
        await world.app.client.post(path, json=body, headers=world.headers(world.manager)),
        403,
        "members_only",
    )
    revoked = world.app.bearer(mentee.subject, mentee=["00000000-0000-0000-0000-000000000002"])
    assert_problem(await world.app.client.post(path, json=body, headers=revoked), 404)
    assert_problem(await world.app.client.post(path, json=body), 401)
    bad = {"answers": {"relationship": 5, "progress": 6}}
    assert_problem(
        await world.app.client.post(path, json=bad, headers=world.headers(mentee)),
        422,
        "answer_invalid",
    )
    unknown = {"answers": {"support": 3}}
    assert (
        await world.app.client.post(path, json=unknown, headers=world.headers(mentee))
    ).status_code == 422
    assert await _rows(world, check_in_answers) == []  # nothing half-written
    done = await world.app.client.post(path, json=body, headers=world.headers(mentee))
    assert done.status_code == 200, done.text
    assert done.json()["answered"] == ["relationship"]
    assert done.json()["answered_at"] is not None
    world.clock.set(PULSE_1 + timedelta(days=15))
    late = await world.app.client.post(path, json=body, headers=world.headers(mentee))
    assert_problem(late, 409, "check_in_closed")


async def test_the_summary_suppresses_groups_under_five(world: World) -> None:
    await world.put_plan(pulse_questions=["relationship", "progress"])
    world.clock.set(PULSE_1)
    await _tick(world)
    path = f"/v1/programmes/{world.programme}/check-ins/summary"
    values = [5, 4, 4, 2, 3]
    for mentee, value in zip(world.mentees[:4], values, strict=False):
        check_in = await _my_check_in(world, mentee)
        answered = await world.app.client.post(
            f"/v1/check-ins/{check_in['id']}/answers",
            json={"answers": {"relationship": value, "progress": 3}},
            headers=world.headers(mentee),
        )
        assert answered.status_code == 200, answered.text
    summary = await world.app.client.get(path, headers=world.headers(world.manager))
    assert summary.status_code == 200, summary.text
    [pulse] = summary.json()["rounds"]
    assert (pulse["round"], pulse["asked"], pulse["answered"]) == ("pulse-1", 12, 4)
    assert pulse["response_rate"] == round(4 / 12, 4)
    assert pulse["questions"] == [
        {"question": q, "suppressed": True, "respondents": None, "mean": None, "distribution": None}
        for q in ("progress", "relationship")
    ]
    fifth = world.mentees[4]
    check_in = await _my_check_in(world, fifth)
    await world.app.client.post(
        f"/v1/check-ins/{check_in['id']}/answers",
        json={"answers": {"relationship": values[4]}},
        headers=world.headers(fifth),
    )
    [pulse] = (await world.app.client.get(path, headers=world.headers(world.manager))).json()[
        "rounds"
    ]
    progress, relationship = pulse["questions"]
    assert progress["suppressed"] is True  # still four answers
    assert relationship == {
        "question": "relationship",
        "suppressed": False,
        "respondents": 5,
        "mean": 3.6,
        "distribution": {"1": 0, "2": 1, "3": 1, "4": 2, "5": 1},
    }
    assert_problem(
        await world.app.client.get(path, headers=world.headers(fifth)), 403, "managers_only"
    )
    assert_problem(
        await world.app.client.get(path, headers=world.headers(world.outsider, mentee=[])), 404
    )


async def test_after_the_end_only_the_final_evaluation_goes_out(world: World) -> None:
    await world.put_plan(pulse_every_weeks=1)
    relationship = world.pairs[0][0]
    await world.end(relationship, START + timedelta(days=10))
    world.clock.set(START + timedelta(days=10, hours=2))
    created = await _tick(world)
    rows = await _rows(world, check_ins)
    mine = [r for r in rows if r.relationship_id == relationship]
    assert {r.round_key for r in mine} == {"final"}
    others = {r.round_key for r in rows if r.relationship_id != relationship}
    assert others == {"pulse-1"}
    assert created == len(rows) + 1  # and the mentee's outcome request at closure
