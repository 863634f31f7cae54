"""The API's main paths once on SQLite and once on PostgreSQL (migrated by the service)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tandem_kit.testing import assert_problem
from tests.conftest import UrlFactory
from tests.matching.integration.helpers import (
    Api,
    mentee_body,
    mentor_body,
    running_app,
    settings_for,
)
from tests.matching.integration.test_relationships_api import CHOICE, start_pair

pytestmark = [pytest.mark.postgres]


@pytest.fixture
async def any_db_api(url_factory: UrlFactory, key_path: str) -> AsyncIterator[Api]:
    url = await url_factory("matching")
    settings = settings_for(url, key_path, migrate_on_start=True, match_runs_enabled=True)
    async with running_app(settings) as api:
        yield api


async def test_smoke(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy={**CHOICE, "hard_constraints": ["language", "availability"]})
    manager = api.tokens.manager(pid)
    report = await api.call(
        "POST",
        f"/v1/programmes/{pid}/imports",
        manager,
        201,
        json={
            "rows": [mentor_body(f"m{i}") for i in range(3)]
            + [mentee_body(f"e{i}") for i in range(4)]
        },
    )
    assert report["imported"] == 7
    bad = assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports",
            headers=manager,
            json={"rows": [mentee_body("x", country="ZZ")]},
        ),
        422,
        "invalid_rows",
    )
    assert bad["errors"][0]["line"] == 1
    waiting = await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants?unmatched=true&role=mentee&country=DE&limit=2",
        manager,
    )
    assert len(waiting["items"]) == 2
    assert waiting["next_cursor"]
    rest = await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants?unmatched=true"
        f"&role=mentee&country=DE&limit=2&cursor={waiting['next_cursor']}",
        manager,
    )
    assert len(rest["items"]) == 2
    rel = await start_pair(api, pid, "amira", "jonas")
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{rel['id']}/end",
        api.tokens.mentee(pid, "amira"),
        json={"reason": "no_time"},
    )
    # Back in the pool once she accepts the re-matching offer the early end made her.
    [offer] = (await api.call("GET", f"/v1/programmes/{pid}/rematching-offers", manager))["items"]
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/rematching-offers/{offer['id']}/accept",
        api.tokens.mentee(pid, "amira"),
    )
    run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", manager, 202)
    run = await api.wait_for_run(pid, run["id"])
    assert run["status"] == "draft"
    assert run["summary"]["matched"] == 5  # four imported mentees and amira again
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    items = (await api.call("GET", f"{base}/proposals", manager))["items"]
    amira_mentor = next(
        p["mentor_id"] for p in items if rel["mentee_id"] in {m["mentee_id"] for m in p["mentees"]}
    )
    assert amira_mentor != rel["mentor_id"]  # not the mentor she ended with
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    published = await api.call("POST", f"{base}/publish", manager)
    assert published["relationships_proposed"] >= 3
    receipt = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/erasure",
        api.tokens.mentee(pid, "amira"),
    )
    assert receipt["relationships_closed"] == 1
    export = await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants/{rel['mentor_id']}/export",
        api.tokens.mentor(pid, "jonas"),
    )
    assert export["participant"]["subject"] == "jonas"
