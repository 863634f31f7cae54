"""Employment outcomes (issue 12): each mentee asked at closure and 3 and 6 months after
(mails to a real SMTP server, one signed link per status), her answer by link or by
PUT /v1/me/outcomes, the manager's figures by country with groups under five
suppressed, and erasure leaving anonymous counts only under aggregate-only consent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tandem_analytics.adapters.tables import check_in_answers, check_ins, outcomes
from tandem_analytics.service.check_in_workers import send_due
from tandem_analytics.service.context import Context
from tandem_contracts.matching import ParticipantErased
from tandem_kit.testing import assert_problem
from tests.analytics.integration.checkins_world import (
    START,
    World,
    links_in,
    open_world,
    text_of,
    token_of,
)
from tests.support.smtp import SmtpTestServer, smtp_test_server

ENDED = START + timedelta(days=150)


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


async def _end_all(world: World) -> None:
    for relationship, _, _ in world.pairs:
        await world.end(relationship, ENDED)
    world.clock.set(ENDED + timedelta(hours=1))


async def _summary(world: World) -> dict[str, Any]:
    response = await world.app.client.get(
        f"/v1/programmes/{world.programme}/outcomes", headers=world.headers(world.manager)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_mentees_are_asked_at_closure_and_answer_by_link_once(
    world: World, smtp: SmtpTestServer
) -> None:
    await _end_all(world)
    assert await _tick(world) == 6  # the mentees, not the mentors (no plan: no check-ins)
    assert await _tick(world) == 0
    assert await world.deliver_mail(smtp) == 6
    assert smtp.to(world.pairs[0][1].email) == []
    german = world.mentees[0]
    [mail] = smtp.to(german.email)
    assert "Noch auf Arbeitssuche" in text_of(mail)
    assert "am Ende des Mentorings" in text_of(mail)
    employed, *_ = links_in(mail)
    assert len(links_in(mail)) == 5
    preview = await world.app.client.get(f"/v1/check-in-links/{token_of(employed)}")
    assert preview.json()["status"] == "employed"
    assert preview.json()["used"] is False
    applied = await world.app.client.post(f"/v1/check-in-links/{token_of(employed)}")
    assert applied.status_code == 200, applied.text
    assert_problem(
        await world.app.client.post(f"/v1/check-in-links/{token_of(employed)}"), 409, "link_used"
    )
    [de] = [c for c in (await _summary(world))["countries"] if c["country"] == "DE"]
    assert (de["stage"], de["asked"], de["answered"], de["suppressed"]) == ("closure", 5, 1, True)
    assert de["statuses"] is None

    # Three months on, the follow-up; the closure's links of the others still answer.
    world.clock.set(ENDED + timedelta(days=92))
    assert await _tick(world) == 6
    assert {r.stage for r in await _rows(world, outcomes)} == {"closure", "month_3"}


async def test_the_api_records_the_mentees_status_and_figures_come_by_country(
    world: World,
) -> None:
    relationship, mentor, mentee = world.pairs[0]
    path = f"/v1/me/outcomes/{relationship}"
    body = {"status": "employed"}
    not_yet = await world.app.client.put(path, json=body, headers=world.headers(mentee))
    assert_problem(not_yet, 409, "relationship_not_closed")
    await _end_all(world)
    assert_problem(
        await world.app.client.put(path, json=body, headers=world.headers(world.manager)),
        403,
        "members_only",
    )
    assert_problem(
        await world.app.client.put(path, json=body, headers=world.headers(world.mentees[1])),
        404,
        "relationship_not_found",
    )
    assert_problem(
        await world.app.client.put(path, json=body, headers=world.headers(mentor)),
        409,
        "mentees_only",
    )
    early = await world.app.client.put(
        path, json={"status": "employed", "stage": "month_6"}, headers=world.headers(mentee)
    )
    assert_problem(early, 409, "stage_not_due")
    bad = await world.app.client.put(path, json={"status": "rich"}, headers=world.headers(mentee))
    assert bad.status_code == 422
    assert await _rows(world, outcomes) == []  # nothing half-written
    statuses = ["employed", "employed", "in_training", "still_searching", "self_employed", "other"]
    for (relationship, _, mentee), status in zip(world.pairs, statuses, strict=True):
        done = await world.app.client.put(
            f"/v1/me/outcomes/{relationship}",
            json={"status": status},
            headers=world.headers(mentee),
        )
        assert done.status_code == 200, done.text
        assert done.json()["stage"] == "closure"
    again = await world.app.client.put(
        f"/v1/me/outcomes/{world.pairs[0][0]}",
        json={"status": "self_employed"},
        headers=world.headers(world.pairs[0][2]),
    )
    assert again.status_code == 200  # she corrects it: one row, the latest status
    figures = (await _summary(world))["countries"]
    assert figures == [
        {
            "country": "DE",
            "stage": "closure",
            "asked": 5,
            "answered": 5,
            "suppressed": False,
            "statuses": {
                "employed": 1,
                "in_training": 1,
                "self_employed": 2,
                "still_searching": 1,
                "other": 0,
            },
        },
        {
            "country": "FR",
            "stage": "closure",
            "asked": 1,
            "answered": 1,
            "suppressed": True,
            "statuses": None,
        },
    ]
    assert all(b"employed" not in (r.status or b"") for r in await _rows(world, outcomes))
    assert_problem(
        await world.app.client.get(
            f"/v1/programmes/{world.programme}/outcomes", headers=world.headers(mentee)
        ),
        403,
        "managers_only",
    )


async def _erase(world: World, index: int) -> None:
    mentee = world.mentees[index]
    await world.app.deliver(
        ParticipantErased(
            programme_id=world.programme,
            participant_id=mentee.participant_id,
            subject=mentee.subject,
        )
    )


@pytest.mark.parametrize("consent", ["aggregate_only", "named"])
async def test_erasure_unlinks_or_deletes_her_answers_and_outcomes(
    world: World, consent: str
) -> None:
    await world.put_plan(consent=consent)
    world.clock.set(START + timedelta(weeks=2, hours=1))
    await _tick(world)
    for mentee in world.mentees:
        [mine] = (
            await world.app.client.get("/v1/me/check-ins", headers=world.headers(mentee))
        ).json()
        answered = await world.app.client.post(
            f"/v1/check-ins/{mine['id']}/answers",
            json={"answers": {"relationship": 4}},
            headers=world.headers(mentee),
        )
        assert answered.status_code == 200
    await _end_all(world)
    for relationship, _, mentee in world.pairs:
        await world.app.client.put(
            f"/v1/me/outcomes/{relationship}",
            json={"status": "employed"},
            headers=world.headers(mentee),
        )
    erased = world.mentees[0]
    await _erase(world, 0)
    await _erase(world, 0)  # the contact's tombstone or a redelivery: changes nothing more
    every = [*await _rows(world, check_ins), *await _rows(world, outcomes)]
    assert all(erased.participant_id not in tuple(row) for row in every)
    # Her anonymous rows keep no relationship either (in a pair, it would name her).
    assert all(row.relationship_id is None for row in every if row.participant_id is None)
    summary = (
        await world.app.client.get(
            f"/v1/programmes/{world.programme}/check-ins/summary",
            headers=world.headers(world.manager),
        )
    ).json()
    [pulse] = summary["rounds"]
    [de] = [c for c in (await _summary(world))["countries"] if c["country"] == "DE"]
    if consent == "aggregate_only":
        assert (pulse["answered"], pulse["questions"][0]["respondents"]) == (6, 6)
        assert de["answered"] == 5
    else:
        assert (pulse["answered"], pulse["questions"][0]["respondents"]) == (5, 5)
        assert de["answered"] == 4
        assert len(await _rows(world, check_in_answers)) == 5
    mine = await world.app.client.get("/v1/me/check-ins", headers=world.headers(erased))
    assert mine.json() == []
