"""The relationship life cycle after a start: reading, ending early, completing, re-matching."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import pytest

from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem
from tandem_matching.service.relationships import complete_due
from tests.matching.integration.helpers import (
    Api,
    mentee_body,
    mentor_body,
    running_app,
    settings_for,
)

CHOICE = {"hard_constraints": ["language"], "mentee_choice": True}


async def start_pair(api: Api, pid: str, mentee: str, mentor: str) -> dict[str, Any]:
    """An active relationship through mentee choice (both registered here first)."""
    mentee_row = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, mentee),
        201,
        json=mentee_body(),
    )
    mentor_row = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentor(pid, mentor),
        201,
        json=mentor_body(),
    )
    request = await api.call(
        "POST",
        f"/v1/programmes/{pid}/mentor-requests",
        api.tokens.mentee(pid, mentee),
        201,
        json={"mentor_id": mentor_row["id"]},
    )
    accepted = await api.call(
        "POST",
        f"/v1/programmes/{pid}/mentor-requests/{request['id']}/accept",
        api.tokens.mentor(pid, mentor),
    )
    relationship: dict[str, Any] = await api.call(
        "GET",
        f"/v1/programmes/{pid}/relationships/{accepted['relationship_id']}",
        api.tokens.manager(pid),
    )
    relationship["mentee_id"], relationship["mentor_id"] = mentee_row["id"], mentor_row["id"]
    return relationship


async def test_members_and_managers_read_relationships(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    first = await start_pair(api, pid, "amira", "jonas")
    second = await start_pair(api, pid, "bob", "kim")
    base = f"/v1/programmes/{pid}/relationships"
    everyone = await api.call("GET", base, api.tokens.manager(pid))
    assert {r["id"] for r in everyone["items"]} == {first["id"], second["id"]}
    mine = await api.call("GET", base, api.tokens.mentee(pid, "amira"))
    assert [r["id"] for r in mine["items"]] == [first["id"]]
    members = {m["role"]: m for m in mine["items"][0]["members"]}
    assert members["mentor"]["display_name"] == "Mentor self"
    # Each member's zone, so the other sees their local time (the web app's introduction).
    assert members["mentor"]["time_zone"] == members["mentee"]["time_zone"] == "Europe/Berlin"
    assert members["mentee"]["explanation"]
    assert members["mentee"]["score"] > 0
    assert_problem(
        await api.client.get(f"{base}/{second['id']}", headers=api.tokens.mentee(pid, "amira")), 404
    )
    assert_problem(
        await api.client.get(
            f"{base}/{first['id']}", headers=api.tokens.manager(await api.programme())
        ),
        404,
        "programme_not_found",
    )
    assert_problem(await api.client.get(base, headers=api.tokens.mentee(pid, "unregistered")), 403)
    page = await api.call("GET", f"{base}?limit=1", api.tokens.manager(pid))
    assert len(page["items"]) == 1
    assert page["next_cursor"]
    actives = await api.call("GET", f"{base}?status=active", api.tokens.manager(pid))
    assert len(actives["items"]) == 2
    assert (await api.call("GET", f"{base}?status=completed", api.tokens.manager(pid)))[
        "items"
    ] == []
    assert_problem(
        await api.client.get(f"{base}?status=paused", headers=api.tokens.manager(pid)), 422
    )


@pytest.mark.parametrize("ender", ["mentee", "mentor", "manager"])
async def test_end_early_by_each_party(api: Api, ender: str) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    headers = {
        "mentee": api.tokens.mentee(pid, "amira"),
        "mentor": api.tokens.mentor(pid, "jonas"),
        "manager": api.tokens.manager(pid),
    }[ender]
    url = f"/v1/programmes/{pid}/relationships/{rel['id']}/end"
    ended = await api.call("POST", url, headers, json={"reason": "no_time"})
    assert ended["status"] == "ended_early"
    assert ended["ended_by"] == ender
    assert ended["end_reason"] == "no_time"
    assert_problem(
        await api.client.post(url, headers=headers, json={"reason": "no_time"}),
        409,
        "relationship_not_active",
    )
    # The mentee is offered re-matching (test_rematching_api), waits again once she
    # accepts, and is not offered the same mentor.
    mentee = await api.call(
        "GET", f"/v1/programmes/{pid}/participants/{rel['mentee_id']}", api.tokens.manager(pid)
    )
    assert mentee["waiting"] is False
    [offer] = (
        await api.call(
            "GET", f"/v1/programmes/{pid}/rematching-offers", api.tokens.mentee(pid, "amira")
        )
    )["items"]
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/rematching-offers/{offer['id']}/accept",
        api.tokens.mentee(pid, "amira"),
    )
    mentee = await api.call(
        "GET", f"/v1/programmes/{pid}/participants/{rel['mentee_id']}", api.tokens.manager(pid)
    )
    assert mentee["waiting"] is True
    best = await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/suggestions",
        api.tokens.mentee(pid, "amira"),
    )
    assert rel["mentor_id"] not in {s["mentor_id"] for s in best}


async def test_end_early_rules(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    await start_pair(api, pid, "bob", "kim")
    url = f"/v1/programmes/{pid}/relationships/{rel['id']}/end"
    for bad in ({}, {"reason": "bored"}, {"reason": "no_time", "note": "x"}):
        assert_problem(
            await api.client.post(url, headers=api.tokens.manager(pid), json=bad),
            422,
            "validation_error",
        )
    for reserved in ("programme_completed", "participant_erased"):
        assert_problem(
            await api.client.post(url, headers=api.tokens.manager(pid), json={"reason": reserved}),
            422,
            "reserved_reason",
        )
    assert_problem(
        await api.client.post(
            url, headers=api.tokens.mentee(pid, "bob"), json={"reason": "no_time"}
        ),
        404,
    )
    assert_problem(
        await api.client.post(
            url, headers=api.tokens.manager(await api.programme()), json={"reason": "no_time"}
        ),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/relationships/{uuid.uuid4()}/end",
            headers=api.tokens.manager(pid),
            json={"reason": "no_time"},
        ),
        404,
        "relationship_not_found",
    )
    still = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.manager(pid)
    )
    assert still["status"] == "active"


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), dt.UTC)


async def test_programmes_complete_at_midnight_of_their_own_time_zone(api: Api) -> None:
    """Issue 10: completion went by the UTC date. Auckland (UTC+13 in summer) ends its
    last day 11 hours before UTC does, Los Angeles (UTC-8) 8 hours after."""
    ends_on = dt.date.today() + dt.timedelta(days=10)
    auckland = await api.programme(
        policy=CHOICE, ends_on=str(ends_on), time_zone="Pacific/Auckland"
    )
    angeles = await api.programme(
        policy=CHOICE, ends_on=str(ends_on), time_zone="America/Los_Angeles"
    )
    east = await start_pair(api, auckland, "amira", "jonas")
    west = await start_pair(api, angeles, "bob", "kim")
    day_after = ends_on + dt.timedelta(days=1)
    context = api.context
    # 23:30 UTC on the last day: 12:30 the next day in Auckland, 15:30 in Los Angeles
    at = dt.datetime.combine(ends_on, dt.time(23, 30), dt.UTC)
    assert await complete_due(context, at) == 1
    # 07:30 UTC the day after: still 23:30 of the last day in Los Angeles
    assert await complete_due(context, dt.datetime.combine(day_after, dt.time(7, 30), dt.UTC)) == 0
    # 08:00 UTC: midnight in Los Angeles
    assert await complete_due(context, dt.datetime.combine(day_after, dt.time(8), dt.UTC)) == 1
    statuses = []
    for pid, rel in ((auckland, east), (angeles, west)):
        seen = await api.call(
            "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.manager(pid)
        )
        statuses.append(seen["status"])
    assert statuses == ["completed", "completed"]


async def test_complete_due_completes_only_active_relationships_of_ended_programmes(
    api: Api,
) -> None:
    today = dt.date.today()
    pid = await api.programme(policy=CHOICE, ends_on=str(today + dt.timedelta(days=10)))
    rel = await start_pair(api, pid, "amira", "jonas")
    ended = await start_pair(api, pid, "bob", "kim")
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{ended['id']}/end",
        api.tokens.manager(pid),
        json={"reason": "found_employment"},
    )
    assert await complete_due(api.context, noon(today + dt.timedelta(days=10))) == 0  # last day
    assert await complete_due(api.context, noon(today + dt.timedelta(days=11))) == 1
    assert await complete_due(api.context, noon(today + dt.timedelta(days=11))) == 0
    done = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.manager(pid)
    )
    assert done["status"] == "completed"
    assert done["ended_by"] == "system"
    assert done["end_reason"] == "programme_completed"
    still = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{ended['id']}", api.tokens.manager(pid)
    )
    assert still["status"] == "ended_early"


async def test_worker_completes_relationships_after_the_programme_end(
    matching_db_url: str, key_path: str
) -> None:
    """Nobody acts: the completion worker of a running app does it (today is injected)."""
    ends_on = dt.date.today() + dt.timedelta(days=30)
    async with running_app(settings_for(matching_db_url, key_path, migrate_on_start=False)) as api:
        pid = await api.programme(policy=CHOICE, ends_on=str(ends_on))
        rel = await start_pair(api, pid, "amira", "jonas")
    later = settings_for(
        matching_db_url,
        key_path,
        migrate_on_start=False,
        completion_enabled=True,
        completion_interval_seconds=0.1,
    )
    day_after = dt.datetime.combine(ends_on + dt.timedelta(days=1), dt.time(9), dt.UTC)
    async with running_app(later, clock=ManualClock(day_after)) as api:
        for _ in range(100):
            seen = await api.call(
                "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.manager(pid)
            )
            if seen["status"] == "completed":
                break
            await asyncio.sleep(0.1)
        assert seen["status"] == "completed"
        assert seen["ended_by"] == "system"
