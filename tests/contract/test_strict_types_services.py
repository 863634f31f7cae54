"""Each service refuses a boolean or a number given as a look-alike of another type.

Through real endpoints of the real apps (the rule is the kit's ``RequestModel`` and
query check): a 422 naming the field, before any use case runs.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tandem_kit.testing import assert_problem, isolated_settings, run_app
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tandem_messaging.main import create_app as messaging_app
from tests.messaging.harness import settings_for


def _locs(body: dict[str, Any]) -> list[list[object]]:
    return [e["loc"] for e in body["errors"]]


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"group_size": {"min": "3", "max": 5}}, ["body", "group_size", "min"]),
        ({"policy": {"min_overlap_hours": True}}, ["body", "policy", "min_overlap_hours"]),
        ({"policy": {"mentee_choice": 0}}, ["body", "policy", "mentee_choice"]),
    ],
)
async def test_matching_refuses_look_alikes(
    tmp_path: Path, change: dict[str, Any], loc: list[object]
) -> None:
    settings = isolated_settings(MatchingSettings, tmp_path, completion_enabled=False)
    app = matching_app(settings)
    example = app.openapi()["components"]["schemas"]["ProgrammeCreate"]["examples"][0]
    async with run_app(app, settings) as running:
        admin = running.bearer("root", admin=True)
        refused = await running.client.post(
            "/v1/programmes", json={**example, **change}, headers=admin
        )
        assert _locs(assert_problem(refused, 422, "validation_error")) == [loc]
        listed = await running.client.get(
            f"/v1/programmes/{uuid.uuid4()}/participants", params={"available": "1"}, headers=admin
        )
        assert _locs(assert_problem(listed, 422, "validation_error")) == [["query", "available"]]


async def test_messaging_refuses_look_alikes(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    async with run_app(messaging_app(settings), settings) as running:
        headers = running.bearer("ana", mentee=[uuid.uuid4()])
        hour = await running.client.put(
            "/v1/me/notification-preferences",
            json={"new_message": "daily_digest", "digest_hour": "18"},
            headers=headers,
        )
        assert _locs(assert_problem(hour, 422, "validation_error")) == [["body", "digest_hour"]]
        lock = await running.client.put(
            f"/v1/forums/{uuid.uuid4()}/threads/{uuid.uuid4()}/lock",
            json={"locked": 1},
            headers=headers,
        )
        assert _locs(assert_problem(lock, 422, "validation_error")) == [["body", "locked"]]


async def test_an_unknown_query_parameter_without_a_valid_token_is_a_401(tmp_path: Path) -> None:
    """Authentication first: a caller without a valid token learns nothing of a route's
    parameters (the query check answered such a caller a 422 naming them; found by the
    fuzz test, which sent anonymous requests with generated query strings)."""
    settings = isolated_settings(MatchingSettings, tmp_path, completion_enabled=False)
    async with run_app(matching_app(settings), settings) as running:
        path, query = "/v1/programmes", {"stauts": "withdrawn"}
        assert_problem(await running.client.get(path, params=query), 401)
        forged = {"Authorization": "Bearer not.a.token"}
        assert_problem(await running.client.get(path, params=query, headers=forged), 401)
        known = running.bearer("root", admin=True)
        refused = await running.client.get(path, params=query, headers=known)
        assert _locs(assert_problem(refused, 422, "validation_error")) == [["query", "stauts"]]
